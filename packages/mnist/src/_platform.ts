/**
 * What the data API needs from the platform it runs on. package.json's "#mnist-platform" picks the
 * implementation by condition: Node's (`_platform-node.ts`: files and node:zlib) or the web's
 * (`_platform-web.ts`: fetch, DecompressionStream and fflate), so the browser build holds no Node built-in.
 */
export interface MnistPlatform {
  /** The bytes (gzipped IDX) of one of the embedded files shipped in assets/, as this package serves them. */
  embeddedFile(file: EmbeddedFileName): Promise<Uint8Array>;
  /** Where the embedded file lies: a file: URL in Node, the URL a bundler serves it at in a page. */
  embeddedFileUrl(file: EmbeddedFileName): URL;
  /** Bytes from a URL (a page's fetch; Node reads file: URLs from disk). */
  fetchBytes(url: URL | string): Promise<Uint8Array>;
  /** gzip's inverse, synchronous (throws on corrupt data). */
  gunzipSync(bytes: Uint8Array): Uint8Array;
  /** gunzip, streaming where the platform can (DecompressionStream). */
  gunzip(bytes: Uint8Array): Promise<Uint8Array>;
  gzipSync(bytes: Uint8Array): Uint8Array;
}

export type EmbeddedFileName = 'embedded-images-idx3-ubyte.gz' | 'embedded-labels-idx1-ubyte.gz';
