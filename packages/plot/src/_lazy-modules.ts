import { createRequire } from 'node:module';

// resvg (a native addon) and pngjs take ~45 ms each to load; load them on first use so that
// importing the package stays cheap for programs that only need the terminal view or the report.
const lazyRequire = createRequire(import.meta.url);

type ResvgModule = typeof import('@resvg/resvg-js');
type PngModule = typeof import('pngjs');

let resvg: ResvgModule | undefined;
let pngjs: PngModule | undefined;

export function loadResvg(): ResvgModule {
  resvg ??= lazyRequire('@resvg/resvg-js') as ResvgModule;
  return resvg;
}

export function loadPngjs(): PngModule {
  pngjs ??= lazyRequire('pngjs') as PngModule;
  return pngjs;
}
