import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { PackedPackage } from './_pack-tarballs';

export type PackageManager = 'npm' | 'pnpm';

const execFileAsync = promisify(execFile);
const require = createRequire(import.meta.url);

// What a user's shell has: not the variables pnpm and vitest set for the workspace's own scripts
// (user agent, package fields, lifecycle), which would make npm and pnpm act as if run from it.
const userEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) => !/^(npm_(package|lifecycle|execpath|node_execpath|command|config_user_agent)|PNPM_|VITEST|INIT_CWD)/i.test(key),
  ),
);

/** Runs a command in `cwd` as a user would; rejects with its output when it fails. */
export async function sh(cwd: string, command: string, args: string[], timeoutMs = 240_000): Promise<string> {
  try {
    const { stdout, stderr } = await execFileAsync(command, args, { cwd, env: userEnv, timeout: timeoutMs, maxBuffer: 64 << 20 });
    return stdout + stderr;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${`${stdout}\n${stderr}`.trim().slice(-4000)}`);
  }
}

/**
 * A fresh folder holding only an empty package.json, where every @dlkit package resolves to its packed
 * tarball, not the registry: those named on an install line are installed from their tarball, and
 * every one is overridden for what depends on it (npm `overrides`, pnpm `overrides` in
 * pnpm-workspace.yaml). npm rejects an override of a direct dependency that differs from it, and
 * resolves a dependency on a direct one to it anyway, so its overrides leave the direct ones out.
 */
export function createUserFolder(dir: string, manager: PackageManager, packed: PackedPackage[], direct: string[]): void {
  mkdirSync(dir, { recursive: true });
  const overridden = manager === 'npm' ? packed.filter((p) => !direct.includes(p.name)) : packed;
  const overrides = Object.fromEntries(overridden.map((p) => [p.name, `file:${p.tarball}`]));
  const manifest = { name: 'dlkit-user', version: '1.0.0', private: true, ...(manager === 'npm' ? { overrides } : {}) };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  if (manager === 'pnpm') {
    const lines = Object.entries(overrides).map(([name, spec]) => `  "${name}": "${spec}"`);
    writeFileSync(join(dir, 'pnpm-workspace.yaml'), `overrides:\n${lines.join('\n')}\n`);
  }
}

/** `npm install <specs>` as written, or its pnpm equivalent `pnpm add <specs>`; @dlkit names become tarballs. */
export function install(dir: string, manager: PackageManager, specs: string[], packed: PackedPackage[]): Promise<string> {
  const resolved = specs.map((spec) => packed.find((p) => p.name === spec)?.tarball ?? spec);
  return manager === 'npm'
    ? sh(dir, 'npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...resolved])
    : sh(dir, 'pnpm', ['add', ...resolved]);
}

/**
 * Type-checks the folder's .mts files with the settings `tsc --init` (TypeScript 5.9) writes, the
 * strictest a new project gets. TypeScript and Node's types are the test's tools, taken from the
 * workspace, so the folder holds only what the README installs.
 */
export function typecheck(dir: string, files: string[]): Promise<string> {
  const tsconfig = {
    compilerOptions: {
      module: 'nodenext',
      target: 'esnext',
      types: ['node'],
      typeRoots: [dirname(dirname(require.resolve('@types/node/package.json')))],
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      strict: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      noUncheckedSideEffectImports: true,
      moduleDetection: 'force',
      skipLibCheck: true,
      noEmit: true,
    },
    files,
  };
  writeFileSync(join(dir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  return sh(dir, process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json']);
}
