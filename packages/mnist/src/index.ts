export type { EmbeddedMnistFiles } from './_embedded';
export type { IdxArray, IdxData, IdxType } from './idx-array';
export { embeddedSplitSeed, embeddedTrainCount, type LoadMnistOptions, loadMnist } from './load-mnist';
export { type LoadReferenceDigitsOptions, loadReferenceDigits } from './load-reference-digits';
export { MnistDataError } from './mnist-data-error';
export type { MnistBatch, MnistBatchOptions, MnistDataset, MnistNormalize } from './mnist-dataset';
export { type MnistFile, mnistFiles, mnistMirrors } from './mnist-files';
export { type ReadIdxOptions, readIdx } from './read-idx';
export { type IdxInput, type WriteIdxOptions, writeIdx } from './write-idx';
