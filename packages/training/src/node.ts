export { saveLayersModel } from './save-layers-model';
