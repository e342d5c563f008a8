import type { TopLevelSpec } from 'vega-lite';
import { checkPositiveInteger } from './_check';
import { downsample } from './_downsample';
import { movingAverage } from './_moving-average';
import { chartConfig, renderVegaLite } from './_render-vega-lite';
import { defaultWarn, type WarnFunction } from './_warn';
import { PlotInputError } from './plot-input-error';

/** One line of a chart: `y` against `x` (default x: 0, 1, 2, …). */
export interface LineSeries {
  /** Shown in the legend; must be unique within a chart. */
  name: string;
  /** Positions along the x-axis (e.g. epochs); same length as `y`. Default: the indices 0…n−1. */
  x?: ArrayLike<number>;
  /** The values; NaN and ±Infinity are left out and leave a visible gap. */
  y: ArrayLike<number>;
}

/** Options of {@link lineChart}. */
export interface LineChartOptions {
  /** One or more series; each gets its own colour and legend entry. */
  series: LineSeries[];
  title?: string;
  /** Default `'step'`. */
  xTitle?: string;
  /** Default `'value'`. */
  yTitle?: string;
  /** `'log'` leaves out values ≤ 0 (with the same single warning as NaN). Default `'linear'`. */
  yScale?: 'linear' | 'log';
  /**
   * Moving-average window in points (centered). When > 1 the smoothed line is drawn bold over
   * the faint raw series. Default 1 (no smoothing).
   */
  smoothing?: number;
  /** Size of the plotting area in pixels (axes, title and legend come on top). Default 560 × 300. */
  width?: number;
  height?: number;
  /** Series colours, in order (CSS colours). Default: Tableau 10. */
  colors?: string[];
  /** Draw a dot at every point. Default: only when every series has at most 40 points. */
  points?: boolean;
  /** Receives the single warning about left-out points. Default `console.warn`. */
  warn?: WarnFunction;
}

interface Row {
  series: string;
  x: number | null;
  y: number | null;
}

const tableau10 = ['#4c78a8', '#f58518', '#e45756', '#72b7b2', '#54a24b', '#eeca3b', '#b279a2', '#ff9da6', '#9d755d', '#bab0ac'];

/**
 * Draws series over steps or epochs — losses, accuracies — as an SVG line chart with legend,
 * axis titles, ticks and title, rendered by Vega-Lite without a browser.
 *
 * @returns the SVG document as a string (pass it to {@link svgToPng} for a PNG).
 * @throws {PlotInputError} for no series, an empty series, x/y of different lengths, duplicate
 *   names, a bad option, or nothing finite to draw.
 * @example
 * const svg = await lineChart({
 *   title: 'GAN losses', xTitle: 'epoch', yTitle: 'loss', smoothing: 5,
 *   series: [{ name: 'generator', y: gLoss }, { name: 'discriminator', y: dLoss }],
 * });
 */
export async function lineChart(options: LineChartOptions): Promise<string> {
  const fn = 'lineChart';
  const { series, yScale = 'linear', warn = defaultWarn } = options;
  const width = checkPositiveInteger(fn, 'width', options.width, 560);
  const height = checkPositiveInteger(fn, 'height', options.height, 300);
  const smoothing = checkPositiveInteger(fn, 'smoothing', options.smoothing, 1);
  if (yScale !== 'linear' && yScale !== 'log') {
    throw new PlotInputError(`${fn}: yScale must be 'linear' or 'log', found ${JSON.stringify(yScale)}`);
  }
  if (!Array.isArray(series) || series.length === 0) {
    throw new PlotInputError(`${fn}: series must be a non-empty array of { name, y }, found ${describe(series)}`);
  }

  const names = new Set<string>();
  const raw: Row[] = [];
  const smooth: Row[] = [];
  const leftOut: string[] = [];
  let drawn = 0;
  let maxLength = 0;
  for (const [index, s] of series.entries()) {
    const name = s?.name;
    if (typeof name !== 'string' || name === '') {
      throw new PlotInputError(`${fn}: series[${index}].name must be a non-empty string, found ${describe(name)}`);
    }
    if (names.has(name)) throw new PlotInputError(`${fn}: two series are named "${name}"; names must be unique`);
    names.add(name);
    const { x, y } = s;
    if (!y || typeof y.length !== 'number') {
      throw new PlotInputError(`${fn}: series "${name}" has no y values (expected an array of numbers)`);
    }
    if (y.length === 0) throw new PlotInputError(`${fn}: series "${name}" is empty (0 points)`);
    if (x !== undefined && x.length !== y.length) {
      throw new PlotInputError(`${fn}: series "${name}" has ${x.length} x values but ${y.length} y values`);
    }
    maxLength = Math.max(maxLength, y.length);
    const ys: (number | null)[] = [];
    const xs: (number | null)[] = [];
    let bad = 0;
    for (let i = 0; i < y.length; i++) {
      const xi = x === undefined ? i : Number(x[i]);
      const yi = Number(y[i]);
      const ok = Number.isFinite(xi) && Number.isFinite(yi) && (yScale === 'linear' || yi > 0);
      if (!ok) bad++;
      // A null y keeps the row in place, so the line breaks there instead of bridging the gap.
      xs.push(Number.isFinite(xi) ? xi : null);
      ys.push(ok ? yi : null);
    }
    if (bad > 0) leftOut.push(`"${name}": ${bad} of ${y.length}`);
    drawn += y.length - bad;
    // Past ~2 points per pixel more points add no detail, only time and size.
    const asPoints = (values: (number | null)[]) => values.map((v, i) => ({ x: xs[i]!, y: v }));
    for (const p of downsample(asPoints(ys), width, 'extremes')) raw.push({ series: name, ...p });
    if (smoothing > 1) {
      for (const p of downsample(asPoints(movingAverage(ys, smoothing)), width, 'mean')) smooth.push({ series: name, ...p });
    }
  }
  if (drawn === 0) {
    throw new PlotInputError(`${fn}: nothing to draw: every point is NaN, ±Infinity${yScale === 'log' ? ' or ≤ 0 (log scale)' : ''}`);
  }
  if (leftOut.length > 0) {
    const what = yScale === 'log' ? 'NaN, ±Infinity or ≤ 0 on a log scale' : 'NaN or ±Infinity';
    warn(`${fn}: left out points that are ${what} (${leftOut.join(', ')}); the lines show gaps there`);
  }

  const points = options.points ?? maxLength <= 40;
  const colors = options.colors ?? tableau10;
  const line = (opacity: number, strokeWidth: number, withPoints: boolean) => ({
    type: 'line' as const,
    opacity,
    strokeWidth,
    invalid: 'break-paths-filter-domains' as const,
    ...(withPoints ? { point: { size: 18, filled: true } } : {}),
  });
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width,
    height,
    ...(options.title ? { title: options.title } : {}),
    config: chartConfig,
    encoding: {
      x: { field: 'x', type: 'quantitative', title: options.xTitle ?? 'step', scale: { zero: false } },
      y: {
        field: 'y',
        type: 'quantitative',
        title: options.yTitle ?? 'value',
        scale: yScale === 'log' ? { type: 'log' } : { zero: false },
      },
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        sort: null,
        scale: { domain: [...names], range: colors },
        // The first layer may be the faint raw one; the legend shows the series at full strength.
        legend: { symbolType: 'stroke', symbolOpacity: 1, symbolStrokeWidth: 2 },
      },
    },
    layer: [
      { data: { values: raw }, mark: line(smoothing > 1 ? 0.3 : 1, smoothing > 1 ? 1 : 1.75, points && smoothing === 1) },
      ...(smoothing > 1 ? [{ data: { values: smooth }, mark: line(1, 2, false) }] : []),
    ],
  };
  return renderVegaLite(spec);
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value === 'string' ? JSON.stringify(value) : typeof value;
}
