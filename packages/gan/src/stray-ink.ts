import { checkImages, inkThreshold } from './_ink';

/**
 * Speckle, counted: the mean number of pixels per image that hold ink (at least a quarter of full
 * brightness) outside the image's largest 8-connected blob of ink — the isolated specks and loose blots
 * around a digit, not its strokes. Real MNIST digits have about 0.2 (a few have broken strokes); an MLP
 * generator's speckled digits several. `images` holds `count` images of `height × width` pixels in
 * [−1, 1], row-major. Pure arithmetic, no tfjs.
 */
export function strayInk(images: ArrayLike<number>, count: number, [height, width]: readonly [number, number]): number {
  checkImages('strayInk', images, count, [height, width]);
  const pixels = height * width;
  const blob = new Int32Array(pixels);
  const stack = new Int32Array(pixels);
  let stray = 0;
  for (let image = 0; image < count; image++) {
    const offset = image * pixels;
    const inked = (p: number) => images[offset + p]! >= inkThreshold;
    blob.fill(-1);
    let total = 0;
    let largest = 0;
    for (let start = 0, id = 0; start < pixels; start++) {
      if (blob[start] !== -1 || !inked(start)) continue;
      // Flood one blob from `start` through its 8 neighbours.
      let size = 0;
      let top = 0;
      stack[top++] = start;
      blob[start] = id;
      while (top > 0) {
        const p = stack[--top]!;
        size++;
        const row = Math.floor(p / width);
        const column = p % width;
        for (let dr = -1; dr <= 1; dr++) {
          for (let dc = -1; dc <= 1; dc++) {
            const r = row + dr;
            const c = column + dc;
            if (r < 0 || c < 0 || r >= height || c >= width) continue;
            const q = r * width + c;
            if (blob[q] === -1 && inked(q)) {
              blob[q] = id;
              stack[top++] = q;
            }
          }
        }
      }
      total += size;
      largest = Math.max(largest, size);
      id++;
    }
    stray += total - largest;
  }
  return stray / count;
}
