import type { TopLevelSpec } from 'vega-lite';
import { checkPositiveInteger, checkRange } from './_check';
import { chartConfig, renderVegaLite } from './_render-vega-lite';
import { defaultWarn, type WarnFunction } from './_warn';
import { PlotInputError } from './plot-input-error';

/** One function drawn as contour lines by {@link contourPlot}. */
export interface Density {
  /** Shown in the legend; must be unique within a plot. */
  name: string;
  /** f(x, y): a density or any 2-D function. Non-finite values are treated as the lowest value (one warning). */
  f: (x: number, y: number) => number;
  /** CSS colour of its lines. Default: blue, red, green, orange, … in order. */
  color?: string;
  /** Overrides the plot's `levels` for this density. */
  levels?: number | readonly number[];
}

/** Options of {@link contourPlot}. */
export interface ContourPlotOptions {
  /** Drawn in order, each in its own colour; e.g. the true posterior (blue) and its approximation (red). */
  densities: readonly Density[];
  xRange: readonly [number, number];
  yRange: readonly [number, number];
  /**
   * A count k draws k lines per density at evenly spaced fractions of its own range
   * (min + (max − min)·i/(k+1), i = 1…k), so a narrow and a broad density both show;
   * an array gives the exact levels. Default 5.
   */
  levels?: number | readonly number[];
  /** Grid points along each axis at which f is evaluated. Default 120. */
  resolution?: number;
  title?: string;
  /** Default `'x'`. */
  xTitle?: string;
  /** Default `'y'`. */
  yTitle?: string;
  /** Plotting area in pixels. Default width 360; default height keeps one x unit as long as one y unit. */
  width?: number;
  height?: number;
  /** Receives warnings (non-finite values, a flat function). Default `console.warn`. */
  warn?: WarnFunction;
}

// d3-contour is ESM-only and ~20 ms to load; contourPlot is async anyway.
const loadD3Contour = () => import('d3-contour');

const defaultColors = ['#1f6fd1', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b'];

interface Row {
  density: string;
  ring: string;
  order: number;
  x: number;
  y: number;
}

/**
 * Draws 2-D functions as overlaid contour lines with axes and a legend, as an SVG. The VAE posterior
 * figure is the model use: the target density in blue, its approximation in red. Each function is
 * sampled on a `resolution × resolution` grid over `xRange × yRange` and traced with d3-contour
 * (marching squares with linear interpolation); Vega-Lite draws the lines.
 *
 * @returns the SVG document as a string.
 * @throws {PlotInputError} for no densities, an empty or reversed range, duplicate names, bad levels,
 *   or a function that throws or is non-finite everywhere.
 * @example
 * const gauss = (mx: number, my: number, s: number) => (x: number, y: number) =>
 *   Math.exp(-((x - mx) ** 2 + (y - my) ** 2) / (2 * s * s));
 * const svg = await contourPlot({
 *   xRange: [-4, 4], yRange: [-4, 4],
 *   densities: [
 *     { name: 'p(z|x)', f: (x, y) => gauss(-1.5, 0, 0.7)(x, y) + gauss(1.5, 0, 0.7)(x, y) },
 *     { name: 'q(z|x)', f: gauss(1.5, 0, 0.8) },
 *   ],
 * });
 */
export async function contourPlot(options: ContourPlotOptions): Promise<string> {
  const fn = 'contourPlot';
  const { densities, warn = defaultWarn } = options;
  const [x0, x1] = checkRange(fn, 'xRange', options.xRange);
  const [y0, y1] = checkRange(fn, 'yRange', options.yRange);
  const n = checkPositiveInteger(fn, 'resolution', options.resolution, 120);
  if (n < 3) throw new PlotInputError(`${fn}: resolution must be at least 3, found ${n}`);
  const width = checkPositiveInteger(fn, 'width', options.width, 360);
  const naturalHeight = Math.round((width * (y1 - y0)) / (x1 - x0));
  const height = checkPositiveInteger(fn, 'height', options.height, Math.min(900, Math.max(120, naturalHeight)));
  if (!Array.isArray(densities) || densities.length === 0) {
    throw new PlotInputError(`${fn}: densities must be a non-empty array of { name, f }, found ${typeof densities}`);
  }

  const dx = (x1 - x0) / (n - 1);
  const dy = (y1 - y0) / (n - 1);
  const names: string[] = [];
  const colors: string[] = [];
  const rows: Row[] = [];
  for (const [index, density] of densities.entries()) {
    const { name, f } = density ?? {};
    if (typeof name !== 'string' || name === '') {
      throw new PlotInputError(`${fn}: densities[${index}].name must be a non-empty string, found ${JSON.stringify(name)}`);
    }
    if (names.includes(name)) throw new PlotInputError(`${fn}: two densities are named "${name}"; names must be unique`);
    if (typeof f !== 'function') throw new PlotInputError(`${fn}: density "${name}" has no function f(x, y)`);
    names.push(name);
    colors.push(density.color ?? defaultColors[index % defaultColors.length]!);
  }
  for (const [index, { name, f, levels }] of densities.entries()) {
    // Row 0 of the grid is the top of the plot (y1), as d3-contour's y grows downwards.
    const values = new Float64Array(n * n);
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    let bad = 0;
    for (let j = 0; j < n; j++) {
      const y = y1 - j * dy;
      for (let i = 0; i < n; i++) {
        const x = x0 + i * dx;
        let v: number;
        try {
          v = f(x, y);
        } catch (error) {
          throw new PlotInputError(`${fn}: density "${name}" threw at (${x}, ${y}): ${(error as Error).message}`);
        }
        if (Number.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        } else bad++;
        values[j * n + i] = v;
      }
    }
    if (bad === n * n) throw new PlotInputError(`${fn}: density "${name}" is NaN or ±Infinity at every grid point`);
    if (bad > 0) {
      warn(`${fn}: density "${name}" is NaN or ±Infinity at ${bad} of ${n * n} grid points; drawn as its lowest value there`);
      for (let k = 0; k < values.length; k++) if (!Number.isFinite(values[k])) values[k] = lo;
    }
    const thresholds = levelsFor(fn, name, levels ?? options.levels ?? 5, lo, hi);
    if (hi === lo) {
      warn(`${fn}: density "${name}" is constant (${lo}) over the plotted range; it has no contour lines`);
      continue;
    }

    const { contours } = await loadD3Contour();
    const polygons = contours().size([n, n]).thresholds(thresholds)(Array.from(values));
    polygons.forEach((polygon, level) => {
      polygon.coordinates.forEach((shape, s) => {
        shape.forEach((ring, r) => {
          const id = `${index}-${level}-${s}-${r}`;
          ring.forEach(([gx, gy], order) => {
            // d3-contour puts grid sample (i, j) at (i + 0.5, j + 0.5).
            rows.push({ density: name, ring: id, order, x: x0 + (gx! - 0.5) * dx, y: y1 - (gy! - 0.5) * dy });
          });
        });
      });
    });
  }

  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width,
    height,
    ...(options.title ? { title: options.title } : {}),
    config: chartConfig,
    data: { values: rows },
    mark: { type: 'line', strokeWidth: 1.5, clip: true },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: options.xTitle ?? 'x', scale: { domain: [x0, x1], nice: false, zero: false } },
      y: { field: 'y', type: 'quantitative', title: options.yTitle ?? 'y', scale: { domain: [y0, y1], nice: false, zero: false } },
      color: { field: 'density', type: 'nominal', title: null, sort: null, scale: { domain: names, range: colors } },
      detail: { field: 'ring', type: 'nominal' },
      order: { field: 'order', type: 'quantitative' },
    },
  };
  return renderVegaLite(spec);
}

function levelsFor(fn: string, name: string, levels: number | readonly number[], lo: number, hi: number): number[] {
  if (typeof levels === 'number') {
    if (!Number.isInteger(levels) || levels < 1) {
      throw new PlotInputError(`${fn}: levels for "${name}" must be a positive integer or an array of numbers, found ${levels}`);
    }
    return Array.from({ length: levels }, (_, i) => lo + ((hi - lo) * (i + 1)) / (levels + 1));
  }
  if (!Array.isArray(levels) || levels.length === 0 || !levels.every(Number.isFinite)) {
    throw new PlotInputError(
      `${fn}: levels for "${name}" must be a positive integer or a non-empty array of finite numbers, found ${JSON.stringify(levels)}`,
    );
  }
  return [...levels].sort((a, b) => a - b);
}
