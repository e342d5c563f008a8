// '@dlkit/gan/node', and '@dlkit/gan' itself in Node: the main entry, plus what needs a file system.
export * from './index';
export { checkpointFile, loadGanCheckpoint, saveGanCheckpoint } from './node/gan-checkpoint';
export { loadMnistClassifier, mnistClassifierPath } from './node/mnist-classifier';
export { saveGeneratorLayersModel } from './node/save-generator-layers-model';
export { trainGan } from './node/train-gan';
