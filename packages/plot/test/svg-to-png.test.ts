import { describe, expect, test } from 'vitest';
import { lineChart, PlotInputError, svgToPng } from '../src/node';
import { decodePng } from './_png';

const box = (content: string, w = 100, h = 40) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${content}</svg>`;

describe('svgToPng(svg, options)', () => {
  test('renders at the SVG size times scale (default 2), on white', () => {
    const png = decodePng(svgToPng(box('<rect x="50" y="0" width="50" height="40" fill="#0000ff"/>')));
    expect([png.width, png.height]).toEqual([200, 80]);
    expect(png.at(10, 10)).toEqual([255, 255, 255, 255]);
    expect(png.at(150, 40)).toEqual([0, 0, 255, 255]);
    const one = decodePng(svgToPng(box(''), { scale: 1 }));
    expect([one.width, one.height]).toEqual([100, 40]);
  });

  test('keeps transparency with background "transparent" and paints a given colour otherwise', () => {
    expect(decodePng(svgToPng(box(''), { background: 'transparent' })).at(5, 5)[3]).toBe(0);
    expect(decodePng(svgToPng(box(''), { background: '#ff0000' })).at(5, 5)).toEqual([255, 0, 0, 255]);
  });

  test('draws text with the bundled font, whatever fonts the machine has', () => {
    const text = box('<text x="4" y="30" font-family="sans-serif" font-size="28">Loss</text>');
    const png = decodePng(svgToPng(text, { scale: 1 }));
    expect(png.darkPixels(0, 0, 100, 40)).toBeGreaterThan(60);
    // An unknown family falls back to the bundled one instead of vanishing.
    const unknown = decodePng(svgToPng(text.replace('sans-serif', 'No Such Font'), { scale: 1 }));
    expect(unknown.darkPixels(0, 0, 100, 40)).toBeGreaterThan(60);
  });

  test('renders a chart with its axis labels', async () => {
    const svg = await lineChart({ series: [{ name: 'loss', y: [3, 2, 1] }], width: 200, height: 100 });
    const width = Number(/width="(\d+)"/.exec(svg)![1]);
    const png = decodePng(svgToPng(svg, { scale: 1 }));
    expect(png.width).toBe(width);
    expect(png.darkPixels(0, 0, png.width, png.height)).toBeGreaterThan(100);
  });

  test.each([
    ['not svg', {}, /expected an SVG document string, found "not svg/],
    [box(''), { scale: 0 }, /scale must be a positive number, found 0/],
    [box(''), { scale: Number.NaN }, /scale must be a positive number, found NaN/],
    ['<svg width="10" height="10"><rect', {}, /could not render the SVG/],
  ])('rejects bad input with one clear error: %s %o', (svg, options, message) => {
    expect(() => svgToPng(svg, options)).toThrow(message);
    expect(() => svgToPng(svg, options)).toThrow(PlotInputError);
  });
});
