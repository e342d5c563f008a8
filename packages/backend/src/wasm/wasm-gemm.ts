import { spawnGemmWorker } from '#gemm-worker';
import * as tf from '@tensorflow/tfjs-core';
import { BackendError } from '../backend-error';
import * as control from './_gemm-control';
import { gemmModule } from './_gemm-modules';
import { kernelsModule } from './_instantiate-kernels';
import { resolvedGemmVariant, type WasmGemmVariant } from './_wasm-gemm-switch';
import type { WasmBackendLike } from './wasm-kernels';

/** The GEMM module's exports (gen-gemm-wat.mjs); addresses are byte offsets into the imported memory. */
export interface GemmExports {
  gemm(...args: number[]): void;
  gemmJob(params: number, from: number, to: number, scratch: number): void;
  convForward(params: number, from: number, to: number, scratch: number): void;
  padInput(params: number, from: number, to: number, scratch: number): void;
  convForwardGrouped(params: number, from: number, to: number, scratch: number): void;
  convInputGradGrouped(params: number, from: number, to: number, scratch: number): void;
  thinProduct(
    kind: number,
    m: number,
    n: number,
    k: number,
    x: number,
    ldx: number,
    v: number,
    c: number,
    bias: number,
    act: number,
    alpha: number,
  ): void;
  convInputGrad(params: number, from: number, to: number, scratch: number): void;
  convFilterGrad(params: number, from: number, to: number, scratch: number): void;
  packBJob(params: number, from: number, to: number, scratch: number): void;
  MR: WebAssembly.Global;
  KC: WebAssembly.Global;
  MC: WebAssembly.Global;
  NR: WebAssembly.Global;
  im2colFloats: WebAssembly.Global;
  scratchBytes: WebAssembly.Global;
}

/** A GEMM build's blocking (gen-gemm-wat.mjs), and what a thread's scratch holds, in floats. */
interface Blocking {
  mr: number;
  nr: number;
  kc: number;
  mc: number;
  /** The GEMM's packed-A block (MC rounded up to MR rows of KC values). */
  packedAFloats: number;
  /** The convolutions' block buffer (im2colFloats). */
  blockFloats: number;
}

/** What a GEMM worker handle offers the pool (_spawn-gemm-worker-*.ts). */
export interface GemmWorkerHandle {
  readonly error: unknown;
  terminate(): unknown;
}

/** Bias and activation applied to a product's or a convolution's output in the same pass. */
export interface GemmEpilogue {
  /** float32, one value per output column (channel); none when undefined. */
  bias?: tf.TensorInfo;
  activation?: GemmActivation;
  /** leakyrelu's slope for negative values. */
  alpha?: number;
}
export type GemmActivation = 'linear' | 'relu' | 'leakyrelu';

const activationCodes: Record<GemmActivation, number> = { linear: 0, relu: 1, leakyrelu: 2 };
const jobKind = {
  gemmJob: 0,
  convForward: 1,
  convInputGrad: 2,
  convFilterGrad: 3,
  packBJob: 4,
  adamJob: 5,
  dropoutJob: 6,
  padInput: 7,
  convForwardGrouped: 8,
  convInputGradGrouped: 9,
} as const;
/** packBJob's parameter words (gen-gemm-wat.mjs's packParams): after the product's and the convolution's. */
const PACK_PARAMS = 26;
/**
 * Products smaller than this run on the calling thread alone. In a training step the workers have gone to
 * sleep between products, and waking one (~25 µs, then a cold core) costs more than it saves below a few
 * MFLOP. 1e7 was measured while XNNPACK's pool still took cores from the workers; with it on one thread
 * the LSTM's [64, 512]·[512, 128] (8.4 MFLOP) gains from two: its step 57.0 → 54.6 ms at 4e6 (2e6: 54.9),
 * the GANs' and the VAE's within 1 % (alternating in one process).
 */
const minFlopsToSplit = 4e6;
/** Chunks per thread: small enough that a thread the OS deschedules delays a product little. */
const chunksPerThread = 4;
/** Rows (columns) a chunk of a product should have at least, where there are enough. */
const minChunkValues = 192;
/**
 * Patches shorter than this run convForward's pixel blocks, not its image groups: with one input channel
 * (25 taps) the grouped forward ran ~15 % slower, with 800 taps ~14 % faster (one thread).
 */
const minGroupedPatch = 128;
/** Patch rows per block of a convolution (one MC block of the GEMM), fewer when the im2col buffer is smaller. */
const maxRowsPerBlock = 256;
/**
 * Adam steps over fewer values run on the calling thread alone: at ~0.7 ns a value, 200,000 values ran
 * slower shared (waking a worker, cold caches), 400,000 faster (measured on 2 threads).
 */
const minValuesToSplitAdam = 1 << 18;
/**
 * Dropouts over fewer values run on the calling thread alone: at ~0.6 ns a value, sharing 262,144 values
 * (the MLP GAN's largest) made its step ~0.5 % slower and 401,408 made no difference, while 802,816 and
 * 1.6 M (the DCGAN's) saved ~2.5 % of its step (measured on 2 threads).
 */
const minValuesToSplitDropout = 1 << 19;
/** Values per unit of an Adam chunk (4 KB: chunk boundaries stay off each other's cache lines). */
const adamUnit = 1024;
/** How long idle workers spin for the next job before they sleep, µs (longer spins slow a loaded machine). */
const workerSpinUs = 50;
/** How long the caller spins for the workers before it blocks in Atomics.wait, µs. */
const callerSpinUs = 5000;

/** Rows and columns of an image of padInput's zero-padded input: every tap of every output pixel lies inside. */
function paddedGeometry(info: tf.backend_util.Conv2DInfo): { rows: number; columns: number } {
  return {
    rows: (info.outHeight - 1) * info.strideHeight + (info.filterHeight - 1) * info.dilationHeight + 1,
    columns: (info.outWidth - 1) * info.strideWidth + info.filterWidth,
  };
}

const floatBits = new Float32Array(1);
const intBits = new Int32Array(floatBits.buffer);
function bitsOf(value: number): number {
  floatBits[0] = value;
  return intBits[0]!;
}

/**
 * dlkit's GEMM on tfjs-backend-wasm's heap: products and convolutions of tensors where tfjs keeps them,
 * into outputs the backend makes, with scratch and the control block from its _malloc. Single-threaded
 * until startThreads gives it workers on the threaded build's shared memory. Every method returns
 * undefined for inputs it does not handle (the caller then runs tfjs's kernel).
 */
export class WasmGemm {
  readonly shared: boolean;
  private readonly instances = new Map<WasmGemmVariant, GemmExports | null>();
  private readonly blockings = new Map<WasmGemmVariant, Blocking>();
  private readonly controlAddress: number;
  private readonly scratch: number[] = [];
  private readonly scratchBytes: number;
  private words: Int32Array;
  private workers: GemmWorkerHandle[] = [];
  private seq = 0;
  private callerMayBlock: boolean | undefined;
  // Where a product's B (a convolution's W) is packed once for all threads and A blocks; grown as needed.
  private packed = { address: 0, bytes: 0 };
  // A convolution's whole zero-padded input (padInput), where a block's rows do not fit a thread's
  // scratch; read by every thread; grown as needed.
  private padded = { address: 0, bytes: 0 };
  // A shared dropout's part table (dropoutJob); grown as needed.
  private dropoutTable = { address: 0, bytes: 0 };
  // malloc'ed addresses by the aligned ones handed out
  private readonly allocations = new Map<number, number>();

  constructor(
    private readonly backend: WasmBackendLike,
    private readonly memory: WebAssembly.Memory,
  ) {
    this.shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
    const sizes = (['fma', 'mul-add'] as const).map((variant) => this.instance(variant)?.scratchBytes.value as number | undefined);
    this.scratchBytes = Math.max(0, ...sizes.filter((size) => size !== undefined));
    this.controlAddress = this.malloc(control.controlBytes);
    this.words = new Int32Array(memory.buffer, this.controlAddress, control.controlBytes / 4);
    this.words.fill(0);
    this.words[control.SPIN_US] = workerSpinUs;
    this.addScratch();
  }

  /** Threads that share the work, the caller included. */
  get threads(): number {
    return 1 + this.workers.length;
  }

  /**
   * Starts `threads − 1` workers on the shared memory (the threaded build's heap); resolves once they run.
   * Does nothing for an unshared memory or a single thread. Workers do not keep Node alive.
   */
  async startThreads(threads: number): Promise<void> {
    const wanted = Math.min(threads, control.maxThreads);
    if (!this.shared || wanted <= this.threads) return;
    const modules = [gemmModule('fma', true), gemmModule('mul-add', true)];
    const words = this.controlWords();
    const started = Atomics.load(words, control.READY);
    const spawned: GemmWorkerHandle[] = [];
    for (let id = this.threads; id < wanted; id++) {
      this.addScratch();
      spawned.push(
        spawnGemmWorker({ modules, kernels: kernelsModule(true), memory: this.memory, controlAddress: this.controlAddress, id }),
      );
    }
    // Polled with a timer: a pending Atomics.waitAsync does not keep Node's event loop alive.
    const since = performance.now();
    while (Atomics.load(words, control.READY) < started + spawned.length) {
      const failed = spawned.find((worker) => worker.error !== undefined);
      if (failed || performance.now() - since > 30_000) {
        for (const worker of spawned) worker.terminate();
        const reason = failed ? String((failed.error as Error)?.message ?? failed.error) : 'no answer within 30 s';
        throw new BackendError(`dlkit's GEMM workers did not start: ${reason}`, { kind: 'internal', cause: failed?.error });
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    this.workers.push(...spawned);
  }

  /** Stops the workers (the GEMM goes on single-threaded). */
  async stopThreads(): Promise<void> {
    const words = this.controlWords();
    Atomics.store(words, control.EXIT, 1);
    Atomics.add(words, control.SEQ, 1);
    Atomics.notify(words, control.SEQ);
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    this.workers = [];
    Atomics.store(words, control.EXIT, 0);
    Atomics.store(words, control.READY, 0);
    this.seq = Atomics.load(words, control.SEQ) & 0xffff;
  }

  /** The variant in use now (setWasmGemm), if this engine runs it. */
  variant(): WasmGemmVariant | undefined {
    const variant = resolvedGemmVariant();
    return variant && this.instance(variant) ? variant : undefined;
  }

  /**
   * op(a)·op(b) for float32 [..., M, K]·[..., K, N] (batch axes equal, or one side a single matrix), then
   * the epilogue; undefined for anything else, or when the GEMM is off.
   */
  matMul(
    a: tf.TensorInfo,
    b: tf.TensorInfo,
    transposeA: boolean,
    transposeB: boolean,
    epilogue: GemmEpilogue = {},
  ): tf.TensorInfo | undefined {
    const variant = this.variant();
    if (!variant || a.dtype !== 'float32' || b.dtype !== 'float32' || a.shape.length < 2 || b.shape.length < 2) return undefined;
    const ra = a.shape.length;
    const rb = b.shape.length;
    const m = a.shape[transposeA ? ra - 1 : ra - 2]!;
    const k = a.shape[transposeA ? ra - 2 : ra - 1]!;
    const n = b.shape[transposeB ? rb - 2 : rb - 1]!;
    if (k !== b.shape[transposeB ? rb - 1 : rb - 2] || m * n === 0) return undefined;
    const outerA = a.shape.slice(0, -2);
    const outerB = b.shape.slice(0, -2);
    const matricesA = tf.util.sizeFromShape(outerA);
    const matricesB = tf.util.sizeFromShape(outerB);
    const outer = matricesA >= matricesB ? outerA : outerB;
    const matrices = Math.max(matricesA, matricesB);
    if ((matricesA !== 1 && matricesA !== matrices) || (matricesB !== 1 && matricesB !== matrices)) return undefined;
    if (matricesA === matricesB && outerA.join() !== outerB.join() && outerA.length === outerB.length) return undefined;
    const bias = this.biasAddress(epilogue, n);
    if (bias === undefined) return undefined;
    const out = this.backend.makeOutput([...outer, m, n], 'float32');
    const [aAddress, bAddress, cAddress] = [this.address(a), this.address(b), this.address(out)];
    // A side of one whose values lie in a row: no packing, no 8-wide tiles (the same sums, on this thread)
    const thin = k === 1 ? 0 : n === 1 ? (transposeA ? 1 : 3) : m === 1 ? (transposeB ? 3 : 2) : -1;
    if (thin >= 0) {
      const exports = this.instance(variant)!;
      for (let i = 0; i < matrices; i++) {
        const aMatrix = aAddress + (matricesA === 1 ? 0 : i * m * k * 4);
        const bMatrix = bAddress + (matricesB === 1 ? 0 : i * k * n * 4);
        // kind 0: a and b are op(A)'s column and op(B)'s row; 1: x = A ([K, M]), v = b; 2: x = B ([K, N]), v = a;
        // 3: x = A ([M, K]), v = b when N = 1, else x = B ([N, K]), v = a
        const rowsOfA = thin === 1 || (thin === 3 && n === 1);
        const [x, ldx, v] =
          thin === 0 ? [aMatrix, 0, bMatrix] : rowsOfA ? [aMatrix, thin === 1 ? m : k, bMatrix] : [bMatrix, thin === 2 ? n : k, aMatrix];
        const act = activationCodes[epilogue.activation ?? 'linear'];
        exports.thinProduct(thin, m, n, k, x, ldx, v, cAddress + i * m * n * 4, bias, act, epilogue.alpha ?? 0);
      }
      return out;
    }
    const byColumns = m <= n;
    const { mr, nr, mc } = this.blocking(variant);
    const unit = byColumns ? nr : mr;
    // Each chunk packs the whole other operand again: chunks of fewer than ~minChunkValues rows (columns)
    // spend more on that than load balancing wins.
    const size = byColumns ? n : m;
    const perThread = Math.max(1, Math.min(chunksPerThread, Math.floor(size / (this.threads * minChunkValues))));
    const chunks = this.chunksFor(2 * m * n * k, Math.ceil(size / unit), perThread);
    // Split by rows, or one thread over several A blocks: B is packed once, shared, rather than per chunk and block.
    const packB = !byColumns && k > 0 && (chunks > 1 || m > mc);
    const nPad = Math.ceil(n / nr) * nr;
    if (packB) this.reservePacked(k * nPad * 4);
    for (let i = 0; i < matrices; i++) {
      const bMatrix = bAddress + (matricesB === 1 ? 0 : i * k * n * 4);
      if (packB && (i === 0 || matricesB !== 1)) {
        this.setWords(PACK_PARAMS, [transposeB ? 1 : 0, k, bMatrix, transposeB ? k : n, n, this.packed.address, nPad]);
        this.run(jobKind.packBJob, variant, n, nr, this.chunksFor(2 * m * n * k, Math.ceil(n / nr), 1));
      }
      this.setParams([
        transposeA ? 1 : 0,
        transposeB ? 1 : 0,
        m,
        n,
        k,
        aAddress + (matricesA === 1 ? 0 : i * m * k * 4),
        transposeA ? m : k,
        bMatrix,
        transposeB ? k : n,
        cAddress + i * m * n * 4,
        n,
        0,
        byColumns ? 1 : 0,
        bias,
        activationCodes[epilogue.activation ?? 'linear'],
        bitsOf(epilogue.alpha ?? 0),
        packB ? this.packed.address : 0,
        nPad,
      ]);
      this.run(jobKind.gemmJob, variant, size, unit, chunks);
    }
    return out;
  }

  /** conv2d of float32 NHWC x by filter [kH, kW, inC, outC] as `info` describes, then the epilogue. */
  conv2d(
    x: tf.TensorInfo,
    filter: tf.TensorInfo,
    info: tf.backend_util.Conv2DInfo,
    epilogue: GemmEpilogue = {},
  ): tf.TensorInfo | undefined {
    const job = this.convJob(info, [x, filter]);
    if (!job) return undefined;
    const bias = this.biasAddress(epilogue, info.outChannels);
    if (bias === undefined) return undefined;
    const y = this.backend.makeOutput([...info.outShape], 'float32');
    const rows = info.batchSize * info.outHeight * info.outWidth;
    const flops = 2 * rows * job.patch * info.outChannels;
    const wPacked = this.packFilter(job, false, this.address(filter), job.patch, info.outChannels);
    const { mr, blockFloats } = this.blocking(job.variant);
    const padded = paddedGeometry(info);
    // A tile a pixel of MR images, where there are MR images and their padded copies fit a thread's buffer:
    // the rows of a tile share their padding, whose taps are then skipped (~16 % of a 5×5, stride-2 layer's).
    // Not for short patches (one input channel: 25 taps), where working out each tile's taps costs more.
    const groupFits = mr * padded.rows * padded.columns * info.inChannels <= blockFloats;
    if (info.batchSize >= mr && job.patch >= minGroupedPatch && groupFits) {
      this.setConvParams(info, job, this.address(x), this.address(filter), this.address(y), 0, bias, epilogue, wPacked, 0);
      const chunks = this.chunksFor(flops, Math.ceil(info.batchSize / mr), chunksPerThread);
      this.run(jobKind.convForwardGrouped, job.variant, info.batchSize, mr, chunks);
      return y;
    }
    // Else each thread reads the patches where they lie in x zero-padded (no im2col, no bounds checks): a
    // block's padded rows in its own im2col buffer where they fit, else all of x padded once, here.
    const block = this.forwardBlock(info, job);
    const xPadded = block.paddedHere ? 0 : this.reservePadded(info);
    const blocked = { rowsPerBlock: block.rows };
    this.setConvParams(info, blocked, this.address(x), this.address(filter), this.address(y), 0, bias, epilogue, wPacked, xPadded);
    if (xPadded) this.run(jobKind.padInput, job.variant, info.batchSize, 1, this.chunksFor(flops, info.batchSize, 1));
    const chunks = this.chunksFor(flops, Math.ceil(rows / block.rows), chunksPerThread);
    this.run(jobKind.convForward, job.variant, rows, block.rows, chunks);
    return y;
  }

  /**
   * The gradient of conv2d with respect to its input, [batch, inH, inW, inC]: conv2dTranspose of dy, to
   * which the epilogue applies (bias per input channel).
   */
  conv2dBackpropInput(
    dy: tf.TensorInfo,
    filter: tf.TensorInfo,
    info: tf.backend_util.Conv2DInfo,
    epilogue: GemmEpilogue = {},
  ): tf.TensorInfo | undefined {
    const job = this.convJob(info, [dy, filter]);
    if (!job) return undefined;
    const bias = this.biasAddress(epilogue, info.inChannels);
    if (bias === undefined) return undefined;
    const dx = this.backend.makeOutput([...info.inShape], 'float32');
    const rows = info.batchSize * info.outHeight * info.outWidth;
    // B of each block's product is Wᵀ: outC × patch, W stored patch × outC
    const wPacked = this.packFilter(job, true, this.address(filter), info.outChannels, job.patch);
    const flops = 2 * rows * job.patch * info.outChannels;
    const { mr, kc, packedAFloats, blockFloats } = this.blocking(job.variant);
    // A tile a pixel of MR images, as in conv2d, where dy's K is one block: its tiles of taps that all fall
    // outside the image are skipped. Output pixels a block: their packed dy and patch gradients fit.
    const pixels = Math.min(
      info.outHeight * info.outWidth,
      Math.floor(blockFloats / (mr * job.patch)),
      Math.floor(packedAFloats / (mr * info.outChannels)),
    );
    if (info.batchSize >= mr && job.patch >= minGroupedPatch && info.outChannels <= kc && pixels >= 1) {
      this.setConvParams(
        info,
        { rowsPerBlock: pixels },
        0,
        this.address(filter),
        this.address(dy),
        this.address(dx),
        bias,
        epilogue,
        wPacked,
      );
      this.run(
        jobKind.convInputGradGrouped,
        job.variant,
        info.batchSize,
        mr,
        this.chunksFor(flops, Math.ceil(info.batchSize / mr), chunksPerThread),
      );
      return dx;
    }
    this.setConvParams(info, job, 0, this.address(filter), this.address(dy), this.address(dx), bias, epilogue, wPacked);
    const chunks = this.chunksFor(flops, info.batchSize, chunksPerThread);
    this.run(jobKind.convInputGrad, job.variant, info.batchSize, 1, chunks);
    return dx;
  }

  /** The gradient of conv2d with respect to its filter: [kH, kW, inC, outC]. */
  conv2dBackpropFilter(x: tf.TensorInfo, dy: tf.TensorInfo, info: tf.backend_util.Conv2DInfo): tf.TensorInfo | undefined {
    const job = this.convJob(info, [x, dy]);
    if (!job) return undefined;
    const { mr, packedAFloats, blockFloats } = this.blocking(job.variant);
    // A block's panels (lanes: the patch rounded up to MR, at most), then the lane table and one word a
    // pixel, fill the block buffer.
    const lanes = Math.ceil(job.patch / mr) * mr;
    const rowsPerBlock = Math.min(maxRowsPerBlock, Math.floor((blockFloats - lanes) / (lanes + 1)));
    if (rowsPerBlock < 1) return undefined;
    const dw = this.backend.makeOutput([info.filterHeight, info.filterWidth, info.inChannels, info.outChannels], 'float32');
    const rows = info.batchSize * info.outHeight * info.outWidth;
    const flops = 2 * rows * job.patch * info.outChannels;
    // the padded input rows a block reads go in the GEMM's packed-A space, which these products do not use
    const rowValues = paddedGeometry(info).columns * info.inChannels;
    const paddedHere = this.paddedRowsRead(info, rowsPerBlock) * rowValues <= packedAFloats;
    const xPadded = paddedHere ? 0 : this.reservePadded(info);
    this.setConvParams(
      info,
      { rowsPerBlock },
      this.address(x),
      0,
      this.address(dy),
      this.address(dw),
      0,
      {},
      { address: 0, nPad: 0 },
      xPadded,
    );
    if (xPadded) this.run(jobKind.padInput, job.variant, info.batchSize, 1, this.chunksFor(flops, info.batchSize, 1));
    // One chunk per thread: each chunk reads every pixel's patch.
    const chunks = this.chunksFor(flops, Math.ceil(job.patch / mr), 1);
    this.run(jobKind.convFilterGrad, job.variant, job.patch, mr, chunks);
    return dw;
  }

  /**
   * The padded input rows that `pixels` consecutive output pixels read, at most: those of up to L output rows
   * span (L − 1)·max(sH, (kH − 1)·dH + 1) + (kH − 1)·dH + 1 (the step to the next image's first output row
   * is (kH − 1)·dH + 1), and those of up to I images I times an image's.
   */
  private paddedRowsRead(info: tf.backend_util.Conv2DInfo, pixels: number): number {
    const taps = (info.filterHeight - 1) * info.dilationHeight + 1;
    const outputRows = Math.ceil((pixels - 1) / info.outWidth) + 1;
    // or, tighter where a block spans few images, all the rows of the images it touches
    const images = Math.ceil((pixels - 1) / (info.outHeight * info.outWidth)) + 1;
    return Math.min((outputRows - 1) * Math.max(info.strideHeight, taps) + taps, images * paddedGeometry(info).rows);
  }

  /**
   * The shared buffer for all of x zero-padded (padInput, once the convolution's parameters are set), for
   * convolutions whose blocks' rows do not fit a thread's scratch; its address.
   */
  private reservePadded(info: tf.backend_util.Conv2DInfo): number {
    const padded = paddedGeometry(info);
    this.padded = this.reserve(this.padded, info.batchSize * padded.rows * padded.columns * info.inChannels * 4);
    return this.padded.address;
  }

  /**
   * Output pixels per block of convForward, and whether each block pads the input rows it reads in the
   * thread's im2col buffer (see paddedRowsRead): fewer pixels than convJob's block where that makes them
   * fit (the sums do not depend on the blocks).
   */
  private forwardBlock(
    info: tf.backend_util.Conv2DInfo,
    job: { variant: WasmGemmVariant; rowsPerBlock: number },
  ): { rows: number; paddedHere: boolean } {
    const rowsFit = Math.floor(this.blocking(job.variant).blockFloats / (paddedGeometry(info).columns * info.inChannels));
    if (this.paddedRowsRead(info, 1) > rowsFit) return { rows: job.rowsPerBlock, paddedHere: false };
    // the most pixels whose rows fit (paddedRowsRead grows with the pixels)
    let [fits, tooMany] = [1, job.rowsPerBlock + 1];
    while (tooMany - fits > 1) {
      const pixels = (fits + tooMany) >> 1;
      if (this.paddedRowsRead(info, pixels) <= rowsFit) fits = pixels;
      else tooMany = pixels;
    }
    // blocks shorter than an output row would pad the same rows over and over: pad all of x once instead
    if (fits < Math.min(job.rowsPerBlock, info.outWidth)) return { rows: job.rowsPerBlock, paddedHere: false };
    return { rows: fits, paddedHere: true };
  }

  private convJob(
    info: tf.backend_util.Conv2DInfo,
    inputs: tf.TensorInfo[],
  ): { variant: WasmGemmVariant; patch: number; rowsPerBlock: number } | undefined {
    const variant = this.variant();
    if (!variant || inputs.some((input) => input.dtype !== 'float32')) return undefined;
    if (info.dataFormat !== 'channelsLast' || info.dilationWidth !== 1) return undefined;
    const sizes = [info.batchSize, info.inHeight, info.inWidth, info.inChannels, info.outHeight, info.outWidth, info.outChannels];
    if (sizes.some((size) => size <= 0) || info.filterHeight <= 0 || info.filterWidth <= 0) return undefined;
    const patch = info.filterHeight * info.filterWidth * info.inChannels;
    const rowsPerBlock = Math.min(maxRowsPerBlock, Math.floor(this.blocking(variant).blockFloats / patch));
    return rowsPerBlock >= 1 ? { variant, patch, rowsPerBlock } : undefined;
  }

  private setConvParams(
    info: tf.backend_util.Conv2DInfo,
    job: { rowsPerBlock: number },
    x: number,
    w: number,
    y: number,
    out: number,
    bias: number,
    epilogue: GemmEpilogue,
    wPacked: { address: number; nPad: number },
    xPadded = 0,
  ): void {
    this.setParams([
      info.batchSize,
      info.inHeight,
      info.inWidth,
      info.inChannels,
      info.outHeight,
      info.outWidth,
      info.outChannels,
      info.filterHeight,
      info.filterWidth,
      info.strideHeight,
      info.strideWidth,
      info.dilationHeight,
      info.padInfo.top,
      info.padInfo.left,
      x,
      w,
      y,
      out,
      bias,
      activationCodes[epilogue.activation ?? 'linear'],
      bitsOf(epilogue.alpha ?? 0),
      job.rowsPerBlock,
      job.rowsPerBlock,
      wPacked.address,
      wPacked.nPad,
      xPadded,
    ]);
  }

  /**
   * Packs a convolution's filter once (every block's product multiplies by it): op(W) of k × n, W stored
   * k × n (patch × outC; transposed: n × k). Returns where, and the layout's stride.
   */
  private packFilter(
    job: { variant: WasmGemmVariant },
    transposed: boolean,
    w: number,
    k: number,
    n: number,
  ): { address: number; nPad: number } {
    const { nr } = this.blocking(job.variant);
    const nPad = Math.ceil(n / nr) * nr;
    this.reservePacked(k * nPad * 4);
    this.setWords(PACK_PARAMS, [transposed ? 1 : 0, k, w, transposed ? k : n, n, this.packed.address, nPad]);
    this.run(jobKind.packBJob, job.variant, n, nr, this.chunksFor(k * n * 64, Math.ceil(n / nr), 1));
    return { address: this.packed.address, nPad };
  }

  /**
   * One Adam step over `size` values (kernels.wat's `adam`, given to run this thread's share) split
   * with the workers, which run the same function on theirs: the seven arrays' addresses, then β1, 1 − β1,
   * β2, 1 − β2, ε̂ and α̂ (see adamParams). Returns false, having done nothing, where there are no workers
   * or too few values to share.
   */
  adam(addresses: number[], constants: number[], size: number, adam: control.AdamKernel): boolean {
    if (this.workers.length === 0 || size < minValuesToSplitAdam) return false;
    this.setParams([...addresses, ...constants.map(bitsOf)]);
    const params = this.controlAddress + control.PARAMS * 4;
    const chunks = Math.min(Math.ceil(size / adamUnit), 2 * this.threads);
    this.run(jobKind.adamJob, this.variant() ?? 'mul-add', size, adamUnit, chunks, (from, to) =>
      control.runAdamChunk(adam, this.memory.buffer, params, from, to),
    );
    return true;
  }

  /**
   * Parts a dropout over `size` values should be cut into to share it with the workers (each part has
   * its own four lanes), or 1 where it is not shared: no workers, or too few values.
   */
  dropoutParts(size: number): number {
    return this.workers.length === 0 || size < minValuesToSplitDropout ? 1 : 2 * this.threads;
  }

  /**
   * Runs `dropout` (kernels.wat's) once per part, the parts shared by every thread: each part is its
   * argument list (control.dropoutPart, keep as a number). Returns false, having done nothing, where there
   * are no workers.
   */
  dropout(parts: number[][], dropout: control.DropoutKernel): boolean {
    if (this.workers.length === 0) return false;
    this.dropoutTable = this.reserve(this.dropoutTable, parts.length * control.dropoutPartWords * 4);
    const table = new Int32Array(this.memory.buffer, this.dropoutTable.address, parts.length * control.dropoutPartWords);
    parts.forEach((args, part) => {
      const words = args.map((value, i) => (i === control.dropoutPart.keep ? bitsOf(value) : value));
      table.set(words, part * control.dropoutPartWords);
    });
    this.setParams([this.dropoutTable.address]);
    const params = this.controlAddress + control.PARAMS * 4;
    this.run(jobKind.dropoutJob, this.variant() ?? 'mul-add', parts.length, 1, parts.length, (from, to) =>
      control.runDropoutParts(dropout, this.memory.buffer, params, from, to),
    );
    return true;
  }

  /** Makes the shared packing buffer at least `bytes` long. */
  private reservePacked(bytes: number): void {
    this.packed = this.reserve(this.packed, bytes);
  }

  /** `buffer`, or a new one of at least `bytes` in its place (tfjs's heap: freed and allocated again, doubling, when it grows). */
  private reserve(buffer: { address: number; bytes: number }, bytes: number): { address: number; bytes: number } {
    if (bytes <= buffer.bytes) return buffer;
    const size = Math.max(bytes, 2 * buffer.bytes);
    if (buffer.address) this.free(buffer.address);
    return { address: this.malloc(size), bytes: size };
  }

  /** The bias's address (0: none), or undefined when the bias is not one float32 value per output column. */
  private biasAddress(epilogue: GemmEpilogue, columns: number): number | undefined {
    const { bias } = epilogue;
    if (!bias) return 0;
    if (bias.dtype !== 'float32' || tf.util.sizeFromShape(bias.shape) !== columns || bias.shape.at(-1) !== columns) return undefined;
    return this.address(bias);
  }

  private chunksFor(flops: number, units: number, perThread: number): number {
    if (this.workers.length === 0 || flops < minFlopsToSplit) return 1;
    return Math.max(1, Math.min(units, this.threads * perThread, 0xffff));
  }

  /**
   * Runs kernel function `kind` on [0, size), cut into `chunks` chunks of whole `unit`s shared by every
   * thread; this thread runs its chunks with `here` where given, else with the GEMM module's function.
   */
  private run(
    kind: number,
    variant: WasmGemmVariant,
    size: number,
    unit: number,
    chunks: number,
    here?: (from: number, to: number) => void,
  ): void {
    const params = this.controlAddress + control.PARAMS * 4;
    const name = control.jobFunctions[kind]!;
    const runHere =
      here ??
      ((from: number, to: number) =>
        (this.instance(variant)! as unknown as Record<string, control.JobExport>)[name]!(params, from, to, this.scratch[0]!));
    if (chunks <= 1) {
      runHere(0, size);
      return;
    }
    const w = this.controlWords();
    const seq = (this.seq = (this.seq + 1) & 0xffff);
    w[control.KIND] = kind;
    w[control.VARIANT] = control.variantIndex[variant];
    w[control.SIZE] = size;
    w[control.UNIT] = unit;
    w[control.CHUNKS] = chunks;
    w[control.FAILED] = 0;
    Atomics.store(w, control.COMPLETED, 0);
    Atomics.store(w, control.CLAIM, seq << 16);
    Atomics.store(w, control.SEQ, seq);
    if (Atomics.load(w, control.SLEEPING) > 0) Atomics.notify(w, control.SEQ);
    control.runChunks((_kind, _variant, from, to) => runHere(from, to), w, seq, this.scratch[0]!);
    this.waitFor(w, chunks);
    control.closeJob(w, seq);
    if (w[control.FAILED]) throw new BackendError(`dlkit's GEMM: a worker failed in ${name}`, { kind: 'internal' });
  }

  private waitFor(w: Int32Array, chunks: number): void {
    if (Atomics.load(w, control.COMPLETED) >= chunks) return;
    const spinUntil = performance.now() + callerSpinUs / 1000;
    while (Atomics.load(w, control.COMPLETED) < chunks) {
      if (performance.now() < spinUntil || !this.mayBlock(w)) continue;
      Atomics.store(w, control.CALLER_SLEEPING, 1);
      const completed = Atomics.load(w, control.COMPLETED);
      if (completed < chunks) Atomics.wait(w, control.COMPLETED, completed, 100);
      Atomics.store(w, control.CALLER_SLEEPING, 0);
    }
  }

  /** Whether this thread may block in Atomics.wait (a browser's main thread may not: it only spins). */
  private mayBlock(w: Int32Array): boolean {
    if (this.callerMayBlock === undefined) {
      try {
        Atomics.wait(w, control.EXIT, 1, 0); // EXIT is 0: returns 'not-equal' at once where waiting is allowed
        this.callerMayBlock = true;
      } catch {
        this.callerMayBlock = false;
      }
    }
    return this.callerMayBlock;
  }

  private setParams(values: number[]): void {
    this.controlWords().set(values, control.PARAMS);
  }

  private setWords(offset: number, values: number[]): void {
    this.controlWords().set(values, control.PARAMS + offset);
  }

  /** The control block's words (a new view after an unshared memory grew and detached the old one). */
  private controlWords(): Int32Array {
    if (this.words.buffer !== this.memory.buffer)
      this.words = new Int32Array(this.memory.buffer, this.controlAddress, control.controlBytes / 4);
    return this.words;
  }

  /** A build's blocking and the float capacities of a thread's scratch, read off its exports once. */
  private blocking(variant: WasmGemmVariant): Blocking {
    let blocking = this.blockings.get(variant);
    if (!blocking) {
      const exports = this.instance(variant)!;
      const [mr, nr, kc, mc] = [exports.MR, exports.NR, exports.KC, exports.MC].map((global) => global.value as number) as [
        number,
        number,
        number,
        number,
      ];
      blocking = { mr, nr, kc, mc, packedAFloats: Math.ceil(mc / mr) * mr * kc, blockFloats: exports.im2colFloats.value as number };
      this.blockings.set(variant, blocking);
    }
    return blocking;
  }

  private instance(variant: WasmGemmVariant): GemmExports | null {
    if (!this.instances.has(variant)) {
      const module = gemmModule(variant, this.shared);
      const exports = module
        ? (new WebAssembly.Instance(module, { env: { memory: this.memory } }).exports as unknown as GemmExports)
        : null;
      this.instances.set(variant, exports);
    }
    return this.instances.get(variant) ?? null;
  }

  private addScratch(): void {
    const address = this.malloc(this.scratchBytes);
    this.controlWords()[control.SCRATCH + this.scratch.length] = address;
    this.scratch.push(address);
  }

  /** `bytes` of tfjs's heap, 64-byte aligned (control block and scratch: kept for the backend's lifetime). */
  private malloc(bytes: number): number {
    const malloc = this.backend.wasm._malloc;
    const address = malloc ? malloc(bytes + 64) : 0;
    if (!address) throw new BackendError(`dlkit's GEMM: tfjs-backend-wasm's _malloc(${bytes + 64}) failed`, { kind: 'internal' });
    const aligned = Math.ceil(address / 64) * 64;
    this.allocations.set(aligned, address);
    return aligned;
  }

  private free(aligned: number): void {
    const address = this.allocations.get(aligned);
    this.allocations.delete(aligned);
    if (address !== undefined) this.backend.wasm._free?.(address);
  }

  private address(x: tf.TensorInfo): number {
    const data = this.backend.dataIdMap.get(x.dataId);
    if (data === undefined) {
      throw new BackendError(
        `dlkit's GEMM: a ${x.dtype} tensor of shape [${x.shape}] has no data on this wasm backend (expected a tensor made by it)`,
        { kind: 'internal' },
      );
    }
    return data.memoryOffset;
  }
}
