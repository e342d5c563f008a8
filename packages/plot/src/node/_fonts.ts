import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export { fontFamily } from '../_font-family';

let cached: string[] | undefined;

/** Paths of the shipped Roboto TTFs. src/node/ (tests) sits two levels below fonts/, dist/ (users) one. */
export function fontFiles(): string[] {
  if (cached) return cached;
  const here = dirname(fileURLToPath(import.meta.url));
  const dir =
    [join(here, '..', 'fonts'), join(here, '..', '..', 'fonts')].find((candidate) => existsSync(candidate)) ?? join(here, '..', 'fonts');
  const files = ['Roboto-Regular.ttf', 'Roboto-Bold.ttf'].map((name) => join(dir, name));
  cached = files.filter((file) => existsSync(file));
  return cached;
}
