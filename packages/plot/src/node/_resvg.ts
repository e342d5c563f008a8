import { createRequire } from 'node:module';

// resvg (a native addon) takes ~45 ms to load; load it on first use so that importing the package stays
// cheap for programs that only need the terminal view or the report.
const lazyRequire = createRequire(import.meta.url);

type ResvgModule = typeof import('@resvg/resvg-js');

let resvg: ResvgModule | undefined;

export function loadResvg(): ResvgModule {
  resvg ??= lazyRequire('@resvg/resvg-js') as ResvgModule;
  return resvg;
}
