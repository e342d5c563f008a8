import { relative } from 'node:path';

/**
 * A path as the user would type it: relative to the folder they ran the command in (pnpm's INIT_CWD)
 * when it lies below it, absolute otherwise.
 */
export function displayPath(path: string, env: NodeJS.ProcessEnv = process.env): string {
  const near = relative(env.INIT_CWD ?? process.cwd(), path);
  return near === '' ? '.' : near.startsWith('..') ? path : near;
}
