/** A caption to draw over an image grid, centred on `x`, its baseline at `y` (output pixels). */
export interface CaptionText {
  x: number;
  y: number;
  text: string;
}

/** An image grid's pixels: RGBA, row-major, and the same grid as PNG bytes. */
export interface GridImage {
  rgba: Uint8Array;
  png: Uint8Array;
  width: number;
  height: number;
}

/**
 * What the plotting API needs from the platform it runs on. package.json's "#plot-platform" picks the
 * implementation by condition: Node's (`_platform-node.ts`: node:zlib, resvg and the bundled font,
 * atomic file writes) or the web's (`_platform-web.ts`: fflate, a canvas for text), so the browser build
 * holds no Node built-in. Failures are plain Errors: the caller says which function failed.
 */
export interface PlotPlatform {
  /** zlib-format deflate (what PNG's IDAT holds). */
  deflate(bytes: Uint8Array): Uint8Array;
  /** The right edge of what an SVG draws, measured with the bundled font; undefined where it cannot measure. */
  drawnRight(svg: string): number | undefined;
  /** The grid's RGBA pixels with `texts` drawn over them in `ink` (the same size, white background kept). */
  drawCaptions(grid: GridImage, texts: readonly CaptionText[], font: { size: number; ink: string }): Uint8Array;
  /** Writes a file atomically, creating its folder; rejects where there is no file system. */
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
}
