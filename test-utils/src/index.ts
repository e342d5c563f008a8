export { type BrowserBundle, type BuiltinImport, browserBundle, bundleForBrowser } from './browser-bundle';
export { type BuiltPackage, builtPackage, type ModuleType } from './built-package';
export { type FileWrites, watchFileWrites } from './file-writes';
export { layersModelFiles } from './layers-model-files';
export { sharedTempDir, tempDir } from './temp-dir';
