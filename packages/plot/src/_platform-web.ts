// The plotting API's platform in a browser or a web worker (package.json's "#plot-platform" everywhere but
// Node): no Node built-in. Text on image grids is drawn with a canvas (OffscreenCanvas, in pages and workers).
import { zlibSync } from 'fflate';
import { fontFamily } from './_font-family';
import type { PlotPlatform } from './_platform';

export const platform: PlotPlatform = {
  deflate: (bytes) => zlibSync(bytes),
  // A page measures text with its own fonts when it shows the SVG: nothing to trim here.
  drawnRight: () => undefined,
  drawCaptions({ rgba, width, height }, texts, { size, ink }) {
    if (typeof OffscreenCanvas === 'undefined') {
      throw new Error(
        'captions need an OffscreenCanvas to draw text, and this browser has none: use imageGridSvg, whose captions are SVG text',
      );
    }
    const context = new OffscreenCanvas(width, height).getContext('2d');
    if (!context) throw new Error('no 2D canvas context to draw the captions with');
    context.putImageData(new ImageData(new Uint8ClampedArray(rgba), width, height), 0, 0);
    context.font = `${size}px ${fontFamily}, sans-serif`;
    context.fillStyle = ink;
    context.textAlign = 'center';
    for (const { x, y, text } of texts) context.fillText(text, x, y);
    const { data } = context.getImageData(0, 0, width, height);
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  },
  writeFile: (path) =>
    Promise.reject(new Error(`writing ${path} needs a file system (Node): in a page, use the bytes or the HTML string instead`)),
};
