import { fileURLToPath } from 'node:url';

/**
 * Where the built page is: dist/web/ beside the CLI's dist/cli.js (`pnpm build` builds both; Vite
 * writes the page there from web/). From the sources (tests through tsx/vitest) the same folder.
 */
export function pageFolder(): string {
  const here = new URL('.', import.meta.url);
  const dist = here.pathname.endsWith('/src/web/') ? new URL('../../dist/', here) : here;
  return fileURLToPath(new URL('web/', dist));
}
