import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type ModuleType = 'module' | 'commonjs';

/** The package a test file belongs to, and a way to run its built dist. */
export interface BuiltPackage {
  /** The package's folder (the test file's parent's parent). */
  root: string;
  /**
   * Runs `source` as a user's program would run the built package: a fresh Node process (no vitest
   * transforms), as ESM or CommonJS, in the package's folder so that it resolves itself and its
   * dependencies by name. Returns what the program printed; throws if it exits non-zero.
   */
  runNode(source: string, type: ModuleType, env?: Record<string, string>): string;
}

/**
 * For a package's `test/dist.test.ts`: `const { root, runNode } = builtPackage(import.meta.url)`.
 * The dist must be built first (turbo's test task depends on build).
 */
export function builtPackage(testFileUrl: string): BuiltPackage {
  const root = fileURLToPath(new URL('..', testFileUrl));
  return {
    root,
    runNode(source, type, env = {}) {
      const flag = type === 'module' ? '--input-type=module' : '--input-type=commonjs';
      return execFileSync(process.execPath, [flag, '-e', source], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
    },
  };
}
