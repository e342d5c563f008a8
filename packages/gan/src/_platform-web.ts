// The package's platform in a browser or a web worker (package.json's "#gan-platform" everywhere but Node): no
// Node built-in. The classifier is fetched from where the app's bundler serves the package's assets.
import type { GanPlatform } from './_platform';

export const platform: GanPlatform = {
  // Written out in full, so that bundlers (Vite, webpack, Parcel) see and copy the asset.
  classifierUrl: () => new URL('../assets/mnist-classifier.bin', import.meta.url),
  classifierBytes: () => fetchBytes(platform.classifierUrl()),
  fetchBytes,
};

async function fetchBytes(url: URL | string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  return new Uint8Array(await response.arrayBuffer());
}
