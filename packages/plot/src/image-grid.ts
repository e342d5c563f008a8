import { platform } from '#plot-platform';
import { drawGrid } from './_draw-grid';
import { encodePng } from './_encode-png';
import type { TensorLike } from './_tensor-like';
import type { WarnFunction } from './_warn';
import { PlotInputError } from './plot-input-error';

/**
 * Images for {@link imageGrid}: an array of images (each `height·width·channels` values, row-major),
 * one flat array of `n·height·width·channels` values (e.g. a Float32Array), or a tfjs tensor of shape
 * `[n, height, width]`, `[n, height, width, channels]` or `[n, height·width·channels]`.
 */
export type ImageGridInput = readonly ArrayLike<number>[] | ArrayLike<number> | TensorLike;

/** Options of {@link imageGrid}. */
export interface ImageGridOptions {
  /** Width and height of each image in pixels. */
  width: number;
  height: number;
  /** 1 (grayscale) or 3 (RGB, interleaved). Default: the tensor's last dimension for 4-D tensors, else 1. */
  channels?: 1 | 3;
  /** Tiles per row. Default ⌈√n⌉. */
  columns?: number;
  /** Gap between tiles and around the grid, in output pixels. Default 2. */
  spacing?: number;
  /** Integer zoom: each image pixel becomes `scale × scale` output pixels (nearest neighbour). Default 1. */
  scale?: number;
  /** Value range of the pixels: `'[0,1]'` (default) or `'[-1,1]'` (e.g. tanh outputs). Values outside are clamped. */
  range?: '[0,1]' | '[-1,1]';
  /** Text drawn under each tile (at most one per image; fewer is fine). */
  captions?: readonly string[];
  /** Colour of the gaps and caption strip: '#rrggbb', '#rgb', 'white' or 'black'. Default 'white'. */
  background?: string;
  /** Receives the single warning about NaN pixels (drawn in red). Default `console.warn`. */
  warn?: WarnFunction;
}

/**
 * Tiles N images — MNIST digits, GAN samples, reconstructions — into one PNG, with spacing, an integer
 * zoom and optional captions, on every platform (captions: resvg and the bundled Roboto in Node, an
 * OffscreenCanvas in a browser; {@link imageGridSvg} gives the same grid as SVG for a page). Tile k (row-major) starts at
 * `x = spacing + (k mod columns)·(width·scale + spacing)`,
 * `y = spacing + ⌊k / columns⌋·(height·scale + captionHeight + spacing)`.
 * A tensor is read with `dataSync()` and not disposed (it stays the caller's).
 *
 * @returns PNG bytes.
 * @throws {PlotInputError} for no images, images of the wrong or inconsistent size, a tensor of
 *   another shape, more captions than images, or bad options.
 * @example
 * const png = imageGrid(samples, { width: 28, height: 28, columns: 8, scale: 2, range: '[-1,1]' });
 * await writeFileAtomic('samples.png', png);
 */
export function imageGrid(images: ImageGridInput, options: ImageGridOptions): Uint8Array {
  const grid = drawGrid('imageGrid', images, options);
  if (grid.captions.length === 0) return encodePng(grid.rgba, grid.width, grid.height);
  let rgba: Uint8Array;
  try {
    rgba = platform.drawCaptions({ ...grid, png: encodePng(grid.rgba, grid.width, grid.height) }, grid.captions, grid.font);
  } catch (error) {
    throw new PlotInputError(`imageGrid: could not draw the captions: ${(error as Error).message}`);
  }
  return encodePng(rgba, grid.width, grid.height);
}
