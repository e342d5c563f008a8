import * as tf from '@tensorflow/tfjs-core';
import { BackendError } from '../backend-error';
import { jumpedState, laneStates } from './_xoshiro-jump';

/** The parts of tfjs-backend-wasm's BackendWasm that dlkit's own kernels use. */
export interface WasmBackendLike {
  wasm: {
    wasmMemory?: WebAssembly.Memory;
    asm?: { memory?: WebAssembly.Memory };
    _malloc?: (bytes: number) => number;
    _free?: (address: number) => void;
  };
  dataIdMap: { get(dataId: tf.DataId): { memoryOffset: number } | undefined };
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  disposeData(dataId: tf.DataId, force?: boolean): boolean;
}

/** The module's functions; addresses are byte offsets into the imported memory. */
export interface KernelExports {
  adam(...args: number[]): void;
  movingAverage(average: number, current: number, out: number, size: number, decay: number, oneMinusDecay: number): void;
  transpose(source: number, destination: number, rows: number, columns: number): void;
  copyRows(source: number, sourceStride: number, destination: number, destinationStride: number, rowBytes: number, rows: number): void;
  leakyRelu(x: number, y: number, size: number, alpha: number): void;
  tanh(x: number, y: number, size: number): void;
  columnSums(x: number, out: number, rows: number, columns: number): void;
  channelBroadcast(x: number, v: number, out: number, rows: number, columns: number, op: number): void;
  rowBroadcast(x: number, v: number, out: number, rows: number, columns: number, op: number): void;
  activationGrad(dy: number, y: number, out: number, size: number, alpha: number): void;
  dropout(x: number, y: number, size: number, segment: number, threshold: number, keep: number, ...laneStates: number[]): void;
}

/** The elementwise operations channelBroadcast applies, by their code in kernels.wat. */
const channelOperations = { add: 0, sub: 1, mul: 2 } as const;
export type ChannelOperation = keyof typeof channelOperations;

/** Adam's constants for one update; see Adam for how they follow from the settings and step. */
export interface AdamUpdateConstants {
  beta1: number;
  beta2: number;
  /** ε·√(1−β2^t) */
  epsilon: number;
  /** learning rate·√(1−β2^t)/(1−β1^t) */
  stepSize: number;
}

/**
 * dlkit's kernels (kernels.wat) running on the WASM backend's own heap: they read and write tensors
 * where tfjs keeps them, with no copies. One per wasm backend (the module instance one per memory).
 */
export class WasmKernels {
  // Transposes kept per source buffer, freed with it (see transposeLastTwoOnce).
  private readonly transposes = new WeakMap<tf.DataId, { key: string; transposed: tf.TensorInfo }>();

  constructor(
    private readonly backend: WasmBackendLike,
    private readonly kernels: KernelExports,
  ) {
    const disposeData = backend.disposeData.bind(backend);
    backend.disposeData = (dataId: tf.DataId, force?: boolean) => {
      const freed = disposeData(dataId, force);
      const cached = freed ? this.transposes.get(dataId) : undefined;
      if (cached) {
        this.transposes.delete(dataId);
        disposeData(cached.transposed.dataId, true);
      }
      return freed;
    };
  }

  /** Each matrix of x ([..., rows, columns], 4-byte values) transposed: [..., columns, rows]. */
  transposeLastTwo(x: tf.TensorInfo): tf.TensorInfo {
    const rank = x.shape.length;
    const rows = x.shape[rank - 2]!;
    const columns = x.shape[rank - 1]!;
    const out = this.backend.makeOutput([...x.shape.slice(0, -2), columns, rows], x.dtype);
    const bytes = rows * columns * 4;
    const matrices = tf.util.sizeFromShape(x.shape.slice(0, -2));
    const source = this.address(x);
    const destination = this.address(out);
    for (let i = 0; i < matrices; i++) this.kernels.transpose(source + i * bytes, destination + i * bytes, rows, columns);
    return out;
  }

  /**
   * transposeLastTwo(x), computed once per buffer and kept until x's buffer is freed: a weight matrix
   * used in several products between two updates is transposed once. The cache owns the result:
   * callers must not dispose it.
   */
  transposeLastTwoOnce(x: tf.TensorInfo): tf.TensorInfo {
    const rank = x.shape.length;
    const shape = [...x.shape.slice(0, -2), x.shape[rank - 1]!, x.shape[rank - 2]!];
    // Leading axes of 1 do not change the layout ([r, c] and [1, r, c] share one transpose); other
    // views of the same buffer (a reshape shares it) replace the entry.
    const key = `${sizeOf(x)}:${shape.slice(-2).join('×')}`;
    let cached = this.transposes.get(x.dataId);
    if (cached?.key !== key) {
      if (cached) this.backend.disposeData(cached.transposed.dataId);
      cached = { key, transposed: this.transposeLastTwo(x) };
      this.transposes.set(x.dataId, cached);
    }
    return { ...cached.transposed, shape };
  }

  /** x < 0 ? alpha·x : x for float32 x, in one SIMD pass. */
  leakyRelu(x: tf.TensorInfo, alpha: number): tf.TensorInfo {
    const out = this.backend.makeOutput([...x.shape], 'float32');
    this.kernels.leakyRelu(this.address(x), this.address(out), sizeOf(x), alpha);
    return out;
  }

  /** tanh of float32 x, each value computed in float64 and rounded once (see kernels.wat). */
  tanh(x: tf.TensorInfo): tf.TensorInfo {
    const out = this.backend.makeOutput([...x.shape], 'float32');
    this.kernels.tanh(this.address(x), this.address(out), sizeOf(x));
    return out;
  }

  /** Σ of float32 x [..., columns] over every axis but the last: [columns] (keepDims: [1, …, 1, columns]). */
  columnSums(x: tf.TensorInfo, keepDims: boolean): tf.TensorInfo {
    const columns = x.shape[x.shape.length - 1]!;
    const out = this.backend.makeOutput(keepDims ? [...x.shape.slice(0, -1).map(() => 1), columns] : [columns], 'float32');
    this.kernels.columnSums(this.address(x), this.address(out), sizeOf(x) / columns, columns);
    return out;
  }

  /**
   * The mean of float32 x [..., columns] over every axis but the last: the column sums, each divided by
   * the rows in float32, as tfjs's wasm Mean divides its sums (the same bits, without its transpose).
   */
  columnMeans(x: tf.TensorInfo, keepDims: boolean): tf.TensorInfo {
    const out = this.columnSums(x, keepDims);
    const columns = x.shape[x.shape.length - 1]!;
    const rows = sizeOf(x) / columns;
    // Viewed afresh: a growing heap replaces the memory's buffer.
    const means = new Float32Array(this.memory().buffer, this.address(out), columns);
    for (let c = 0; c < columns; c++) means[c] = means[c]! / rows;
    return out;
  }

  /**
   * x ∘ v for float32 x [..., columns] and v of `columns` values (any shape [1, …, 1, columns]), with ∘
   * a float32 add, subtract or multiply: one SIMD pass, the same bits as tfjs's broadcasting op.
   */
  channelBroadcast(x: tf.TensorInfo, v: tf.TensorInfo, op: ChannelOperation): tf.TensorInfo {
    const columns = x.shape[x.shape.length - 1]!;
    const out = this.backend.makeOutput([...x.shape], 'float32');
    this.kernels.channelBroadcast(this.address(x), this.address(v), this.address(out), sizeOf(x) / columns, columns, channelOperations[op]);
    return out;
  }

  /**
   * x ∘ v for float32 x [..., rows, columns] and v of one value per row (shape [..., rows, 1]), with ∘ a
   * float32 add, subtract or multiply: one SIMD pass, the same bits as tfjs's broadcasting op.
   */
  rowBroadcast(x: tf.TensorInfo, v: tf.TensorInfo, op: ChannelOperation): tf.TensorInfo {
    const columns = x.shape[x.shape.length - 1]!;
    const out = this.backend.makeOutput([...x.shape], 'float32');
    this.kernels.rowBroadcast(this.address(x), this.address(v), this.address(out), sizeOf(x) / columns, columns, channelOperations[op]);
    return out;
  }

  /** dy · step(y, alpha) for float32 dy and y of one shape, in one SIMD pass (relu's and leakyRelu's gradient). */
  activationGrad(dy: tf.TensorInfo, y: tf.TensorInfo, alpha: number): tf.TensorInfo {
    const out = this.backend.makeOutput([...dy.shape], 'float32');
    this.kernels.activationGrad(this.address(dy), this.address(y), this.address(out), sizeOf(dy), alpha);
    return out;
  }

  /**
   * x [outer, 1, inner] repeated `times` along its middle axis: [outer, times, inner] (4-byte values), the
   * copies made with the typed arrays' own fill and copyWithin on the heap.
   */
  repeatMiddle(x: tf.TensorInfo, outShape: number[], outer: number, times: number, inner: number): tf.TensorInfo {
    const out = this.backend.makeOutput([...outShape], x.dtype);
    const View = x.dtype === 'int32' ? Int32Array : Float32Array;
    const source = new View(this.memory().buffer, this.address(x), outer * inner);
    const target = new View(this.memory().buffer, this.address(out), outer * times * inner);
    for (let o = 0; o < outer; o++) {
      const block = o * times * inner;
      if (inner === 1) {
        target.fill(source[o]!, block, block + times);
        continue;
      }
      target.set(source.subarray(o * inner, (o + 1) * inner), block);
      // Doubling copies: log2(times) native memmoves per block.
      for (let filled = 1; filled < times; filled *= 2) {
        const count = Math.min(filled, times - filled);
        target.copyWithin(block + filled * inner, block, block + count * inner);
      }
    }
    return out;
  }

  /**
   * The box begin … begin + size of x (any rank; any dtype kept on the heap), copied in runs: the axes
   * after the last one the box cuts are whole, so each run is contiguous, and the axis before it strides
   * the runs natively. Only axes further out are walked here (most slices have none).
   */
  slice(x: tf.TensorInfo, begin: readonly number[], size: readonly number[]): tf.TensorInfo {
    const out = this.backend.makeOutput([...size], x.dtype);
    if (tf.util.sizeFromShape([...size]) === 0) return out;
    const bytes = tf.util.bytesPerElement(x.dtype);
    const strides = [...tf.util.computeStrides(x.shape), 1].map((stride) => stride * bytes);
    let cut = x.shape.length - 1;
    while (cut >= 0 && size[cut] === x.shape[cut]) cut--;
    if (cut < 0) {
      this.kernels.copyRows(this.address(x), 0, this.address(out), 0, sizeOf(x) * bytes, 1);
      return out;
    }
    const run = size[cut]! * strides[cut]!;
    // The axis whose steps copyRows takes (a single step when the box cuts the outermost axis).
    const across = Math.max(cut - 1, 0);
    const rows = cut === 0 ? 1 : size[across]!;
    const first = this.address(x) + begin[cut]! * strides[cut]! + (cut === 0 ? 0 : begin[across]! * strides[across]!);
    const index = new Array<number>(across).fill(0);
    let destination = this.address(out);
    for (let block = tf.util.sizeFromShape(size.slice(0, across)); block > 0; block--) {
      let source = first;
      for (let axis = 0; axis < across; axis++) source += (begin[axis]! + index[axis]!) * strides[axis]!;
      this.kernels.copyRows(source, strides[across]!, destination, run, run, rows);
      destination += rows * run;
      for (let axis = across - 1; axis >= 0 && ++index[axis]! === size[axis]; axis--) index[axis] = 0;
    }
    return out;
  }

  /**
   * inputs (one dtype, equal extents but along axis) side by side along axis into outShape: each input
   * one copyRows, its rows landing a whole output row apart.
   */
  concat(inputs: readonly tf.TensorInfo[], axis: number, outShape: number[]): tf.TensorInfo {
    const out = this.backend.makeOutput(outShape, inputs[0]!.dtype);
    const bytes = tf.util.bytesPerElement(out.dtype);
    const rows = tf.util.sizeFromShape(outShape.slice(0, axis));
    const outRow = tf.util.sizeFromShape(outShape.slice(axis)) * bytes;
    let offset = this.address(out);
    for (const x of inputs) {
      const run = tf.util.sizeFromShape(x.shape.slice(axis)) * bytes;
      if (run > 0 && rows > 0) this.kernels.copyRows(this.address(x), run, offset, outRow, run, rows);
      offset += run;
    }
    return out;
  }

  /**
   * x · mask for float32 x, the mask of inverted dropout drawn from xoshiro128** `state` as it goes: 0 where
   * a draw's top 24 bits < threshold, else keep. Four SIMD lanes draw four quarters of the sequence, each
   * from the state jumped to its first draw: the same values as one draw after another.
   */
  dropout(
    x: tf.TensorInfo,
    threshold: number,
    keep: number,
    state: readonly [number, number, number, number],
    pool?: DropoutPool,
  ): tf.TensorInfo {
    const out = this.backend.makeOutput([...x.shape], 'float32');
    const size = sizeOf(x);
    const [xAddress, yAddress] = [this.address(x), this.address(out)];
    const parts = pool?.dropoutParts(size) ?? 1;
    // Parts of whole rounds of the four lanes, the last taking the rest; each starts from the state jumped
    // to its first draw, so every value gets the draw it gets in one pass.
    const partSize = Math.ceil(size / parts / 16) * 16;
    const args: number[][] = [];
    let partState = [...state] as [number, number, number, number];
    for (let from = 0; from < size; from += partSize) {
      const length = Math.min(partSize, size - from);
      // a multiple of 4 per lane (each lane stores four values at a time); the last < 16 values follow lane 3
      const segment = Math.floor(length / 16) * 4;
      args.push([xAddress + 4 * from, yAddress + 4 * from, length, segment, threshold, keep, ...laneStates(partState, segment)]);
      if (from + partSize < size) partState = jumpedState(partState, partSize);
    }
    if (args.length > 1 && pool?.dropout(args, this.kernels.dropout)) return out;
    const dropout = this.kernels.dropout as (...args: number[]) => void;
    for (const part of args) dropout(...part);
    return out;
  }

  /**
   * One Adam step in a single pass: the new parameter, first and second moments. With a `pool` (the
   * backend's GEMM threads), a large step is shared between the threads; the same values either way.
   */
  adam(
    parameter: tf.TensorInfo,
    gradient: tf.TensorInfo,
    firstMoment: tf.TensorInfo,
    secondMoment: tf.TensorInfo,
    c: AdamUpdateConstants,
    pool?: AdamPool,
  ): tf.TensorInfo[] {
    const outputs = [parameter, firstMoment, secondMoment].map((like) => this.backend.makeOutput([...like.shape], 'float32'));
    const [p, m, v] = outputs as [tf.TensorInfo, tf.TensorInfo, tf.TensorInfo];
    const size = sizeOf(parameter);
    const addresses = [parameter, gradient, firstMoment, secondMoment, p, m, v].map((x) => this.address(x));
    // f32 parameters round the constants as tf.scalar would; 1 − β is rounded after subtracting, as tf.mul(g, 1 − β) does.
    const constants = [c.beta1, 1 - c.beta1, c.beta2, 1 - c.beta2, c.epsilon, c.stepSize];
    if (pool?.adam(addresses, constants, size, this.kernels.adam)) return outputs;
    this.kernels.adam(...addresses, size, ...constants);
    return outputs;
  }

  /**
   * average·decay + current·oneMinusDecay for float32 tensors of one shape, in a single pass: each product
   * rounded to float32, then the sum (the constants arrive rounded to float32, as tfjs's scalars are).
   */
  movingAverage(average: tf.TensorInfo, current: tf.TensorInfo, decay: number, oneMinusDecay: number): tf.TensorInfo {
    const out = this.backend.makeOutput([...average.shape], 'float32');
    this.kernels.movingAverage(this.address(average), this.address(current), this.address(out), sizeOf(average), decay, oneMinusDecay);
    return out;
  }

  private memory(): WebAssembly.Memory {
    const memory = this.backend.wasm.wasmMemory ?? this.backend.wasm.asm?.memory;
    if (!memory) throw new BackendError('dlkit wasm kernel: the wasm backend no longer exposes its memory', { kind: 'internal' });
    return memory;
  }

  private address(x: tf.TensorInfo): number {
    const data = this.backend.dataIdMap.get(x.dataId);
    if (data === undefined) {
      throw new BackendError(
        `dlkit wasm kernel: a ${x.dtype} tensor of shape [${x.shape}] has no data on this wasm backend (expected a tensor made by it)`,
        { kind: 'internal' },
      );
    }
    return data.memoryOffset;
  }
}

/** Threads that can share a dropout (the backend's WasmGemm). */
export interface DropoutPool {
  /** Parts to cut `size` values into (1: not shared). */
  dropoutParts(size: number): number;
  /** Runs `dropout` once per part (its argument list) on the threads; false: not shared, nothing done. */
  dropout(parts: number[][], dropout: (...args: number[]) => void): boolean;
}

/** Threads that can share an Adam step (the backend's WasmGemm). */
export interface AdamPool {
  /** Runs `adam` (addresses, size, constants) on `size` values split between the threads; false: not shared, nothing done. */
  adam(addresses: number[], constants: number[], size: number, adam: (...args: number[]) => void): boolean;
}

function sizeOf(x: tf.TensorInfo): number {
  return tf.util.sizeFromShape(x.shape);
}
