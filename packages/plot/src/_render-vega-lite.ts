import type { TopLevelSpec } from 'vega-lite';
import { platform } from '#plot-platform';
import { fontFamily } from './_font-family';

type VegaModules = [typeof import('vega'), typeof import('vega-lite')];
let modules: Promise<VegaModules> | undefined;

// Vega + Vega-Lite take ~200 ms to import; load them on the first chart, not with the package.
function loadVega(): Promise<VegaModules> {
  modules ??= Promise.all([import('vega'), import('vega-lite')]);
  return modules;
}

/** The look every dlkit chart shares; the font matches the one svgToPng ships. */
export const chartConfig = {
  background: 'white',
  font: `${fontFamily}, Helvetica, Arial, sans-serif`,
  view: { stroke: '#ddd' },
  axis: { gridColor: '#eee', labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal' as const },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 240 },
  title: { fontSize: 14, anchor: 'start' as const },
};

/** Compiles a Vega-Lite spec and renders it headless (no DOM needed) to an SVG string. */
export async function renderVegaLite(spec: TopLevelSpec): Promise<string> {
  const [vega, vegaLite] = await loadVega();
  const compiled = vegaLite.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
  try {
    return trimRightMargin(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/**
 * Without a canvas, Vega sizes text by a rough estimate (0.8 em a character), so a long title or legend
 * label leaves a wide empty band on the right. Where the platform can measure what is drawn (Node: resvg
 * and the bundled font), trim the canvas to it, keeping a margin for browsers that fall back to a wider
 * font; a page keeps Vega's width.
 */
function trimRightMargin(svg: string): string {
  const size = /^<svg[^>]*? width="([\d.]+)" height="([\d.]+)" viewBox="0 0 [\d.]+ [\d.]+"/.exec(svg);
  const background = /<rect width="[\d.]+" height="[\d.]+" fill="white"\/>/;
  if (!size) return svg;
  const [width, height] = [Number(size[1]), Number(size[2])];
  let right: number | undefined;
  try {
    // Vega's invisible group backgrounds are sized by the same estimate: measure without them.
    const drawn = svg.replace(background, '').replace(/<path class="background"[^>]*pointer-events="none"[^>]*\/>/g, '');
    right = platform.drawnRight(drawn);
  } catch {
    return svg;
  }
  if (right === undefined) return svg;
  const trimmed = Math.ceil(Math.min(width, right * 1.06 + 8));
  if (trimmed >= width - 4) return svg;
  return svg
    .replace(
      size[0],
      size[0].replace(` width="${size[1]}"`, ` width="${trimmed}"`).replace(/viewBox="0 0 [\d.]+ /, `viewBox="0 0 ${trimmed} `),
    )
    .replace(background, `<rect width="${trimmed}" height="${height}" fill="white"/>`);
}
