import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { strayInk } from '../src/node';

/** A blank 6 × 6 image in [−1, 1] with the given pixels inked (value 1). */
function image(inked: [number, number][], side = 6): Float32Array {
  const values = new Float32Array(side * side).fill(-1);
  for (const [row, column] of inked) values[row * side + column] = 1;
  return values;
}

describe('strayInk', () => {
  test('counts the ink outside each image’s largest 8-connected blob, averaged over the images', () => {
    const stroke: [number, number][] = [
      [1, 1],
      [2, 2], // diagonal neighbours join one blob
      [3, 3],
    ];
    const clean = image(stroke);
    const speck = image([...stroke, [0, 5]]); // one isolated pixel
    const blot = image([...stroke, [5, 0], [5, 1]]); // a loose two-pixel blot
    expect(strayInk(clean, 1, [6, 6])).toBe(0);
    expect(strayInk(speck, 1, [6, 6])).toBe(1);
    expect(strayInk(blot, 1, [6, 6])).toBe(2);
    const three = new Float32Array([...clean, ...speck, ...blot]);
    expect(strayInk(three, 3, [6, 6])).toBe(1);
  });

  test('ink is a quarter of full brightness or more (−0.5 on the [−1, 1] scale)', () => {
    const faint = image([
      [1, 1],
      [1, 2],
    ]);
    faint[5 * 6 + 5] = -0.55; // too faint to count
    expect(strayInk(faint, 1, [6, 6])).toBe(0);
    faint[5 * 6 + 5] = -0.5;
    expect(strayInk(faint, 1, [6, 6])).toBe(1);
  });

  test('never counts more than the ink there is, nor anything in a single blob (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }), (cells) => {
        const values = Float32Array.from(cells, (on) => (on ? 1 : -1));
        const ink = cells.filter(Boolean).length;
        const stray = strayInk(values, 1, [5, 5]);
        expect(stray).toBeGreaterThanOrEqual(0);
        expect(stray).toBeLessThanOrEqual(Math.max(0, ink - 1));
        expect(Number.isInteger(stray)).toBe(true);
      }),
    );
    // Every pixel inked is one blob: nothing stray.
    expect(strayInk(new Float32Array(25).fill(1), 1, [5, 5])).toBe(0);
  });

  test('a wrong length is a RangeError naming the shape', () => {
    expect(() => strayInk(new Float32Array(10), 1, [6, 6])).toThrow('strayInk: expected 1 images of 6 × 6 pixels, found 10 values');
  });
});
