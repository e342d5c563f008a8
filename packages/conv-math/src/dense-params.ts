import { requireInteger } from './_validate';

/** A fully connected layer, for counting. */
export interface DenseParamsOptions {
  /** Input features. */
  inFeatures: number;
  /** Output features (units). */
  outFeatures: number;
  /** One bias per unit. Default true. */
  bias?: boolean;
}

/**
 * Parameters of a dense (fully connected) layer: outFeatures · (inFeatures + 1), or without the + 1
 * when `bias` is false.
 *
 * @example
 * denseParams({ inFeatures: 120, outFeatures: 84 }) // 10164 (LeNet's F6)
 */
export function denseParams(options: DenseParamsOptions): number {
  const inFeatures = requireInteger('inFeatures', options.inFeatures, 1);
  const outFeatures = requireInteger('outFeatures', options.outFeatures, 1);
  return outFeatures * (inFeatures + (options.bias === false ? 0 : 1));
}
