import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Message, type Metafile, type Plugin } from 'esbuild';

/** A Node built-in that a browser bundle reached, and the file that imports it. */
export interface BuiltinImport {
  specifier: string;
  importer: string;
}

/** What bundling a package's main entry for a browser gave. */
export interface BrowserBundle {
  /** Node built-ins the bundle would need (none for a browser-safe package), with who imports them. */
  builtins: BuiltinImport[];
  /** Minified size of everything bundled, in bytes (0 when built-ins stopped the build). */
  bytes: number;
  /** Minified bytes by package ('@dlkit/mnist', '@tensorflow/tfjs-core', …), largest first. */
  bytesByPackage: [string, number][];
  /** The bundle itself (ES module), when it built. */
  code: string;
  /** Every file bundled, as esbuild names them (paths relative to the working folder). */
  inputs: string[];
}

/** Node's built-ins a browser has no copy of; the `node:` scheme is always one. */
const builtinNames = ['fs', 'os', 'path', 'worker_threads', 'module', 'url', 'zlib', 'crypto', 'child_process', 'util', 'stream', 'buffer'];
const builtinPattern = new RegExp(`^(node:.*|(${builtinNames.join('|')})(/.*)?)$`);

/**
 * Bundles `import * as m from '<package>'` (the package whose test file this is, resolved by its own
 * name as a user's bundler resolves it, through its `exports` with the `browser` condition) with
 * esbuild for a browser: platform 'browser', format esm, every dependency bundled. Returns the Node
 * built-ins it reached (from esbuild's "could not resolve" errors: a dependency's `browser` field that
 * maps a built-in away is honoured), and the bundle's size. The dist must be built first.
 */
export async function browserBundle(testFileUrl: string, options: { external?: string[] } = {}): Promise<BrowserBundle> {
  const root = fileURLToPath(new URL('..', testFileUrl));
  const { name } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string };
  return bundleForBrowser(`export * as bundled from ${JSON.stringify(name)};`, root, options);
}

/**
 * Bundles `source` (an ES module resolved from `resolveDir`) for a browser as {@link browserBundle} does.
 * The workspace's tsconfig files are not read: a user's bundler sees only the published files.
 */
export async function bundleForBrowser(
  source: string,
  resolveDir: string,
  options: { external?: string[]; minify?: boolean; virtual?: Readonly<Record<string, string>> } = {},
): Promise<BrowserBundle> {
  const scratch = mkdtempSync(join(tmpdir(), 'dlkit-browser-bundle-'));
  const tsconfig = join(scratch, 'tsconfig.json');
  try {
    writeFileSync(tsconfig, '{}');
    const result = await build({
      stdin: { contents: source, resolveDir, sourcefile: 'app.js' },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      minify: options.minify ?? true,
      external: options.external ?? [],
      tsconfig,
      metafile: true,
      write: false,
      logLevel: 'silent',
      outdir: join(scratch, 'out'),
      plugins: [virtualModules(options.virtual ?? {}, resolveDir)],
    });
    const code = result.outputFiles.find((file) => file.path.endsWith('.js'))?.text ?? '';
    const bytesByPackage = sizeByPackage(result.metafile);
    return { builtins: [], bytes: Buffer.byteLength(code), bytesByPackage, code, inputs: Object.keys(result.metafile.inputs) };
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors;
    if (!errors) throw error;
    const builtins: BuiltinImport[] = [];
    const others: string[] = [];
    for (const message of errors) {
      const specifier = /^Could not resolve "([^"]+)"/.exec(message.text)?.[1];
      if (specifier && builtinPattern.test(specifier)) builtins.push({ specifier, importer: message.location?.file ?? '?' });
      else others.push(`${message.location?.file ?? ''}:${message.location?.line ?? ''} ${message.text}`);
    }
    if (others.length > 0) throw new Error(`esbuild could not bundle for the browser:\n${others.join('\n')}`);
    return { builtins, bytes: 0, bytesByPackage: [], code: '', inputs: [] };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function sizeByPackage(metafile: Metafile): [string, number][] {
  const sizes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(input);
      const owner = match?.[1] ?? (/packages\/([^/]+)\//.exec(input) ? `@dlkit/${/packages\/([^/]+)\//.exec(input)![1]}` : input);
      sizes.set(owner, (sizes.get(owner) ?? 0) + bytesInOutput);
    }
  }
  return [...sizes].sort((a, b) => b[1] - a[1]);
}

/** Modules given as source, importable by name (a test's page script), resolving their imports from `resolveDir`. */
function virtualModules(modules: Readonly<Record<string, string>>, resolveDir: string): Plugin {
  const names = Object.keys(modules);
  return {
    name: 'virtual-modules',
    setup(build) {
      if (names.length === 0) return;
      const filter = new RegExp(`^(${names.map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
      build.onResolve({ filter }, ({ path }) => ({ path, namespace: 'virtual' }));
      build.onLoad({ filter: /.*/, namespace: 'virtual' }, ({ path }) => ({ contents: modules[path], loader: 'ts', resolveDir }));
    },
  };
}
