import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The family name of the font shipped in ../fonts, used for every PNG so text looks the same on every machine. */
export const fontFamily = 'Roboto';

let cached: string[] | undefined;

/** Paths of the shipped Roboto TTFs. Both src/ (tests) and dist/ (users) sit one level below fonts/. */
export function fontFiles(): string[] {
  if (cached) return cached;
  const here = dirname(fileURLToPath(import.meta.url));
  const dir = join(here, '..', 'fonts');
  const files = ['Roboto-Regular.ttf', 'Roboto-Bold.ttf'].map((name) => join(dir, name));
  cached = files.filter((file) => existsSync(file));
  return cached;
}
