import { platform } from '#plot-platform';
import { base64 } from './_base64';
import { escapeXml } from './_escape-xml';
import { PlotInputError } from './plot-input-error';

/** A table cell; numbers are shown with up to 6 significant digits. */
export type ReportCell = string | number | boolean | null | undefined;

/** Display options of {@link Report.png}. */
export interface ReportImageOptions {
  /** Width on the page in CSS pixels. Default: the image's own width (at most the page width). */
  width?: number;
  /** Keep pixels square when enlarged (image grids of small digits). Default false. */
  pixelated?: boolean;
}

/** A report being built; every method but toHtml/write returns the report, for chaining. */
export interface Report {
  /** Starts a new section with a heading; later content belongs to it. */
  section(title: string): Report;
  /** A paragraph of plain text (escaped; blank lines start new paragraphs). */
  text(paragraph: string): Report;
  /** Preformatted text in a monospace block (logs, equations, numbers). */
  code(text: string): Report;
  /** A table; every row must have as many cells as the header (or as the first row). */
  table(rows: readonly (readonly ReportCell[])[], header?: readonly string[]): Report;
  /** An SVG chart inlined into the page (ids are made unique so several charts never clash). */
  svg(svg: string, caption?: string): Report;
  /** A PNG embedded as a data: URI. */
  png(bytes: Uint8Array, caption?: string, options?: ReportImageOptions): Report;
  /** The whole report as one self-contained HTML document: no scripts, no external URLs. */
  toHtml(): string;
  /**
   * Writes toHtml() to `path` atomically (temporary file + rename), creating the folder if needed. Node
   * only: in a browser it rejects with a PlotInputError (use toHtml()).
   */
  write(path: string): Promise<void>;
}

const style = `
body{margin:0;background:#f6f7f9;color:#1d2330;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
main{max-width:980px;margin:0 auto;padding:32px 24px 64px}
h1{font-size:28px;margin:0 0 8px}h2{font-size:20px;margin:36px 0 12px;padding-bottom:4px;border-bottom:1px solid #dde1e8}
section{margin:0}p{margin:10px 0}
pre{background:#fff;border:1px solid #dde1e8;border-radius:6px;padding:12px 14px;overflow-x:auto;font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
table{border-collapse:collapse;margin:12px 0;background:#fff;font-size:14px}
th,td{border:1px solid #dde1e8;padding:5px 10px;text-align:left}th{background:#eef1f5}td.num{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:16px 0;background:#fff;border:1px solid #dde1e8;border-radius:6px;padding:12px;display:inline-block;max-width:calc(100% - 26px)}
figure svg,figure img{display:block;max-width:100%;height:auto}figure img.pixelated{image-rendering:pixelated}
figcaption{color:#5a6375;font-size:13px;margin-top:8px}
`;

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Starts an HTML report: a title, then sections with text, tables, charts (inline SVG) and images
 * (PNG data URIs). The result is one file that opens offline in any browser.
 *
 * @example
 * await createReport('MNIST GAN')
 *   .section('Losses').svg(await lineChart({ series }), 'Generator and discriminator loss per epoch')
 *   .section('Samples').png(imageGrid(samples, { width: 28, height: 28 }), 'After 20 epochs', { pixelated: true, width: 400 })
 *   .table([['epochs', 20], ['time (s)', 81.2]], ['setting', 'value'])
 *   .write('out/report.html');
 */
export function createReport(title: string): Report {
  if (typeof title !== 'string') throw new PlotInputError(`createReport: title must be a string, found ${typeof title}`);
  const blocks: string[] = [];
  let sectionOpen = false;
  let figures = 0;

  const report: Report = {
    section(heading) {
      if (sectionOpen) blocks.push('</section>');
      blocks.push(`<section><h2>${escapeXml(String(heading))}</h2>`);
      sectionOpen = true;
      return report;
    },
    text(paragraph) {
      for (const part of String(paragraph).split(/\n\s*\n/)) {
        if (part.trim() !== '') blocks.push(`<p>${escapeXml(part.trim())}</p>`);
      }
      return report;
    },
    code(text) {
      blocks.push(`<pre>${escapeXml(String(text))}</pre>`);
      return report;
    },
    table(rows, header) {
      if (!Array.isArray(rows)) throw new PlotInputError(`report.table: rows must be an array of arrays, found ${typeof rows}`);
      const columns = header?.length ?? rows[0]?.length ?? 0;
      rows.forEach((row, r) => {
        if (!Array.isArray(row) || row.length !== columns) {
          throw new PlotInputError(
            `report.table: row ${r} has ${Array.isArray(row) ? row.length : 'no'} cells, expected ${columns} (${header ? 'the header' : 'the first row'})`,
          );
        }
      });
      const head = header ? `<thead><tr>${header.map((h) => `<th>${escapeXml(String(h))}</th>`).join('')}</tr></thead>` : '';
      const body = rows
        .map(
          (row) =>
            `<tr>${row.map((cell: ReportCell) => (typeof cell === 'number' ? `<td class="num">${formatNumber(cell)}</td>` : `<td>${escapeXml(cell == null ? '' : String(cell))}</td>`)).join('')}</tr>`,
        )
        .join('');
      blocks.push(`<table>${head}<tbody>${body}</tbody></table>`);
      return report;
    },
    svg(svg, caption) {
      figures++;
      blocks.push(figure(inlineSvg(svg, `f${figures}-`), caption));
      return report;
    },
    png(bytes, caption, options = {}) {
      if (!(bytes instanceof Uint8Array) || !pngSignature.every((b, i) => bytes[i] === b)) {
        throw new PlotInputError('report.png: expected PNG bytes (a Uint8Array starting with the PNG signature)');
      }
      const { width, pixelated = false } = options;
      if (width !== undefined && !(width > 0)) throw new PlotInputError(`report.png: width must be positive, found ${width}`);
      const attrs = [
        `src="data:image/png;base64,${base64(bytes)}"`,
        `alt="${escapeXml(caption ?? '')}"`,
        width !== undefined ? `width="${width}"` : '',
        pixelated ? 'class="pixelated"' : '',
      ].filter(Boolean);
      blocks.push(figure(`<img ${attrs.join(' ')}>`, caption));
      return report;
    },
    toHtml() {
      return [
        '<!doctype html>',
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${escapeXml(title)}</title><style>${style}</style></head>`,
        `<body><main><h1>${escapeXml(title)}</h1>`,
        ...blocks,
        sectionOpen ? '</section>' : '',
        '</main></body></html>',
        '',
      ].join('\n');
    },
    async write(path) {
      try {
        await platform.writeFile(path, report.toHtml());
      } catch (error) {
        if (error instanceof Error && /needs a file system/.test(error.message)) {
          throw new PlotInputError(`report.write: ${error.message} (report.toHtml() gives the page)`);
        }
        throw error;
      }
    },
  };
  return report;
}

function figure(content: string, caption: string | undefined): string {
  return `<figure>${content}${caption ? `<figcaption>${escapeXml(caption)}</figcaption>` : ''}</figure>`;
}

/**
 * Prepares an SVG document for inlining in HTML: drops the XML prolog and namespace declarations
 * (HTML does not need them), and prefixes every id so two charts with the same clip-path ids
 * cannot borrow each other's.
 */
function inlineSvg(svg: string, prefix: string): string {
  if (typeof svg !== 'string' || !/<svg[\s>]/.test(svg)) {
    throw new PlotInputError('report.svg: expected an SVG document string (e.g. from lineChart)');
  }
  const external = /(?:href|src)\s*=\s*["']\s*(?:https?:)?\/\/|url\(\s*["']?\s*(?:https?:)?\/\//i.exec(svg);
  if (external) {
    throw new PlotInputError(`report.svg: the SVG links to an external resource (${external[0]}…); the report must open offline`);
  }
  return svg
    .replace(/<\?xml[^>]*\?>/g, '')
    .replace(/<!DOCTYPE[^>]*>/gi, '')
    .replace(/\s+xmlns(?::\w+)?="[^"]*"/g, '')
    .replace(/\bid="([^"]+)"/g, `id="${prefix}$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}$1"`)
    .trim();
}

function formatNumber(value: number): string {
  if (Number.isInteger(value) || !Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e9)) return value.toExponential(4);
  return String(Number(value.toPrecision(6)));
}
