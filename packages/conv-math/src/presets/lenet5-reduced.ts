import type { NetworkSpec } from '../layer-spec';

/**
 * The seed assignment's answer to "reduce LeNet's first-layer parameters": C1 becomes 5 filters of
 * 4×4 with stride 2 → 5×15×15 and 5·(4·4 + 1) = 85 parameters. The stride already halves the image,
 * so S2 is dropped to keep the rest of LeNet working (C3 → 16×11×11, S4 → 16×5×5, C5 → 120×1×1).
 */
export const lenet5Reduced: NetworkSpec = {
  name: 'LeNet-5, reduced C1',
  input: [1, 32, 32],
  layers: [
    { type: 'conv2d', name: 'C1', outChannels: 5, kernel: 4, stride: 2, activation: 'tanh' },
    { type: 'conv2d', name: 'C3', outChannels: 16, kernel: 5, activation: 'tanh' },
    { type: 'avgPool', name: 'S4', kernel: 2 },
    { type: 'conv2d', name: 'C5', outChannels: 120, kernel: 5, activation: 'tanh' },
    { type: 'flatten', name: 'flatten' },
    { type: 'dense', name: 'F6', outFeatures: 84, activation: 'tanh' },
    { type: 'dense', name: 'output', outFeatures: 10 },
  ],
};
