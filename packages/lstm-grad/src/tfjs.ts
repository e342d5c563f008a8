export { lstm } from './tfjs/lstm';
export { lstmAutodiff } from './tfjs/lstm-autodiff';
export type { LstmOutput, LstmParams, LstmState } from './tfjs/lstm-params';
export { LstmShapeError } from './lstm-shape-error';
