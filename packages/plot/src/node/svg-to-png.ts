import { fontFamily, fontFiles } from './_fonts';
import { PlotInputError } from '../plot-input-error';
import { loadResvg } from './_resvg';

/** Options of {@link svgToPng}. */
export interface SvgToPngOptions {
  /** Zoom factor: the PNG is `scale` times the SVG's width and height (rounded). Default 2, for sharp text. */
  scale?: number;
  /** Any CSS colour painted under the SVG; `'transparent'` keeps the alpha. Default `'white'`. */
  background?: string;
}

/**
 * Renders an SVG (a chart from this package, or any SVG) to PNG bytes with resvg (Node only: in a page,
 * put the SVG in the DOM). Text is drawn with
 * the Roboto font shipped in the package, so the PNG looks the same on every machine, fonts or not.
 *
 * @throws {PlotInputError} when `svg` is not an SVG document or `scale` is not a positive number.
 * @example
 * await writeFileAtomic('losses.png', svgToPng(await lineChart({ series }), { scale: 2 }));
 */
export function svgToPng(svg: string, options: SvgToPngOptions = {}): Uint8Array {
  const { scale = 2, background = 'white' } = options;
  if (typeof svg !== 'string' || !/<svg[\s>]/.test(svg)) {
    throw new PlotInputError(
      `svgToPng: expected an SVG document string, found ${typeof svg === 'string' ? `"${svg.slice(0, 40)}…"` : typeof svg}`,
    );
  }
  if (!(typeof scale === 'number' && scale > 0 && Number.isFinite(scale))) {
    throw new PlotInputError(`svgToPng: scale must be a positive number, found ${String(scale)}`);
  }
  const files = fontFiles();
  const font =
    files.length > 0
      ? { fontFiles: files, loadSystemFonts: false, defaultFontFamily: fontFamily, sansSerifFamily: fontFamily }
      : { loadSystemFonts: true };
  let rendered: Buffer;
  try {
    const { Resvg } = loadResvg();
    const resvg = new Resvg(svg, {
      fitTo: scale === 1 ? { mode: 'original' } : { mode: 'zoom', value: scale },
      ...(background === 'transparent' ? {} : { background }),
      font,
    });
    rendered = resvg.render().asPng();
  } catch (error) {
    throw new PlotInputError(`svgToPng: could not render the SVG: ${(error as Error).message}`);
  }
  return new Uint8Array(rendered.buffer, rendered.byteOffset, rendered.byteLength);
}
