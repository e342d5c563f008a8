import { resolve } from 'node:path';

/**
 * Resolves a path the user typed against the folder they typed it in. `pnpm demo` runs the CLI from
 * apps/demo, but pnpm records the caller's folder in INIT_CWD, so `--out out` lands where the user is.
 */
export function resolveUserPath(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.INIT_CWD ?? process.cwd(), path);
}
