import { type ChildProcessByStdio, spawn, spawnSync } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { expect, onTestFinished } from 'vitest';

/** The built CLI, as `pnpm demo` and the `dlkit-demo` bin run it. */
export const cliPath = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment the CLI runs in: the test's, without what would change its choices. */
function cliEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env, ...extra };
  delete env.INIT_CWD;
  delete env.DLKIT_BACKEND;
  delete env.DEBUG;
  return env;
}

/** Runs the built CLI to completion, without a terminal (so progress is plain log lines). */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; timeout?: number } = {}): CliResult {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd,
    env: cliEnv(options.env),
    encoding: 'utf8',
    timeout: options.timeout ?? 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A CLI run in the background, to signal while it trains. */
export interface RunningCli {
  child: ChildProcessByStdio<null, Readable, Readable>;
  stdout(): string;
  stderr(): string;
  /** Resolves once stderr matches `pattern` (a line the run prints, such as the end of its first epoch). */
  waitForStderr(pattern: RegExp): Promise<void>;
  /** Resolves with the exit status. */
  exited: Promise<number | null>;
}

/** Starts the built CLI without waiting for it; call it inside a test, which stops it at the end if it still runs. */
export function startCli(args: string[]): RunningCli {
  const child = spawn(process.execPath, [cliPath, ...args], { env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiting: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    for (const wait of waiting.filter((w) => w.pattern.test(stderr))) {
      waiting.splice(waiting.indexOf(wait), 1);
      wait.resolve();
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  // A run its test left going (the test failed before it ended) stops with the test, before the test's
  // temporary folder is removed (onTestFinished hooks run last registered first): it writes there no more.
  onTestFinished(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGKILL');
    await exited;
  });
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    waitForStderr: (pattern) =>
      pattern.test(stderr)
        ? Promise.resolve()
        : Promise.race([
            new Promise<void>((resolve) => waiting.push({ pattern, resolve })),
            exited.then((code) => {
              throw new Error(`the CLI exited (${code}) before printing ${pattern}: ${stderr}`);
            }),
          ]),
    exited,
  };
}

/** Bad input: one line on stderr naming the problem, a non-zero exit, nothing on stdout, no stack trace. */
export function expectOneLineError(result: CliResult, message: RegExp): void {
  expect(result.status).not.toBe(0);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^dlkit-demo: /);
  expect(lines[0]).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}
