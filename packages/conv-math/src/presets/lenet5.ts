import type { NetworkSpec } from '../layer-spec';

/**
 * LeNet-5 on a 32×32 grey image, as usually built today (LeCun et al. 1998, with a fully connected
 * C3, plain average pooling and a dense output instead of the paper's RBF units): 61,706 parameters.
 * C1 has 6 filters of 5×5, stride 1, no padding → 6×28×28 and 6·(5·5 + 1) = 156 parameters.
 */
export const lenet5: NetworkSpec = {
  name: 'LeNet-5',
  input: [1, 32, 32],
  layers: [
    { type: 'conv2d', name: 'C1', outChannels: 6, kernel: 5, activation: 'tanh' },
    { type: 'avgPool', name: 'S2', kernel: 2 },
    { type: 'conv2d', name: 'C3', outChannels: 16, kernel: 5, activation: 'tanh' },
    { type: 'avgPool', name: 'S4', kernel: 2 },
    { type: 'conv2d', name: 'C5', outChannels: 120, kernel: 5, activation: 'tanh' },
    { type: 'flatten', name: 'flatten' },
    { type: 'dense', name: 'F6', outFeatures: 84, activation: 'tanh' },
    { type: 'dense', name: 'output', outFeatures: 10 },
  ],
};
