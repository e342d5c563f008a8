import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '@dlkit/test-utils';
import { describe, expect, test } from 'vitest';
import { contourPlot, createReport, imageGrid, lineChart, PlotInputError } from '../src/node';
import { decodePng } from './_png';

async function fullReport() {
  const losses = await lineChart({
    series: [
      { name: 'generator', y: [3, 2, 1] },
      { name: 'discriminator', y: [1, 2, 2] },
    ],
  });
  const posterior = await contourPlot({
    densities: [{ name: 'p', f: (x, y) => Math.exp(-(x * x + y * y)) }],
    xRange: [-2, 2],
    yRange: [-2, 2],
  });
  const grid = imageGrid([[0, 1, 1, 0]], { width: 2, height: 2, scale: 4 });
  const report = createReport('MNIST GAN <run 1>')
    .section('Losses')
    .text('Generator & discriminator.\n\nSecond paragraph.')
    .svg(losses, 'Loss per epoch')
    .svg(posterior, 'Posterior')
    .section('Samples')
    .png(grid, 'Samples', { pixelated: true, width: 200 })
    .table(
      [
        ['epochs', 20],
        ['loss', Math.LN2],
        ['ok', true],
      ],
      ['setting', 'value'],
    )
    .code('δh_t = o_t ⊙ …');
  return { report, grid };
}

describe('createReport(title)', () => {
  test('builds one self-contained HTML document: no external URLs, charts inline, images as data URIs', async () => {
    const { report, grid } = await fullReport();
    const html = report.toHtml();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script|<link|@import/i);
    expect(html.match(/<svg[\s>]/g)).toHaveLength(2);
    const images = [...html.matchAll(/<img src="data:image\/png;base64,([^"]+)"/g)];
    expect(images).toHaveLength(1);
    expect(decodePng(Buffer.from(images[0]![1]!, 'base64'))).toMatchObject({ width: decodePng(grid).width });
    expect(html).toContain('class="pixelated"');
    expect(html).toContain('<figcaption>Loss per epoch</figcaption>');
  });

  test('escapes text and lays out sections, paragraphs, tables and code', async () => {
    const html = (await fullReport()).report.toHtml();
    expect(html).toContain('<title>MNIST GAN &lt;run 1&gt;</title>');
    expect(html).toContain('<h1>MNIST GAN &lt;run 1&gt;</h1>');
    expect(html.match(/<section><h2>/g)).toHaveLength(2);
    expect(html).toContain('<p>Generator &amp; discriminator.</p>\n<p>Second paragraph.</p>');
    expect(html).toContain('<th>setting</th><th>value</th>');
    expect(html).toContain('<td class="num">0.693147</td>');
    expect(html).toContain('<td class="num">20</td><');
    expect(html).toContain('<pre>δh_t = o_t ⊙ …</pre>');
    expect(html.match(/<section>/g)).toHaveLength(html.match(/<\/section>/g)!.length);
  });

  test('gives each inline chart its own ids, so charts never borrow each other’s clip paths', async () => {
    const chart = await lineChart({ series: [{ name: 'a', y: [1, 2] }] });
    const withClip = chart.replace(
      '<g',
      '<defs><clipPath id="clip1"><rect width="5" height="5"/></clipPath></defs><g clip-path="url(#clip1)"',
    );
    const html = createReport('ids').svg(withClip).svg(withClip).toHtml();
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['f1-clip1', 'f2-clip1']);
    expect(html).toContain('url(#f1-clip1)');
    expect(html).toContain('url(#f2-clip1)');
  });

  test('write() writes the HTML atomically and leaves no temporary file', async () => {
    const dir = tempDir('plot-report-');
    const { report } = await fullReport();
    const path = join(dir, 'nested', 'report.html');
    await report.write(path);
    expect(readFileSync(path, 'utf8')).toBe(report.toHtml());
    expect(readdirSync(join(dir, 'nested'))).toEqual(['report.html']);
  });

  test.each([
    [(r: ReturnType<typeof createReport>) => r.table([['a', 1], ['b']], ['k', 'v']), /row 1 has 1 cells, expected 2 \(the header\)/],
    [(r: ReturnType<typeof createReport>) => r.png(new Uint8Array([1, 2, 3])), /expected PNG bytes/],
    [(r: ReturnType<typeof createReport>) => r.svg('<p>no</p>'), /expected an SVG document string/],
    [
      (r: ReturnType<typeof createReport>) => r.svg('<svg><image href="https://example.org/x.png"/></svg>'),
      /links to an external resource/,
    ],
  ])('rejects bad content with one clear error (%#)', (add, message) => {
    const report = createReport('bad');
    expect(() => add(report)).toThrow(message);
    expect(() => add(report)).toThrow(PlotInputError);
  });
});
