/**
 * What trainVae and evaluateVae read: `count` images of `inputSize` pixels in [0, 1], row after row.
 * A `MnistDataset` from @dlkit/mnist (loaded with normalize '[0,1]') is one.
 */
export interface VaeDataset {
  count: number;
  images: Float32Array;
}
