// '@dlkit/training/node', and '@dlkit/training' itself in Node: the main entry, plus what writes files.
export * from './index';
export { saveLayersModel } from './save-layers-model';
