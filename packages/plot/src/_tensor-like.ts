/** The part of a tfjs Tensor this package reads; duck-typed so tfjs stays an optional peer. */
export interface TensorLike {
  readonly shape: number[];
  dataSync(): ArrayLike<number>;
}

export function isTensorLike(value: unknown): value is TensorLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as TensorLike).shape) &&
    typeof (value as TensorLike).dataSync === 'function'
  );
}
