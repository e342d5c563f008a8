import { describe, expect, test, vi } from 'vitest';
import { lineChart, PlotInputError } from '../src/node';
import { findAll, hasClass, linePaths, parseSvg, subpaths, textsIn } from './_svg';

const epochs = [1, 2, 3, 4, 5, 6];
const gan = [
  { name: 'generator', x: epochs, y: [2.2, 1.7, 1.3, 1.1, 1.0, 0.95] },
  { name: 'discriminator', x: epochs, y: [0.6, 0.7, 0.75, 0.8, 0.82, 0.85] },
];

describe('lineChart(options)', () => {
  test('trims the empty band a long title would leave: Vega estimates text at 0.8 em a character', async () => {
    const title = 'a long title that Vega, measuring text without a canvas, takes to be far wider than it is';
    const svg = await lineChart({ title, width: 200, series: [{ name: 's', y: [1, 2] }] });
    const width = Number(/^<svg[^>]* width="([\d.]+)"/.exec(svg)?.[1]);
    const estimated = 0.8 * 14 * title.length; // Vega's own estimate for the 14 px title
    expect(width).toBeLessThan(0.8 * estimated);
    expect(width).toBeGreaterThan(0.45 * estimated); // the title itself still fits
    expect(svg).toContain(`viewBox="0 0 ${width} `);
  });

  test('draws one line per series, a legend, axis titles and the title, as well-formed SVG', async () => {
    const svg = await lineChart({ series: gan, title: 'GAN losses', xTitle: 'epoch', yTitle: 'loss' });
    const root = parseSvg(svg);
    expect(root.tag).toBe('svg');
    const lines = linePaths(root);
    expect(lines).toHaveLength(2);
    expect(new Set(lines.map((l) => l.attrs.stroke)).size).toBe(2);
    expect(textsIn(root, 'role-axis-title')).toEqual(['epoch', 'loss']);
    expect(textsIn(root, 'role-legend-label')).toEqual(['generator', 'discriminator']);
    expect(textsIn(root, 'role-title-text')).toEqual(['GAN losses']);
    // Each line passes through all six points, without a break.
    for (const line of lines) {
      const parts = subpaths(line.attrs.d!);
      expect(parts).toHaveLength(1);
      expect(parts[0]).toHaveLength(6);
    }
  });

  test('defaults: x is 0…n−1, axis titles "step" and "value"', async () => {
    const root = parseSvg(await lineChart({ series: [{ name: 'loss', y: [3, 2, 1] }] }));
    expect(textsIn(root, 'role-axis-title')).toEqual(['step', 'value']);
    const xLabels = textsIn(root, 'role-axis-label');
    expect(xLabels[0]).toBe('0');
    expect(xLabels).toContain('2');
    expect(linePaths(root)).toHaveLength(1);
  });

  test('the y axis goes up: a larger value is drawn higher (smaller SVG y)', async () => {
    const root = parseSvg(await lineChart({ series: [{ name: 'up', y: [0, 10] }] }));
    const [[first, last]] = subpaths(linePaths(root)[0]!.attrs.d!) as [[number, number][]];
    expect(last![0]).toBeGreaterThan(first![0]);
    expect(last![1]).toBeLessThan(first![1]);
  });

  test('leaves NaN and ±Infinity out with a visible gap and exactly one warning', async () => {
    const warn = vi.fn();
    const svg = await lineChart({
      series: [
        { name: 'g', y: [1, 2, Number.NaN, 4, 5, Number.POSITIVE_INFINITY, 7, 8] },
        { name: 'd', y: [1, 1, 1, Number.NEGATIVE_INFINITY, 1, 1, 1, 1] },
      ],
      warn,
    });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/"g": 2 of 8.*"d": 1 of 8/);
    const [g, d] = linePaths(parseSvg(svg));
    expect(subpaths(g!.attrs.d!).map((p) => p.length)).toEqual([2, 2, 2]);
    expect(subpaths(d!.attrs.d!).map((p) => p.length)).toEqual([3, 4]);
  });

  test('warns through console.warn by default, once', async () => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      await lineChart({ series: [{ name: 'a', y: [1, Number.NaN, 3, Number.NaN, 5] }] });
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  test('does not warn for clean data', async () => {
    const warn = vi.fn();
    await lineChart({ series: gan, warn });
    expect(warn).not.toHaveBeenCalled();
  });

  test('yScale "log" spaces decades evenly and leaves out values ≤ 0 with one warning', async () => {
    const warn = vi.fn();
    const svg = await lineChart({ series: [{ name: 'a', y: [1, 10, 100, 1000, 0, -1] }], yScale: 'log', warn });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/≤ 0 on a log scale.*"a": 2 of 6/);
    const points = subpaths(linePaths(parseSvg(svg))[0]!.attrs.d!)[0]!;
    expect(points).toHaveLength(4);
    const steps = points.slice(1).map((p, i) => p[1] - points[i]![1]);
    for (const step of steps) expect(step).toBeCloseTo(steps[0]!, 1);
  });

  test('smoothing draws a bold moving average over the faint raw series', async () => {
    const zigzag = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 0 : 1));
    const root = parseSvg(await lineChart({ series: [{ name: 'noisy', y: zigzag }], smoothing: 5 }));
    const marks = findAll(root, (n) => n.tag === 'g' && hasClass(n, 'role-mark'));
    expect(marks).toHaveLength(2);
    const [raw, smooth] = linePaths(root);
    expect(Number(raw!.attrs.opacity)).toBeLessThan(0.5);
    expect(Number(smooth!.attrs.opacity)).toBe(1);
    const ys = (d: string) =>
      subpaths(d)
        .flat()
        .map((p) => p[1]);
    const span = (values: number[]) => Math.max(...values) - Math.min(...values);
    const rawSpan = span(ys(raw!.attrs.d!));
    // Away from the ends (where the window shrinks) a 5-point average of 0,1,0,1,… is 2/5 or 3/5.
    expect(span(ys(smooth!.attrs.d!).slice(2, -2))).toBeCloseTo(rawSpan / 5, 0);
    expect(span(ys(smooth!.attrs.d!))).toBeLessThan(rawSpan / 2);
    // Legend still shows the series at full strength.
    const legendSymbol = findAll(root, (n) => n.tag === 'g' && hasClass(n, 'role-legend-symbol'))[0]!.children[0]!;
    expect(Number(legendSymbol.attrs.opacity ?? 1)).toBe(1);
  });

  test('draws long series with about two points per pixel, keeping spikes and gaps', async () => {
    const n = 50_000;
    const y = Array.from({ length: n }, (_, i) => Math.sin(i / 500));
    y[12_345] = 40; // one spike
    y[30_000] = Number.NaN; // one gap
    const root = parseSvg(await lineChart({ series: [{ name: 'long', y }], width: 300, height: 200, smoothing: 25, warn: () => {} }));
    const [raw, smooth] = linePaths(root);
    const rawParts = subpaths(raw!.attrs.d!);
    expect(rawParts).toHaveLength(2);
    expect(rawParts.flat().length).toBeLessThanOrEqual(2 * 300 + 2);
    // The spike reaches the top of the plot (y = 0 in SVG coordinates, as the domain is nice()d to 40).
    expect(Math.min(...rawParts.flat().map((p) => p[1]))).toBeCloseTo(0, 0);
    expect(subpaths(smooth!.attrs.d!).flat().length).toBeLessThanOrEqual(300 + 2);
  });

  test('accepts typed arrays and respects width and height', async () => {
    const svg = await lineChart({ series: [{ name: 'f32', y: new Float32Array([1, 2, 3]) }], width: 200, height: 100 });
    const background = findAll(parseSvg(svg), (n) => n.tag === 'path' && hasClass(n, 'background'))[0]!;
    expect(background.attrs.d).toContain('h200v100');
  });

  test.each([
    [{ series: [] }, /series must be a non-empty array/],
    [{ series: [{ name: 'g', y: [] }] }, /series "g" is empty \(0 points\)/],
    [{ series: [{ name: 'g', x: [1, 2, 3], y: [1, 2] }] }, /series "g" has 3 x values but 2 y values/],
    [
      {
        series: [
          { name: 'g', y: [1] },
          { name: 'g', y: [2] },
        ],
      },
      /two series are named "g"/,
    ],
    [{ series: [{ name: '', y: [1] }] }, /series\[0\]\.name must be a non-empty string/],
    [{ series: [{ name: 'g', y: [Number.NaN, Number.NaN] }] }, /nothing to draw/],
    [{ series: [{ name: 'g', y: [1] }], smoothing: 2.5 }, /smoothing must be a positive integer, found 2.5/],
    [{ series: [{ name: 'g', y: [1] }], width: 0 }, /width must be a positive integer, found 0/],
    [{ series: [{ name: 'g', y: [1] }], yScale: 'sqrt' }, /yScale must be 'linear' or 'log', found "sqrt"/],
  ])('rejects bad input with one clear error: %o', async (options, message) => {
    await expect(lineChart(options as never)).rejects.toThrow(message);
    await expect(lineChart(options as never)).rejects.toBeInstanceOf(PlotInputError);
  });
});
