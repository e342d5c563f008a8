// The data API's platform in a browser or a web worker (package.json's "#mnist-platform" everywhere but Node):
// no Node built-in. The embedded files are fetched from where a bundler serves the package's assets.
import { gunzipSync, gzipSync } from 'fflate';
import type { MnistPlatform } from './_platform';

export const platform: MnistPlatform = {
  // Written out in full, so that bundlers (Vite, webpack, Parcel) see and copy each asset.
  embeddedFileUrl: (file) =>
    file === 'embedded-images-idx3-ubyte.gz'
      ? new URL('../assets/embedded-images-idx3-ubyte.gz', import.meta.url)
      : new URL('../assets/embedded-labels-idx1-ubyte.gz', import.meta.url),
  embeddedFile: (file) => fetchBytes(platform.embeddedFileUrl(file)),
  fetchBytes,
  gunzipSync: (bytes) => gunzipSync(bytes),
  async gunzip(bytes) {
    if (typeof DecompressionStream === 'undefined') return gunzipSync(bytes);
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  },
  gzipSync: (bytes) => gzipSync(bytes),
};

async function fetchBytes(url: URL | string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  return new Uint8Array(await response.arrayBuffer());
}
