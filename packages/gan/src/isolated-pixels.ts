import { checkImages, inkThreshold } from './_ink';

/**
 * Isolated-pixel speckle, counted: the mean number of pixels per image that are bright (at least half of
 * full brightness, 0 on the [−1, 1] scale) while none of their 8 neighbours holds ink (a quarter of full
 * brightness): single-pixel specks on the background, a one-pixel blob of `strayInk`'s ink. The
 * brightest pixel of a faint smudge is not one (its neighbours hold ink); `strayInk` counts smudges.
 * Real MNIST digits have about 0.002 (one in 500 digits has one). `images` holds `count` images of
 * `height × width` pixels in [−1, 1], row-major. Pure arithmetic, no tfjs.
 */
export function isolatedPixels(images: ArrayLike<number>, count: number, [height, width]: readonly [number, number]): number {
  checkImages('isolatedPixels', images, count, [height, width]);
  const pixels = height * width;
  let isolated = 0;
  for (let image = 0; image < count; image++) {
    const offset = image * pixels;
    const inked = (r: number, c: number) => r >= 0 && c >= 0 && r < height && c < width && images[offset + r * width + c]! >= inkThreshold;
    for (let row = 0; row < height; row++) {
      for (let column = 0; column < width; column++) {
        if (!(images[offset + row * width + column]! >= 0)) continue;
        let alone = true;
        for (let dr = -1; dr <= 1 && alone; dr++) {
          for (let dc = -1; dc <= 1; dc++) {
            if ((dr !== 0 || dc !== 0) && inked(row + dr, column + dc)) {
              alone = false;
              break;
            }
          }
        }
        if (alone) isolated++;
      }
    }
  }
  return isolated / count;
}
