// The plotting API's platform in Node (package.json's "#plot-platform" under the "node" condition).
import { deflateSync } from 'node:zlib';
import { escapeXml } from './_escape-xml';
import type { PlotPlatform } from './_platform';
import { fontFamily, fontFiles } from './node/_fonts';
import { loadResvg } from './node/_resvg';
import { writeFileAtomic } from './node/write-file-atomic';

export const platform: PlotPlatform = {
  deflate: (bytes) => new Uint8Array(deflateSync(bytes)),
  drawnRight(svg) {
    const files = fontFiles();
    if (files.length === 0) return undefined;
    const { Resvg } = loadResvg();
    const font = { fontFiles: files, loadSystemFonts: false, defaultFontFamily: fontFamily, sansSerifFamily: fontFamily };
    const box = new Resvg(svg, { font }).getBBox();
    return box ? box.x + box.width : undefined;
  },
  // resvg draws the captions over the finished grid, placed 1:1 so the image pixels are copied exactly.
  drawCaptions({ png, width, height }, texts, { size, ink }) {
    const href = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
      `<image x="0" y="0" width="${width}" height="${height}" image-rendering="optimizeSpeed" xlink:href="${href}"/>` +
      `<g font-family="${fontFamily}, sans-serif" font-size="${size}" fill="${ink}">` +
      texts.map(({ x, y, text }) => `<text x="${x}" y="${y}" text-anchor="middle">${escapeXml(text)}</text>`).join('') +
      '</g></svg>';
    const font = {
      fontFiles: fontFiles(),
      loadSystemFonts: fontFiles().length === 0,
      defaultFontFamily: fontFamily,
      sansSerifFamily: fontFamily,
    };
    const { Resvg } = loadResvg();
    const { pixels } = new Resvg(svg, { fitTo: { mode: 'original' }, background: 'white', font }).render();
    return new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength);
  },
  writeFile: writeFileAtomic,
};
