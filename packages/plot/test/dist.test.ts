import { existsSync } from 'node:fs';
import { builtPackage } from '@dlkit/test-utils';
import { describe, expect, test } from 'vitest';

// Runs the built package as a user's program would: a fresh Node process, no vitest transforms.
const { runNode } = builtPackage(import.meta.url);

// Draws a chart and a captioned grid through dist, and counts dark (text) pixels in the PNGs:
// zero would mean the bundled font was not found next to dist/.
const program = (load: string) => `
${load}
(async () => {
  const svg = await plot.lineChart({ series: [{ name: 'loss', y: [3, 2, 1] }], title: 'Title', width: 200, height: 100 });
  const png = PNG.sync.read(Buffer.from(plot.svgToPng(svg, { scale: 1 })));
  let dark = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i] < 100) dark++;
  const grid = PNG.sync.read(Buffer.from(plot.imageGrid([new Array(64).fill(1)], { width: 8, height: 8, scale: 4, captions: ['seven'] })));
  let ink = 0;
  for (let y = 34; y < grid.height; y++) for (let x = 0; x < grid.width; x++) if (grid.data[4 * (y * grid.width + x)] < 128) ink++;
  console.log(svg.includes('Title'), dark > 100, ink > 5, grid.width);
})();`;

describe('the built package (dist)', () => {
  test('ships its fonts', () => {
    expect(existsSync(new URL('../fonts/Roboto-Regular.ttf', import.meta.url))).toBe(true);
    expect(existsSync(new URL('../fonts/OFL.txt', import.meta.url))).toBe(true);
  });

  test('draws charts with text from ESM', () => {
    const load = `import * as plot from '@dlkit/plot'; import { PNG } from 'pngjs';`;
    expect(runNode(program(load), 'module').trim()).toBe('true true true 36');
  });

  test('draws charts with text from CommonJS', () => {
    const load = `const plot = require('@dlkit/plot'); const { PNG } = require('pngjs');`;
    expect(runNode(program(load), 'commonjs').trim()).toBe('true true true 36');
  });

  test('imports without tfjs and without loading Vega until a chart is drawn', () => {
    // A loader hook records every module that is resolved; Vega must not be among them after import.
    const source = `
      import { register } from 'node:module';
      import { MessageChannel } from 'node:worker_threads';
      const { port1, port2 } = new MessageChannel();
      const seen = [];
      port1.on('message', (m) => seen.push(m));
      port1.unref();
      register('data:text/javascript,' + encodeURIComponent(
        'let port; export function initialize(d) { port = d.port; }' +
        'export async function resolve(s, c, next) { port.postMessage(s); return next(s, c); }'),
        { data: { port: port2 }, transferList: [port2] });
      const plot = await import('@dlkit/plot');
      plot.sparkline([1, 2, 3]);
      await new Promise((r) => setTimeout(r, 50));
      const before = seen.some((s) => /^vega/.test(s));
      await plot.lineChart({ series: [{ name: 'a', y: [1, 2] }] });
      await new Promise((r) => setTimeout(r, 50));
      console.log(before, seen.some((s) => /^vega/.test(s)), seen.some((s) => s.includes('tfjs')));`;
    expect(runNode(source, 'module').trim()).toBe('false true false');
  });
});
