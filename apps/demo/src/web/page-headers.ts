/**
 * The headers every response of the page carries. COOP same-origin + COEP require-corp make the page
 * cross-origin isolated, which SharedArrayBuffer and so tfjs-backend-wasm's threads (and dlkit's GEMM
 * workers) need; CORP lets the page's own workers and files load under COEP; no-store keeps a rebuilt
 * page from mixing with an old one in the browser's cache.
 */
export const pageHeaders = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'cross-origin-resource-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
} as const;
