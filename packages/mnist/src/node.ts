// '@dlkit/mnist/node', and '@dlkit/mnist' itself in Node: the main entry, plus what needs a file system.
export * from './index';
export { type LoadMnistOptions, loadMnist } from './node/load-mnist';
export { readIdx } from './node/read-idx';
export {
  type DownloadedMnist,
  type DownloadMnistOptions,
  type DownloadProgress,
  defaultMnistCacheDir,
  downloadMnist,
} from './node/download-mnist';
export { type WriteIdxFileOptions, writeIdxFile } from './node/write-idx-file';
