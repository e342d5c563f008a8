import type { TopLevelSpec } from 'vega-lite';
import { fontFamily } from './_fonts';

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

/** Compiles a Vega-Lite spec and renders it headless (no canvas, no DOM) to an SVG string. */
export async function renderVegaLite(spec: TopLevelSpec): Promise<string> {
  const [vega, vegaLite] = await loadVega();
  const compiled = vegaLite.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
