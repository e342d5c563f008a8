import { loadMnist } from '@dlkit/mnist';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isolatedPixels, strayInk } from '../src/node';

/** A blank 6 × 6 image in [−1, 1] with the given pixels set to `value` (default: full ink). */
function image(inked: [number, number][], value = 1, side = 6): Float32Array {
  const values = new Float32Array(side * side).fill(-1);
  for (const [row, column] of inked) values[row * side + column] = value;
  return values;
}

describe('isolatedPixels', () => {
  test('counts bright pixels with no ink among their 8 neighbours, averaged over the images', () => {
    const stroke: [number, number][] = [
      [1, 1],
      [2, 2],
      [3, 3],
    ];
    expect(isolatedPixels(image(stroke), 1, [6, 6])).toBe(0);
    expect(isolatedPixels(image([...stroke, [0, 5]]), 1, [6, 6])).toBe(1); // a speck in the corner
    expect(isolatedPixels(image([...stroke, [5, 0], [5, 1]]), 1, [6, 6])).toBe(0); // a two-pixel blot: stray ink, not isolated
    expect(isolatedPixels(image([[2, 2]]), 1, [6, 6])).toBe(1); // a digit of one pixel is one
    const two = new Float32Array([...image([...stroke, [0, 5]]), ...image(stroke)]);
    expect(isolatedPixels(two, 2, [6, 6])).toBe(0.5);
  });

  test('bright is half of full brightness (0); a neighbour at the ink level (−0.5) makes it a smudge, not a speck', () => {
    const dim = image([[2, 2]], -0.01);
    expect(isolatedPixels(dim, 1, [6, 6])).toBe(0);
    dim[2 * 6 + 2] = 0;
    expect(isolatedPixels(dim, 1, [6, 6])).toBe(1);
    dim[3 * 6 + 3] = -0.55; // too faint a neighbour to count as ink
    expect(isolatedPixels(dim, 1, [6, 6])).toBe(1);
    dim[3 * 6 + 3] = -0.5; // the brightest pixel of a faint smudge
    expect(isolatedPixels(dim, 1, [6, 6])).toBe(0);
    expect(strayInk(dim, 1, [6, 6])).toBe(0); // one blob
  });

  test('NaN is never bright', () => {
    expect(isolatedPixels(image([[2, 2]], Number.NaN), 1, [6, 6])).toBe(0);
  });

  test('never more than the stray ink plus one per image, since an isolated pixel is a blob of its own (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(-1, -0.5, 0, 1), { minLength: 25, maxLength: 25 }), (cells) => {
        const values = Float32Array.from(cells);
        const isolated = isolatedPixels(values, 1, [5, 5]);
        expect(Number.isInteger(isolated)).toBe(true);
        expect(isolated).toBeLessThanOrEqual(strayInk(values, 1, [5, 5]) + 1);
        expect(isolated).toBeLessThanOrEqual(cells.filter((v) => v >= 0).length);
      }),
    );
  });

  test('real MNIST digits: about one in 500 digits has one', async () => {
    const digits = await loadMnist({ source: 'embedded', split: 'train', limit: 4000, normalize: '[-1,1]' });
    const isolated = isolatedPixels(digits.images, digits.count, [28, 28]);
    expect(isolated).toBeGreaterThan(0);
    expect(isolated).toBeLessThan(0.005);
  });

  test('a wrong length is a RangeError naming the shape', () => {
    expect(() => isolatedPixels(new Float32Array(10), 1, [6, 6])).toThrow(
      'isolatedPixels: expected 1 images of 6 × 6 pixels, found 10 values',
    );
  });
});
