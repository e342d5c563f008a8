// The package's platform in Node (package.json's "#gan-platform" under the "node" condition).
import { readFile } from 'node:fs/promises';
import type { GanPlatform } from './_platform';

// assets/ sits next to src/ and dist/: one relative URL serves the sources and the build.
const classifier = new URL('../assets/mnist-classifier.bin', import.meta.url);

export const platform: GanPlatform = {
  classifierUrl: () => classifier,
  classifierBytes: async () => new Uint8Array(await readFile(classifier)),
  async fetchBytes(url) {
    const parsed = new URL(url);
    if (parsed.protocol === 'file:') return new Uint8Array(await readFile(parsed));
    const response = await fetch(parsed);
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    return new Uint8Array(await response.arrayBuffer());
  },
};
