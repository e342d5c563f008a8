/**
 * What the package needs from the platform it runs on: reading its shipped classifier. package.json's
 * "#gan-platform" picks Node's implementation (`_platform-node.ts`: node:fs) or the web's (`_platform-web.ts`:
 * fetch), so the browser build holds no Node built-in. Failures are plain Errors; callers say what failed.
 */
export interface GanPlatform {
  /** Where the shipped classifier (assets/mnist-classifier.bin) lies: a file: URL in Node, where a bundler serves it in a page. */
  classifierUrl(): URL;
  /** The shipped classifier's bytes. */
  classifierBytes(): Promise<Uint8Array>;
  /** Bytes from a URL (Node reads file: URLs from disk). */
  fetchBytes(url: URL | string): Promise<Uint8Array>;
}
