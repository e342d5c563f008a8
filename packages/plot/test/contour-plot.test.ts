import { describe, expect, test, vi } from 'vitest';
import { contourPlot, PlotInputError } from '../src/node';
import { findAll, hasClass, linePaths, parseSvg, type SvgNode, subpaths, textsIn } from './_svg';

const gaussian =
  (mx: number, my: number, sigma: number) =>
  (x: number, y: number): number =>
    Math.exp(-((x - mx) ** 2 + (y - my) ** 2) / (2 * sigma * sigma)) / (2 * Math.PI * sigma * sigma);

/** Maps the line points of a contour plot back to data coordinates through the plot area's size. */
function ringsInData(svg: string, xRange: [number, number], yRange: [number, number]) {
  const root = parseSvg(svg);
  // The plot area is the largest background rectangle drawn at the origin of the data group.
  const sizes = findAll(root, (n) => n.tag === 'path' && hasClass(n, 'background'))
    .map((n) => /^M0,0h([\d.]+)v([\d.]+)/.exec(n.attrs.d ?? ''))
    .filter((m) => m !== null)
    .map((m) => [Number(m[1]), Number(m[2])] as const);
  const [w, h] = sizes.reduce((a, b) => (b[0] * b[1] > a[0] * a[1] ? b : a));
  const toData = ([px, py]: [number, number]) =>
    [xRange[0] + (px / w) * (xRange[1] - xRange[0]), yRange[1] - (py / h) * (yRange[1] - yRange[0])] as const;
  return linePaths(root).map((path: SvgNode) => ({
    stroke: path.attrs.stroke,
    points: subpaths(path.attrs.d!).flat().map(toData),
  }));
}

describe('contourPlot(options)', () => {
  test('puts the rings of a known Gaussian around its peak, at the radius each level implies', async () => {
    const [mx, my, sigma] = [1, -0.5, 0.6];
    const xRange: [number, number] = [-3, 3];
    const yRange: [number, number] = [-3, 3];
    const peak = gaussian(mx, my, sigma)(mx, my);
    // Levels at known fractions t of the peak: the ring radius is σ·√(−2 ln t).
    const fractions = [0.25, 0.5, 0.75];
    const svg = await contourPlot({
      densities: [{ name: 'N(μ, σ²I)', f: gaussian(mx, my, sigma) }],
      levels: fractions.map((t) => t * peak),
      xRange,
      yRange,
    });
    const rings = ringsInData(svg, xRange, yRange);
    expect(rings).toHaveLength(3);
    const expectedRadii = fractions.map((t) => sigma * Math.sqrt(-2 * Math.log(t)));
    const radii = rings.map(({ points }) => {
      const cx = points.reduce((s, p) => s + p[0], 0) / points.length;
      const cy = points.reduce((s, p) => s + p[1], 0) / points.length;
      expect(cx).toBeCloseTo(mx, 1);
      expect(cy).toBeCloseTo(my, 1);
      expect(Math.abs(cx - mx)).toBeLessThan(0.02);
      expect(Math.abs(cy - my)).toBeLessThan(0.02);
      return points.reduce((s, p) => s + Math.hypot(p[0] - mx, p[1] - my), 0) / points.length;
    });
    radii.sort((a, b) => b - a);
    radii.forEach((r, i) => {
      expect(Math.abs(r - expectedRadii[i]!) / expectedRadii[i]!).toBeLessThan(0.02);
    });
  });

  test('overlays several densities in their own colours (blue target, red approximation by default)', async () => {
    const svg = await contourPlot({
      densities: [
        { name: 'p(z|x)', f: (x, y) => gaussian(-1.5, 0, 0.6)(x, y) + gaussian(1.5, 0, 0.6)(x, y) },
        { name: 'q(z|x)', f: gaussian(1.5, 0, 0.7) },
      ],
      xRange: [-4, 4],
      yRange: [-3, 3],
      levels: 4,
      title: 'Posterior',
      xTitle: 'z1',
      yTitle: 'z2',
    });
    const root = parseSvg(svg);
    expect(textsIn(root, 'role-axis-title')).toEqual(['z1', 'z2']);
    expect(textsIn(root, 'role-legend-label')).toEqual(['p(z|x)', 'q(z|x)']);
    expect(textsIn(root, 'role-title-text')).toEqual(['Posterior']);
    const rings = ringsInData(svg, [-4, 4], [-3, 3]);
    const blue = rings.filter((r) => r.stroke === '#1f6fd1');
    const red = rings.filter((r) => r.stroke === '#d62728');
    expect(blue.length + red.length).toBe(rings.length);
    // Two separate modes, 4 levels each, for the mixture; one ring per level for the single Gaussian.
    expect(blue).toHaveLength(8);
    expect(red).toHaveLength(4);
    for (const ring of red) {
      const cx = ring.points.reduce((s, p) => s + p[0], 0) / ring.points.length;
      expect(cx).toBeCloseTo(1.5, 1);
    }
    expect(blue.filter((r) => r.points[0]![0] < 0)).toHaveLength(4);
  });

  test('keeps one x unit as long as one y unit by default', async () => {
    const svg = await contourPlot({ densities: [{ name: 'g', f: gaussian(0, 0, 1) }], xRange: [-4, 4], yRange: [-2, 2] });
    const area = findAll(parseSvg(svg), (n) => n.tag === 'path' && hasClass(n, 'background'))[0]!;
    expect(area.attrs.d).toMatch(/h360v180/);
  });

  test('treats non-finite values as the lowest value, with one warning', async () => {
    const warn = vi.fn();
    const f = (x: number, y: number) => (x < -2 ? Number.NaN : gaussian(0, 0, 0.5)(x, y));
    const svg = await contourPlot({ densities: [{ name: 'g', f }], xRange: [-3, 3], yRange: [-3, 3], levels: 2, warn });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/density "g" is NaN or ±Infinity at \d+ of 14400 grid points/);
    expect(ringsInData(svg, [-3, 3], [-3, 3])).toHaveLength(2);
  });

  test('warns about a constant function and still draws the others', async () => {
    const warn = vi.fn();
    const svg = await contourPlot({
      densities: [
        { name: 'flat', f: () => 1 },
        { name: 'g', f: gaussian(0, 0, 1) },
      ],
      xRange: [-3, 3],
      yRange: [-3, 3],
      warn,
    });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/"flat" is constant \(1\)/));
    expect(ringsInData(svg, [-3, 3], [-3, 3])).toHaveLength(5);
  });

  test.each([
    [{ densities: [] }, /densities must be a non-empty array/],
    [{ xRange: [1, 1] }, /xRange must be \[min, max\] with finite min < max, found \[1,1\]/],
    [{ yRange: [0, Number.NaN] }, /yRange must be \[min, max\]/],
    [
      {
        densities: [
          { name: 'a', f: () => 0 },
          { name: 'a', f: () => 0 },
        ],
      },
      /two densities are named "a"/,
    ],
    [{ densities: [{ name: 'a' }] }, /density "a" has no function f\(x, y\)/],
    [{ levels: 0 }, /levels for "g" must be a positive integer/],
    [{ levels: [] }, /levels for "g" must be a positive integer or a non-empty array/],
    [{ resolution: 2 }, /resolution must be at least 3, found 2/],
    [
      {
        densities: [
          {
            name: 'boom',
            f: () => {
              throw new Error('bad math');
            },
          },
        ],
      },
      /density "boom" threw at \(-1, 1\): bad math/,
    ],
    [{ densities: [{ name: 'nan', f: () => Number.NaN }] }, /density "nan" is NaN or ±Infinity at every grid point/],
  ])('rejects bad input with one clear error (%#)', async (extra, message) => {
    const options = { densities: [{ name: 'g', f: gaussian(0, 0, 1) }], xRange: [-1, 1], yRange: [-1, 1], ...extra };
    await expect(contourPlot(options as never)).rejects.toThrow(message);
    await expect(contourPlot(options as never)).rejects.toBeInstanceOf(PlotInputError);
  });
});
