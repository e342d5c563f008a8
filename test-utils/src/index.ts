export { type BuiltPackage, builtPackage, type ModuleType } from './built-package';
