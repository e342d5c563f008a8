import { PNG } from 'pngjs';

/** A decoded PNG with a pixel reader, for assertions. */
export function decodePng(bytes: Uint8Array) {
  const png = PNG.sync.read(Buffer.from(bytes));
  return {
    width: png.width,
    height: png.height,
    /** [r, g, b, a] at (x, y). */
    at(x: number, y: number): [number, number, number, number] {
      const i = 4 * (y * png.width + x);
      return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!];
    },
    /** How many pixels in the rectangle are darker than `threshold` (mean of r, g, b). */
    darkPixels(x0: number, y0: number, x1: number, y1: number, threshold = 128): number {
      let n = 0;
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const i = 4 * (y * png.width + x);
          if ((png.data[i]! + png.data[i + 1]! + png.data[i + 2]!) / 3 < threshold) n++;
        }
      }
      return n;
    },
  };
}
