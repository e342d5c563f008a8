// The data API's platform in Node (package.json's "#mnist-platform" under the "node" condition).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { MnistPlatform } from './_platform';

// The asset folder sits next to src/ and dist/: one relative URL serves the sources and the build.
const assets = new URL('../assets/', import.meta.url);

export const platform: MnistPlatform = {
  embeddedFileUrl: (file) => new URL(file, assets),
  embeddedFile: async (file) => new Uint8Array(await readFile(new URL(file, assets))),
  async fetchBytes(url) {
    const parsed = new URL(url);
    if (parsed.protocol === 'file:') return new Uint8Array(await readFile(fileURLToPath(parsed)));
    const response = await fetch(parsed);
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    return new Uint8Array(await response.arrayBuffer());
  },
  gunzipSync: (bytes) => new Uint8Array(gunzipSync(bytes)),
  gunzip: async (bytes) => new Uint8Array(gunzipSync(bytes)),
  gzipSync: (bytes) => new Uint8Array(gzipSync(bytes)),
};
