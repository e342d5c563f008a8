import { movingAverage } from './moving-average';

/** One curve: its name, colour and values, one per step. */
export interface ChartSeries {
  name: string;
  color: string;
  values: readonly number[];
}

/** What {@link lineChartSvg} draws. */
export interface ChartData {
  /** x of each step, in epochs (step / steps per epoch). */
  x: readonly number[];
  series: readonly ChartSeries[];
  /** The x axis runs to at least this (the run's planned epochs), so the curves grow into a fixed frame. */
  xMax: number;
  /** Points of the moving average (about a fifth of an epoch). */
  window: number;
  xTitle: string;
  yTitle: string;
  /** Extra points drawn as dots, e.g. the test −ELBO at each epoch's end. */
  dots?: readonly { name: string; color: string; x: readonly number[]; y: readonly number[] }[];
}

const width = 640;
const height = 300;
const margin = { left: 56, right: 12, top: 12, bottom: 40 };
/** Most points per polyline; longer runs are drawn from bucket means (the SVG stays light). */
const maxPoints = 1500;

/**
 * A loss chart as SVG text, as the CLI's losses.png draws it: every step a faint line, its moving
 * average bold, x in epochs. Plain polylines: no chart library.
 */
export function lineChartSvg(data: ChartData): string {
  const n = data.x.length;
  const all = data.series.flatMap((s) => s.values.filter(Number.isFinite));
  for (const d of data.dots ?? []) all.push(...d.y.filter(Number.isFinite));
  let [yMin, yMax] = all.length > 0 ? [Math.min(...all), Math.max(...all)] : [0, 1];
  if (yMax - yMin < 1e-9) [yMin, yMax] = [yMin - 0.5, yMax + 0.5];
  const pad = (yMax - yMin) * 0.04;
  [yMin, yMax] = [yMin - pad, yMax + pad];
  const xMax = Math.max(data.xMax, n > 0 ? data.x[n - 1]! : 0, 1e-9);
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const px = (x: number) => margin.left + (x / xMax) * plotW;
  const py = (y: number) => margin.top + (1 - (y - yMin) / (yMax - yMin)) * plotH;
  const parts: string[] = [];
  parts.push(`<rect x="${margin.left}" y="${margin.top}" width="${plotW}" height="${plotH}" fill="#fff" stroke="#ccc"/>`);
  for (const y of ticks(yMin, yMax, 5)) {
    parts.push(`<line x1="${margin.left}" x2="${width - margin.right}" y1="${f(py(y))}" y2="${f(py(y))}" stroke="#eee"/>`);
    parts.push(`<text x="${margin.left - 6}" y="${f(py(y) + 4)}" text-anchor="end">${label(y)}</text>`);
  }
  for (const x of ticks(0, xMax, Math.min(10, Math.max(2, Math.ceil(xMax))))) {
    parts.push(`<text x="${f(px(x))}" y="${height - margin.bottom + 16}" text-anchor="middle">${label(x)}</text>`);
  }
  parts.push(`<text x="${margin.left + plotW / 2}" y="${height - 6}" text-anchor="middle">${data.xTitle}</text>`);
  parts.push(
    `<text x="14" y="${margin.top + plotH / 2}" text-anchor="middle" transform="rotate(-90 14 ${margin.top + plotH / 2})">${data.yTitle}</text>`,
  );
  for (const s of data.series) {
    parts.push(polyline(data.x, s.values, s.color, 1, 0.3, px, py));
    parts.push(polyline(data.x, movingAverage(s.values, data.window), s.color, 2.2, 1, px, py));
  }
  for (const d of data.dots ?? []) {
    d.x.forEach((x, i) => {
      if (Number.isFinite(d.y[i]!)) parts.push(`<circle cx="${f(px(x))}" cy="${f(py(d.y[i]!))}" r="3.5" fill="${d.color}"/>`);
    });
  }
  const legend = [...data.series.map((s) => [s.name, s.color]), ...(data.dots ?? []).map((d) => [d.name, d.color])];
  legend.forEach(([name, color], i) => {
    const y = margin.top + 14 + i * 16;
    parts.push(`<rect x="${width - margin.right - 150}" y="${y - 8}" width="14" height="4" fill="${color}"/>`);
    parts.push(`<text x="${width - margin.right - 130}" y="${y - 2}">${name}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="11" fill="#333" role="img" aria-label="${data.yTitle} by ${data.xTitle}" data-points="${n}">${parts.join('')}</svg>`;
}

function polyline(
  xs: readonly number[],
  ys: readonly number[],
  color: string,
  strokeWidth: number,
  opacity: number,
  px: (x: number) => number,
  py: (y: number) => number,
): string {
  const size = Math.max(1, Math.ceil(xs.length / maxPoints));
  const points: string[] = [];
  for (let start = 0; start < xs.length; start += size) {
    const end = Math.min(xs.length, start + size);
    let sum = 0;
    let count = 0;
    for (let i = start; i < end; i++) {
      if (Number.isFinite(ys[i]!)) {
        sum += ys[i]!;
        count++;
      }
    }
    if (count > 0) points.push(`${f(px(xs[end - 1]!))},${f(py(sum / count))}`);
  }
  return `<polyline points="${points.join(' ')}" fill="none" stroke="${color}" stroke-width="${strokeWidth}" stroke-opacity="${opacity}" stroke-linejoin="round"/>`;
}

/** About `count` round tick values from `min` to `max`. */
function ticks(min: number, max: number, count: number): number[] {
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

const f = (v: number) => v.toFixed(1);
const label = (v: number) => (Math.abs(v) >= 1000 ? v.toFixed(0) : String(Number(v.toPrecision(3))));
