import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { MnistDataError } from '../mnist-data-error';
import { mnistFiles, mnistMirrors } from '../mnist-files';

/** What {@link DownloadMnistOptions.onProgress} receives while a file downloads. */
export interface DownloadProgress {
  /** File name, e.g. `train-images-idx3-ubyte.gz`. */
  readonly file: string;
  readonly url: string;
  /** Bytes received so far. */
  readonly bytes: number;
  /** Size the server announced, when it did. */
  readonly total: number | undefined;
  /** 0…100 when the size is known. */
  readonly percent: number | undefined;
}

/** Options of {@link downloadMnist}. */
export interface DownloadMnistOptions {
  /** Where files are kept: default `$XDG_CACHE_HOME/dlkit/mnist`, or `~/.cache/dlkit/mnist`. */
  cacheDir?: string;
  /** Base URLs tried in order; the file name is appended. Default {@link mnistMirrors}. */
  mirrors?: readonly string[];
  /** Give up on a mirror after this many milliseconds without data (connecting included). Default 30,000. */
  timeoutMs?: number;
  /** Called as bytes arrive. Without it, progress is printed to stderr only when stderr is a terminal. */
  onProgress?: (progress: DownloadProgress) => void;
  /**
   * Checksums by file name, hex SHA-256 (64 digits) or MD5 (32): for Fashion-MNIST and other data sets that
   * use the same four names. Default: MNIST's SHA-256 values ({@link mnistFiles}).
   */
  checksums?: Readonly<Record<string, string>>;
  /** Which files: the train pair, the test pair or all four (default). */
  split?: 'train' | 'test' | 'all';
}

/** Where {@link downloadMnist} left the files. */
export interface DownloadedMnist {
  readonly cacheDir: string;
  /** Full paths of the verified files, in the order train images, train labels, test images, test labels. */
  readonly files: readonly string[];
}

const defaultTimeoutMs = 30_000;

/** `$XDG_CACHE_HOME/dlkit/mnist` when that variable holds an absolute path, else `~/.cache/dlkit/mnist`. */
export function defaultMnistCacheDir(env: Record<string, string | undefined> = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache'), 'dlkit', 'mnist');
}

/**
 * Downloads the MNIST files into a cache directory and verifies each checksum. A file already there and
 * verified is never downloaded again. Each file is tried on every mirror in turn (any failure — HTTP error,
 * timeout, dropped connection, wrong checksum — moves on to the next); it is held in memory until every
 * byte has arrived and matches the checksum, then written atomically (temp file, fsync, rename), so an
 * interrupted download never leaves a corrupt file.
 *
 * Throws one {@link MnistDataError} listing every mirror's failure when no mirror gives a verified file.
 *
 * @example
 * const { cacheDir } = await downloadMnist(); // then loadMnist({ source: cacheDir }), or loadMnist({ source: 'download' })
 */
export async function downloadMnist(options: DownloadMnistOptions = {}): Promise<DownloadedMnist> {
  const cacheDir = options.cacheDir ?? defaultMnistCacheDir();
  const mirrors = options.mirrors ?? mnistMirrors;
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const split = options.split ?? 'all';
  if (typeof cacheDir !== 'string' || cacheDir === '')
    throw new TypeError(`downloadMnist: cacheDir must be a path, found ${String(cacheDir)}`);
  if (!Array.isArray(mirrors) || mirrors.length === 0 || mirrors.some((m) => typeof m !== 'string')) {
    throw new TypeError('downloadMnist: mirrors must be a non-empty array of base URLs');
  }
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0))
    throw new RangeError(`downloadMnist: timeoutMs must be a positive number, found ${String(timeoutMs)}`);
  if (!['train', 'test', 'all'].includes(split))
    throw new RangeError(`downloadMnist: split must be 'train', 'test' or 'all', found ${String(split)}`);

  const wanted = [
    ...(split !== 'test' ? [mnistFiles.trainImages, mnistFiles.trainLabels] : []),
    ...(split !== 'train' ? [mnistFiles.testImages, mnistFiles.testLabels] : []),
  ];
  mkdirSync(cacheDir, { recursive: true });
  const files: string[] = [];
  for (const file of wanted) {
    const expected = (options.checksums?.[file.name] ?? file.sha256).toLowerCase();
    const algorithm = checksumAlgorithm(expected, file.name);
    const target = join(cacheDir, file.name);
    if (cachedFileMatches(target, algorithm, expected)) {
      files.push(target);
      continue;
    }
    const failures: string[] = [];
    let done = false;
    for (const mirror of mirrors) {
      const url = mirror.endsWith('/') ? mirror + file.name : `${mirror}/${file.name}`;
      try {
        const bytes = await fetchVerified(url, { file: file.name, algorithm, expected, timeoutMs, onProgress: options.onProgress });
        await writeFileAtomic(target, bytes);
        done = true;
        break;
      } catch (error) {
        failures.push(`${url}: ${(error as Error).message}`);
      }
    }
    if (!done) {
      throw new MnistDataError(
        `Could not download ${file.name} from any of ${mirrors.length} mirror${mirrors.length === 1 ? '' : 's'}:\n  ${failures.join('\n  ')}`,
        { file: file.name },
      );
    }
    files.push(target);
  }
  return { cacheDir, files };
}

function checksumAlgorithm(expected: string, name: string): 'sha256' | 'md5' {
  if (/^[0-9a-f]{64}$/.test(expected)) return 'sha256';
  if (/^[0-9a-f]{32}$/.test(expected)) return 'md5';
  throw new RangeError(`downloadMnist: checksum of ${name} must be 64 (SHA-256) or 32 (MD5) hex digits, found '${expected}'`);
}

function cachedFileMatches(path: string, algorithm: string, expected: string): boolean {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return false;
  }
  return createHash(algorithm).update(bytes).digest('hex') === expected;
}

interface FetchOptions {
  file: string;
  algorithm: string;
  expected: string;
  timeoutMs: number;
  onProgress: ((progress: DownloadProgress) => void) | undefined;
}

/** The file's bytes, once all of them have arrived and match the checksum (at most ~10 MB for MNIST's files). */
async function fetchVerified(url: string, options: FetchOptions): Promise<Buffer> {
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // An idle timeout, not a total one: a slow but steady mirror finishes, a stalled one is left.
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs);
  };
  const report = progressReporter(options.file, url, options.onProgress);
  let bytes = 0;
  let total: number | undefined;
  arm();
  try {
    // identity: a server that gzips on the fly would make fetch hand back other bytes than the checksum covers.
    const response = await fetch(url, { signal: controller.signal, headers: { 'accept-encoding': 'identity' } });
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    const announced = Number(response.headers.get('content-length'));
    total = Number.isFinite(announced) && announced > 0 ? announced : undefined;
    const hash = createHash(options.algorithm);
    const chunks: Uint8Array[] = [];
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      arm();
      hash.update(value);
      chunks.push(value);
      bytes += value.length;
      report(bytes, total, false);
    }
    report(bytes, total, true);
    if (total !== undefined && bytes !== total) throw new Error(`connection closed early: expected ${total} bytes, found ${bytes}`);
    const found = hash.digest('hex');
    if (found !== options.expected) {
      throw new Error(`checksum mismatch: expected ${options.algorithm} ${options.expected}, found ${found} (${bytes} bytes)`);
    }
    return Buffer.concat(chunks);
  } catch (error) {
    const received = bytes > 0 ? ` after ${bytes}${total ? ` of ${total}` : ''} bytes` : '';
    if (timedOut) throw new Error(`timed out: no data for ${options.timeoutMs} ms${received}`);
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    const message = cause ? `${(error as Error).message} (${cause})` : (error as Error).message;
    throw new Error(
      bytes > 0 && !message.startsWith('checksum') && !message.startsWith('connection closed')
        ? `connection lost${received}: ${message}`
        : message,
    );
  } finally {
    clearTimeout(timer);
  }
}

function progressReporter(file: string, url: string, onProgress: FetchOptions['onProgress']) {
  const tty = !onProgress && process.stderr.isTTY;
  let lastPrint = 0;
  return (bytes: number, total: number | undefined, done: boolean) => {
    const percent = total ? Math.min(100, (100 * bytes) / total) : undefined;
    if (onProgress) {
      onProgress({ file, url, bytes, total, percent });
      return;
    }
    if (!tty) return;
    const now = Date.now();
    if (!done && now - lastPrint < 100) return;
    lastPrint = now;
    const size = `${(bytes / 1e6).toFixed(1)}${total ? ` / ${(total / 1e6).toFixed(1)}` : ''} MB`;
    process.stderr.write(`\r${file}: ${size}${percent !== undefined ? ` (${percent.toFixed(0)}%)` : ''}${done ? '\n' : ''}`);
  };
}
