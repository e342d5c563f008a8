/** One of the four files of an MNIST-layout data set. */
export interface MnistFile {
  /** The file's name on the mirrors (gzipped). */
  readonly name: string;
  /** Size of the gzipped file in bytes. */
  readonly bytes: number;
  /** SHA-256 of the gzipped file, hex. */
  readonly sha256: string;
  /** MD5 of the gzipped file, hex (the value torchvision checks). */
  readonly md5: string;
}

/**
 * The four MNIST files with the sizes and checksums torchvision and TensorFlow check
 * (train 60,000 images, t10k 10,000).
 */
export const mnistFiles: {
  readonly trainImages: MnistFile;
  readonly trainLabels: MnistFile;
  readonly testImages: MnistFile;
  readonly testLabels: MnistFile;
} = {
  trainImages: {
    name: 'train-images-idx3-ubyte.gz',
    bytes: 9912422,
    sha256: '440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609',
    md5: 'f68b3c2dcbeaaa9fbdd348bbdeb94873',
  },
  trainLabels: {
    name: 'train-labels-idx1-ubyte.gz',
    bytes: 28881,
    sha256: '3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c',
    md5: 'd53e105ee54ea40749a09fcbcd1e9432',
  },
  testImages: {
    name: 't10k-images-idx3-ubyte.gz',
    bytes: 1648877,
    sha256: '8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6',
    md5: '9fb629c4189551a2d022fa330f9573f3',
  },
  testLabels: {
    name: 't10k-labels-idx1-ubyte.gz',
    bytes: 4542,
    sha256: 'f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6',
    md5: 'ec29112dd5afa0611ce80d1b7f02629c',
  },
};

/**
 * Mirrors of the MNIST files, tried in order: the PyTorch mirror torchvision uses first, Google's mirror
 * TensorFlow uses, then Yann LeCun's original site (often refuses automated downloads).
 */
export const mnistMirrors: readonly string[] = [
  'https://ossci-datasets.s3.amazonaws.com/mnist/',
  'https://storage.googleapis.com/cvdf-datasets/mnist/',
  'http://yann.lecun.com/exdb/mnist/',
];
