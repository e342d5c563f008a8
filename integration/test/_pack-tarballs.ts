import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

/** A published package: its name, its folder under packages/ and its tarball, packed as `pnpm publish` packs. */
export interface PackedPackage {
  name: string;
  folder: string;
  tarball: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    packed: PackedPackage[];
  }
}

const packagesDir = fileURLToPath(new URL('../../packages', import.meta.url));

// Global setup: every package is packed once, in parallel, for all the test files (turbo built them).
export default async function packTarballs(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'dlkit-tarballs-'));
  const folders = readdirSync(packagesDir).filter((folder) => existsSync(join(packagesDir, folder, 'package.json')));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  // Global setup runs outside any test, so test-utils' tempDir does not apply: the folder goes with the
  // teardown this returns, or at once when packing fails (no teardown is returned then).
  try {
    const packed = await Promise.all(
      folders.map(async (folder) => {
        const cwd = join(packagesDir, folder);
        const { stdout } = await promisify(execFile)('pnpm', ['pack', '--json', '--pack-destination', dir], { cwd });
        const { filename } = JSON.parse(stdout) as { filename: string };
        const name = (JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as { name: string }).name;
        return { name, folder, tarball: filename.startsWith('/') ? filename : join(dir, filename) };
      }),
    );
    project.provide('packed', packed);
  } catch (error) {
    remove();
    throw error;
  }
  return remove;
}
