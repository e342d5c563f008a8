import { describe, expect, test } from 'vitest';
import { imageGrid, imageGridSvg, PlotInputError } from '../src/node';
import { decodePng } from './_png';

const digits = Array.from({ length: 3 }, (_, k) => Float32Array.from({ length: 16 }, (_, i) => ((i + k) % 5) / 4));

describe('imageGridSvg(images, options)', () => {
  test('embeds the same pixels imageGrid draws, as one PNG data URL drawn crisp', () => {
    const svg = imageGridSvg(digits, { width: 4, height: 4, scale: 2 });
    const png = imageGrid(digits, { width: 4, height: 4, scale: 2 });
    const { width, height } = decodePng(png);
    expect(svg).toMatch(
      new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><image `),
    );
    expect(svg).toContain('style="image-rendering:pixelated"');
    const embedded = Buffer.from(/href="data:image\/png;base64,([^"]+)"/.exec(svg)![1]!, 'base64');
    const fromSvg = decodePng(embedded);
    const fromPng = decodePng(png);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) expect(fromSvg.at(x, y)).toEqual(fromPng.at(x, y));
  });

  test('draws captions as SVG text (escaped), under their tiles, in the ink that suits the background', () => {
    const svg = imageGridSvg(digits, { width: 4, height: 4, scale: 4, captions: ['<1>', '', 'two'], background: 'black' });
    expect(svg).toContain('fill="#eeeeee"');
    expect(svg.match(/<text /g)).toHaveLength(2);
    expect(svg).toContain('>&lt;1&gt;</text>');
    expect(svg).not.toMatch(/<text[^>]*><\/text>/);
  });

  test('checks its input as imageGrid does, naming itself', () => {
    expect(() => imageGridSvg([], { width: 4, height: 4 })).toThrow(PlotInputError);
    expect(() => imageGridSvg([], { width: 4, height: 4 })).toThrow('imageGridSvg: no images to draw (an empty array)');
  });
});
