// '@dlkit/vae/node', and '@dlkit/vae' itself in Node: the main entry, plus what needs a file system.
export * from './index';
export { saveVaeDecoderLayersModel } from './node/save-vae-decoder-layers-model';
export { trainVae } from './node/train-vae';
export { loadVaeCheckpoint, saveVaeCheckpoint } from './node/vae-checkpoint';
