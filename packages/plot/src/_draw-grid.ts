import { checkNonNegativeInteger, checkPositiveInteger } from './_check';
import { parseColor } from './_color';
import type { CaptionText } from './_platform';
import { isTensorLike } from './_tensor-like';
import { defaultWarn } from './_warn';
import type { ImageGridInput, ImageGridOptions } from './image-grid';
import { PlotInputError } from './plot-input-error';

/** A grid drawn as opaque RGBA pixels, with the captions still to be drawn over it (as text, by the caller). */
export interface DrawnGrid {
  rgba: Uint8Array;
  width: number;
  height: number;
  captions: CaptionText[];
  font: { size: number; ink: string };
}

/** Colour that marks NaN/±Infinity pixels, so a diverged model is visible at a glance. */
const invalidPixel = [255, 0, 64] as const;

/** The layout and pixels every image-grid function shares (see imageGrid for the geometry). */
export function drawGrid(fn: string, images: ImageGridInput, options: ImageGridOptions): DrawnGrid {
  if (typeof options !== 'object' || options === null) {
    throw new PlotInputError(`${fn}: options { width, height } are required`);
  }
  const width = checkPositiveInteger(fn, 'width', options.width ?? Number.NaN, 0);
  const height = checkPositiveInteger(fn, 'height', options.height ?? Number.NaN, 0);
  const scale = checkPositiveInteger(fn, 'scale', options.scale, 1);
  const spacing = checkNonNegativeInteger(fn, 'spacing', options.spacing, 2);
  const range = options.range ?? '[0,1]';
  if (range !== '[0,1]' && range !== '[-1,1]') {
    throw new PlotInputError(`${fn}: range must be '[0,1]' or '[-1,1]', found ${JSON.stringify(range)}`);
  }
  const background = parseColor(fn, 'background', options.background ?? 'white');
  const { pixels, count, channels } = readImages(fn, images, width, height, options.channels);
  const columns = Math.min(checkPositiveInteger(fn, 'columns', options.columns, Math.ceil(Math.sqrt(count))), count);
  const captions = options.captions ?? [];
  if (captions.length > count) {
    throw new PlotInputError(`${fn}: ${captions.length} captions for ${count} images; give at most one per image`);
  }
  const hasCaptions = captions.some((c) => c !== '');
  const tileW = width * scale;
  const tileH = height * scale;
  // One font size for all captions: the largest that fits the longest (9–13 px by tile width, down
  // to 7 px); captions still too long are cut with an ellipsis.
  const largest = Math.max(9, Math.min(13, Math.round(tileW / 4)));
  const fontSize = Math.min(...captions.map((caption) => fittedSize(caption, tileW, largest)));
  const captionH = hasCaptions ? fontSize + 6 : 0;
  const rows = Math.ceil(count / columns);
  const outW = spacing + columns * (tileW + spacing);
  const outH = spacing + rows * (tileH + captionH + spacing);

  const out = new Uint8Array(outW * outH * 4);
  for (let p = 0; p < outW * outH; p++) {
    out[4 * p] = background[0];
    out[4 * p + 1] = background[1];
    out[4 * p + 2] = background[2];
    out[4 * p + 3] = 255;
  }
  const lo = range === '[0,1]' ? 0 : -1;
  const span = range === '[0,1]' ? 1 : 2;
  let invalid = 0;
  const perImage = width * height * channels;
  const rgb = [0, 0, 0];
  for (let k = 0; k < count; k++) {
    const left = spacing + (k % columns) * (tileW + spacing);
    const top = spacing + Math.floor(k / columns) * (tileH + captionH + spacing);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const base = k * perImage + (y * width + x) * channels;
        let bad = false;
        for (let c = 0; c < 3; c++) {
          const v = Number(pixels(base + (channels === 1 ? 0 : c)));
          if (!Number.isFinite(v)) bad = true;
          rgb[c] = Math.round(Math.min(1, Math.max(0, (v - lo) / span)) * 255);
        }
        if (bad) invalid++;
        const color = bad ? invalidPixel : rgb;
        for (let dy = 0; dy < scale; dy++) {
          let o = 4 * ((top + y * scale + dy) * outW + left + x * scale);
          for (let dx = 0; dx < scale; dx++, o += 4) {
            out[o] = color[0]!;
            out[o + 1] = color[1]!;
            out[o + 2] = color[2]!;
          }
        }
      }
    }
  }
  if (invalid > 0) {
    (options.warn ?? defaultWarn)(`${fn}: ${invalid} pixels are NaN or ±Infinity; they are drawn in red`);
  }
  const luminance = 0.2126 * background[0] + 0.7152 * background[1] + 0.0722 * background[2];
  const texts: CaptionText[] = [];
  captions.forEach((caption, k) => {
    if (caption === '') return;
    const left = spacing + (k % columns) * (tileW + spacing);
    const top = spacing + Math.floor(k / columns) * (tileH + captionH + spacing) + tileH;
    texts.push({ x: left + tileW / 2, y: top + captionH - 4, text: cutCaption(caption, tileW, fontSize) });
  });
  return { rgba: out, width: outW, height: outH, captions: texts, font: { size: fontSize, ink: luminance > 128 ? '#222222' : '#eeeeee' } };
}

/** Roboto's mean advance width is about 0.55 em for digits and lower case; enough to size captions. */
const emPerChar = 0.55;

function fittedSize(caption: string, tileW: number, fontSize: number): number {
  const length = Array.from(caption).length;
  if (length === 0) return fontSize;
  return Math.max(7, Math.min(fontSize, Math.floor((tileW - 2) / (emPerChar * length))));
}

function cutCaption(caption: string, tileW: number, size: number): string {
  const chars = Array.from(caption);
  const most = Math.floor((tileW - 2) / (emPerChar * size));
  return chars.length <= most ? caption : `${chars.slice(0, Math.max(1, most - 1)).join('')}…`;
}

function readImages(
  fn: string,
  images: ImageGridInput,
  width: number,
  height: number,
  channelsOption: 1 | 3 | undefined,
): { pixels: (i: number) => number; count: number; channels: number } {
  if (channelsOption !== undefined && channelsOption !== 1 && channelsOption !== 3) {
    throw new PlotInputError(`${fn}: channels must be 1 or 3, found ${String(channelsOption)}`);
  }
  if (isTensorLike(images)) {
    const shape = images.shape;
    const channels = channelsOption ?? (shape.length === 4 ? shape[3]! : 1);
    const perImage = width * height * channels;
    const ok =
      (shape.length === 3 && shape[1] === height && shape[2] === width && channels === 1) ||
      (shape.length === 4 && shape[1] === height && shape[2] === width && shape[3] === channels) ||
      (shape.length === 2 && shape[1] === perImage);
    if (!ok) {
      throw new PlotInputError(
        `${fn}: tensor of shape [${shape.join(', ')}] does not hold ${height}×${width}×${channels} images; expected [n, ${height}, ${width}${channels === 1 ? '' : `, ${channels}`}], [n, ${height}, ${width}, ${channels}] or [n, ${perImage}]`,
      );
    }
    if (shape[0] === 0) throw new PlotInputError(`${fn}: the tensor holds no images (shape [${shape.join(', ')}])`);
    const data = images.dataSync();
    return { pixels: (i) => data[i]!, count: shape[0]!, channels };
  }
  const channels = channelsOption ?? 1;
  const perImage = width * height * channels;
  if (isImageArray(images)) {
    if (images.length === 0) throw new PlotInputError(`${fn}: no images to draw (an empty array)`);
    images.forEach((image, k) => {
      if (image?.length !== perImage) {
        throw new PlotInputError(
          `${fn}: image ${k} has ${image?.length ?? 'no'} values, expected ${perImage} (${height}×${width}${channels === 1 ? '' : `×${channels}`}); all images must be the same size`,
        );
      }
    });
    return { pixels: (i) => images[Math.floor(i / perImage)]![i % perImage]!, count: images.length, channels };
  }
  if (typeof images !== 'object' || images === null || typeof images.length !== 'number') {
    throw new PlotInputError(`${fn}: expected an array of images, a flat array or a tensor, found ${typeof images}`);
  }
  const flat = images as ArrayLike<number>;
  if (flat.length === 0 || flat.length % perImage !== 0) {
    throw new PlotInputError(
      `${fn}: a flat array of ${flat.length} values is not a whole number of ${height}×${width}${channels === 1 ? '' : `×${channels}`} images (${perImage} values each)`,
    );
  }
  return { pixels: (i) => flat[i]!, count: flat.length / perImage, channels };
}

function isImageArray(images: ImageGridInput): images is readonly ArrayLike<number>[] {
  return Array.isArray(images) && (images.length === 0 || typeof images[0] !== 'number');
}
