import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { imageGrid, PlotInputError } from '../src/node';
import { decodePng } from './_png';

// Three 2×2 grayscale images with distinct known pixels (row-major).
const images = [
  [0, 0.5, 1, 0.25],
  [1, 1, 1, 1],
  [0.2, 0.4, 0.6, 0.8],
];
const byte = (v: number) => Math.round(v * 255);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('imageGrid(images, options)', () => {
  test('tiles images row-major with spacing and integer scale; known pixels at known places', () => {
    const png = decodePng(imageGrid(images, { width: 2, height: 2, columns: 2, spacing: 1, scale: 3 }));
    // 2 columns × 2 rows of 6×6 tiles, 1 px gaps around and between: 1 + 2·(6 + 1) = 15.
    expect([png.width, png.height]).toEqual([15, 15]);
    const tileAt = (k: number) => [1 + (k % 2) * 7, 1 + Math.floor(k / 2) * 7] as const;
    images.forEach((image, k) => {
      const [left, top] = tileAt(k);
      image.forEach((v, p) => {
        const x = left + (p % 2) * 3;
        const y = top + Math.floor(p / 2) * 3;
        // Every pixel of the 3×3 block has the value.
        for (const [dx, dy] of [
          [0, 0],
          [2, 2],
          [1, 2],
        ] as const) {
          expect(png.at(x + dx, y + dy)).toEqual([byte(v), byte(v), byte(v), 255]);
        }
      });
    });
    expect(png.at(0, 0)).toEqual([255, 255, 255, 255]); // border
    expect(png.at(7, 3)).toEqual([255, 255, 255, 255]); // gap between tiles 0 and 1
    expect(png.at(10, 10)).toEqual([255, 255, 255, 255]); // the empty fourth slot
  });

  test('maps [-1, 1] to black…white and clamps values outside the range', () => {
    const png = decodePng(imageGrid([[-1, 0, 1, 7]], { width: 4, height: 1, range: '[-1,1]', spacing: 0 }));
    expect([png.width, png.height]).toEqual([4, 1]);
    expect([0, 1, 2, 3].map((x) => png.at(x, 0)[0])).toEqual([0, 128, 255, 255]);
  });

  test('accepts a flat Float32Array of n·h·w values and RGB images', () => {
    const flat = new Float32Array([0, 1, 0.5, 1, 0, 0.5]);
    const gray = decodePng(imageGrid(flat, { width: 1, height: 2, spacing: 0, columns: 3 }));
    expect([gray.width, gray.height]).toEqual([3, 2]);
    expect(gray.at(1, 0)[0]).toBe(byte(0.5));
    const rgb = decodePng(imageGrid([[1, 0, 0, 0, 0, 1]], { width: 2, height: 1, channels: 3, spacing: 0 }));
    expect(rgb.at(0, 0)).toEqual([255, 0, 0, 255]);
    expect(rgb.at(1, 0)).toEqual([0, 0, 255, 255]);
  });

  test('accepts tfjs tensors of shape [n,h,w], [n,h,w,1] and [n,h·w], reads them without leaking', () => {
    const fromArrays = imageGrid(images, { width: 2, height: 2 });
    const before = tf.memory().numTensors;
    const t3 = tf.tensor3d(images.flat(), [3, 2, 2]);
    const t4 = tf.tensor4d(images.flat(), [3, 2, 2, 1]);
    const t2 = tf.tensor2d(images.flat(), [3, 4]);
    for (const t of [t3, t4, t2]) expect(imageGrid(t, { width: 2, height: 2 })).toEqual(fromArrays);
    expect(tf.memory().numTensors).toBe(before + 3); // the caller's tensors, untouched
    tf.dispose([t3, t4, t2]);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('rejects a tensor of another shape, naming both shapes', () => {
    const t = tf.zeros([2, 28, 27]);
    try {
      expect(() => imageGrid(t, { width: 28, height: 28 })).toThrow(/tensor of shape \[2, 28, 27\].*expected \[n, 28, 28\]/);
    } finally {
      t.dispose();
    }
  });

  test('draws NaN pixels red with one warning', () => {
    const warn = vi.fn();
    const png = decodePng(imageGrid([[Number.NaN, 0, Number.POSITIVE_INFINITY, 1]], { width: 2, height: 2, spacing: 0, warn }));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/2 pixels are NaN or ±Infinity/);
    expect(png.at(0, 0)).toEqual([255, 0, 64, 255]);
    expect(png.at(1, 0)).toEqual([0, 0, 0, 255]);
  });

  test('adds a caption strip under each tile without changing the image pixels', () => {
    const digits = Array.from({ length: 4 }, (_, k) => new Float32Array(16 * 16).fill(k / 3));
    const plain = decodePng(imageGrid(digits, { width: 16, height: 16, columns: 2, scale: 2, spacing: 2 }));
    const captioned = decodePng(
      imageGrid(digits, { width: 16, height: 16, columns: 2, scale: 2, spacing: 2, captions: ['zero', 'one', 'two', 'three'] }),
    );
    expect(captioned.width).toBe(plain.width);
    const captionH = (captioned.height - plain.height) / 2;
    expect(captionH).toBeGreaterThan(8);
    // Tile 3 (row 1, column 1): same pixels, shifted down by one caption strip.
    expect(captioned.at(2 + 34 + 5, 2 + 34 + captionH + 5)).toEqual(plain.at(2 + 34 + 5, 2 + 34 + 5));
    expect(captioned.at(2 + 3, 2 + 3)).toEqual([0, 0, 0, 255]);
    // The captions are drawn: dark text pixels in the strip under tile 0.
    expect(captioned.darkPixels(2, 2 + 32, 2 + 32, 2 + 32 + captionH)).toBeGreaterThan(10);
  });

  test('fits long captions inside their own tile (smaller font, then an ellipsis)', () => {
    const tiles = [new Array(16 * 16).fill(1), new Array(16 * 16).fill(1)];
    const long = 'a caption far too long for a thirty-two pixel tile';
    const png = decodePng(imageGrid(tiles, { width: 16, height: 16, scale: 2, spacing: 4, columns: 2, captions: [long, long] }));
    const strip = [4 + 32, png.height - 4] as const;
    // Ink under both tiles, none in the margins and the gap between them.
    expect(png.darkPixels(4, strip[0], 36, strip[1], 200)).toBeGreaterThan(5);
    expect(png.darkPixels(40, strip[0], 72, strip[1], 200)).toBeGreaterThan(5);
    expect(png.darkPixels(0, strip[0], 4, strip[1], 250)).toBe(0);
    expect(png.darkPixels(36, strip[0], 40, strip[1], 250)).toBe(0);
    expect(png.darkPixels(72, strip[0], 76, strip[1], 250)).toBe(0);
  });

  test.each([
    [[], {}, /no images to draw/],
    [
      [
        [0, 0, 0, 0],
        [0, 0, 0],
      ],
      {},
      /image 1 has 3 values, expected 4 \(2×2\); all images must be the same size/,
    ],
    [new Float32Array(6), {}, /a flat array of 6 values is not a whole number of 2×2 images \(4 values each\)/],
    [images, { captions: ['a', 'b', 'c', 'd'] }, /4 captions for 3 images/],
    [images, { scale: 1.5 }, /scale must be a positive integer, found 1.5/],
    [images, { range: '[0,255]' }, /range must be '\[0,1\]' or '\[-1,1\]'/],
    [images, { background: 'chartreuse' }, /background must be '#rrggbb'/],
    [images, { width: undefined }, /width must be a positive integer/],
  ])('rejects bad input with one clear error (%#)', (input, extra, message) => {
    const options = { width: 2, height: 2, ...extra };
    expect(() => imageGrid(input as never, options as never)).toThrow(message);
    expect(() => imageGrid(input as never, options as never)).toThrow(PlotInputError);
  });
});
