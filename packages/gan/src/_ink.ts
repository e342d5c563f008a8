/** Ink at or above this fraction of full brightness counts as part of a digit (−0.5 on the [−1, 1] scale). */
export const inkLevel = 0.25;

/** `inkLevel` on the [−1, 1] scale images are in. */
export const inkThreshold = 2 * inkLevel - 1;

/** Throws the RangeError a speckle measure gives when `images` is not `count` images of `height × width`. */
export function checkImages(measure: string, images: ArrayLike<number>, count: number, [height, width]: readonly [number, number]): void {
  const pixels = height * width;
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(pixels) || pixels < 1 || images.length !== count * pixels) {
    throw new RangeError(`${measure}: expected ${count} images of ${height} × ${width} pixels, found ${images.length} values`);
  }
}
