import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built CLI, as `pnpm demo` and the `dlkit-demo` bin run it. */
export const cliPath = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI to completion, without a terminal (so progress is plain log lines). */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; timeout?: number } = {}): CliResult {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  delete env.INIT_CWD;
  delete env.DLKIT_BACKEND;
  delete env.DEBUG;
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd,
    env,
    encoding: 'utf8',
    timeout: options.timeout ?? 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
