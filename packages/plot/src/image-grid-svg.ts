import { base64 } from './_base64';
import { drawGrid } from './_draw-grid';
import { encodePng } from './_encode-png';
import { escapeXml } from './_escape-xml';
import { fontFamily } from './_font-family';
import type { ImageGridInput, ImageGridOptions } from './image-grid';

/**
 * The grid {@link imageGrid} draws, as an SVG document for a page: the images as one embedded PNG (a
 * data: URL, drawn with crisp pixels at any size) and the captions as SVG text in the page's fonts. Same
 * options, checks and errors as imageGrid; needs no canvas and no font renderer, on every platform.
 *
 * @example
 * document.body.insertAdjacentHTML('beforeend', imageGridSvg(samples, { width: 28, height: 28, scale: 2, range: '[-1,1]' }));
 */
export function imageGridSvg(images: ImageGridInput, options: ImageGridOptions): string {
  const { rgba, width, height, captions, font } = drawGrid('imageGridSvg', images, options);
  const href = `data:image/png;base64,${base64(encodePng(rgba, width, height))}`;
  const texts = captions.map(({ x, y, text }) => `<text x="${x}" y="${y}" text-anchor="middle">${escapeXml(text)}</text>`).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<image width="${width}" height="${height}" style="image-rendering:pixelated" href="${href}"/>` +
    (texts ? `<g font-family="${fontFamily}, sans-serif" font-size="${font.size}" fill="${font.ink}">${texts}</g>` : '') +
    '</svg>'
  );
}
