import { defineConfig, type Options } from 'tsup';

/** The one build every package shares: ESM + CJS + declarations, tfjs and dependencies external. */
export function dlkitBuild(overrides: Options = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node22',
    shims: true,
    ...overrides,
  });
}
