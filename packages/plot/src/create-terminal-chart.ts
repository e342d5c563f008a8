import { sparkline } from './sparkline';

/** Where a terminal chart writes; `process.stdout` fits. */
export interface TerminalStream {
  /** The chart draws only when this is true. */
  isTTY?: boolean;
  /** Lines are cut to this many characters (when known). */
  columns?: number;
  write(text: string): unknown;
}

/** One named series of a terminal chart. */
export interface TerminalSeries {
  name: string;
  values: ArrayLike<number>;
}

/** Options of {@link createTerminalChart}. */
export interface TerminalChartOptions {
  /** First line of the view; the status given to update/push is appended to it. */
  title?: string;
  /** Characters of sparkline per series. Default 40. */
  width?: number;
  /** Most recent values kept and drawn per series. Default 4 × width (4 values per character). */
  window?: number;
  /** Default `process.stdout` (none in a browser: the chart is then disabled). */
  stream?: TerminalStream;
  /** Redraw at most this often; updates in between are shown by the next redraw or by close(). Default 100. */
  minIntervalMs?: number;
}

/** A live view of recent values, redrawn in place; see {@link createTerminalChart}. */
export interface TerminalChart {
  /** Whether it draws at all (the stream is a TTY). */
  readonly enabled: boolean;
  /** Replaces the series (each keeps its last `window` values) and redraws. */
  update(series: readonly TerminalSeries[] | Record<string, ArrayLike<number>>, status?: string): void;
  /** Appends one value per named series (new names start a series) and redraws. */
  push(point: Record<string, number>, status?: string): void;
  /** Draws the last state and leaves it on screen; later calls do nothing. */
  close(): void;
}

/**
 * A compact live chart for long runs: a sparkline of recent values per series with the last, min and
 * max, redrawn in place with ANSI cursor moves. It draws only when the stream is a TTY, so logs and
 * CI output stay clean; elsewhere every call is a cheap no-op.
 *
 * @example
 * const view = createTerminalChart({ title: 'GAN' });
 * for (let epoch = 1; epoch <= 20; epoch++) view.push({ generator: g, discriminator: d }, `epoch ${epoch}/20`);
 * view.close();
 */
export function createTerminalChart(options: TerminalChartOptions = {}): TerminalChart {
  const stream: TerminalStream = options.stream ??
    (globalThis as { process?: { stdout?: TerminalStream } }).process?.stdout ?? { write: () => true };
  const width = options.width ?? 40;
  if (!(Number.isInteger(width) && width >= 1)) {
    throw new RangeError(`createTerminalChart: width must be a positive integer, found ${String(width)}`);
  }
  const window = options.window ?? 4 * width;
  if (!(Number.isInteger(window) && window >= 1)) {
    throw new RangeError(`createTerminalChart: window must be a positive integer, found ${String(window)}`);
  }
  const minIntervalMs = options.minIntervalMs ?? 100;
  const enabled = stream.isTTY === true;
  const series = new Map<string, number[]>();
  let status = '';
  let drawnLines = 0;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let pending = false;
  let closed = false;

  const frame = (): string[] => {
    const nameWidth = Math.max(0, ...[...series.keys()].map((name) => name.length));
    const heading = [options.title, status].filter(Boolean).join(' · ');
    const lines = heading ? [heading] : [];
    for (const [name, values] of series) {
      const finite = values.filter(Number.isFinite);
      const last = values.length > 0 ? values[values.length - 1]! : Number.NaN;
      const stats = finite.length > 0 ? `${format(last)}  (min ${format(Math.min(...finite))}, max ${format(Math.max(...finite))})` : '';
      lines.push(`${name.padEnd(nameWidth)}  ${sparkline(values, width).padEnd(width)}  ${stats}`);
    }
    const columns = stream.columns;
    return columns && columns > 1 ? lines.map((line) => cut(line, columns - 1)) : lines;
  };

  const draw = (force: boolean) => {
    if (!enabled) return;
    const now = Date.now();
    if (!force && now - lastDraw < minIntervalMs) {
      pending = true;
      return;
    }
    const lines = frame();
    // Move to the start of the previous frame, rewrite each line, clear whatever is left below.
    const up = drawnLines > 0 ? `\x1b[${drawnLines}F` : '';
    stream.write(`${up}${lines.map((line) => `\x1b[2K${line}\n`).join('')}\x1b[J`);
    drawnLines = lines.length;
    lastDraw = now;
    pending = false;
  };

  const keep = (values: number[]) => (values.length > window ? values.slice(values.length - window) : values);

  return {
    enabled,
    update(next, nextStatus) {
      if (closed) return;
      const entries = Array.isArray(next)
        ? (next as readonly TerminalSeries[]).map((s) => [s.name, s.values] as const)
        : Object.entries(next as Record<string, ArrayLike<number>>);
      series.clear();
      for (const [name, values] of entries) series.set(name, keep(Array.from(values, Number)));
      if (nextStatus !== undefined) status = nextStatus;
      draw(false);
    },
    push(point, nextStatus) {
      if (closed) return;
      for (const [name, value] of Object.entries(point)) {
        const values = series.get(name) ?? [];
        values.push(Number(value));
        series.set(name, keep(values));
      }
      if (nextStatus !== undefined) status = nextStatus;
      draw(false);
    },
    close() {
      if (closed) return;
      closed = true;
      if (pending || drawnLines === 0) draw(true);
    },
  };
}

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e5)) return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}

// Cuts by code points so a sparkline character is never split.
function cut(line: string, columns: number): string {
  const chars = Array.from(line);
  return chars.length > columns ? chars.slice(0, columns).join('') : line;
}
