// The lab GEMM instantiated on tfjs-backend-wasm's own memory (as src/wasm-kernels/wasm-kernels.ts does),
// multiplying tfjs tensors where they live, into an output tensor made by the backend, with scratch and
// control block from the backend's _malloc; with threads > 1 the memory is the threaded build's shared
// heap and the workers instantiate the module on it. Checks every transpose case against tf.matMul.
// Uses the built @dlkit/backend (pnpm build first). node gemm-lab/on-tfjs-memory.mjs <threads>  → one JSON line
import { initBackend } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import { gemmModule } from './gen-gemm.mjs';
import { hasRelaxedSimd, instantiateGemm } from './gemm.mjs';
import { GemmPool } from './pool.mjs';

const threads = Number(process.argv[2] ?? 1);
const info = await initBackend('wasm', { threads, env: {} });
const backend = tf.backend();
const memory = backend.wasm.wasmMemory ?? backend.wasm.asm?.memory;
if (!(memory instanceof WebAssembly.Memory)) throw new Error('cannot reach the wasm backend memory');
const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
const { module } = await gemmModule({ shared, fma: hasRelaxedSimd() });
const alloc = (bytes) => {
  const address = backend.wasm._malloc(bytes);
  if (!address) throw new Error('_malloc failed');
  return address;
};
const address = (t) => backend.dataIdMap.get(t.dataId).memoryOffset;

let gemm;
let pool;
if (shared && info.threads > 1) {
  pool = await GemmPool.create({ module, memory, alloc, threads: info.threads, minFlops: 0 });
  gemm = (...args) => pool.gemm(...args);
} else {
  const exports = instantiateGemm(module, memory);
  const scratch = alloc(exports.scratchBytes.value);
  gemm = (transA, transB, m, n, k, a, b, c) =>
    exports.gemm(transA, transB, k, a, transA ? m : k, b, transB ? k : n, c, n, 0, 0, m, 0, n, scratch);
}

let maxDiff = 0;
let products = 0;
for (const [m, n, k] of [
  [128, 256, 100],
  [129, 31, 77],
  [7, 1000, 3],
]) {
  for (const transA of [0, 1]) {
    for (const transB of [0, 1]) {
      const a = tf.randomUniform(transA ? [k, m] : [m, k], -1, 1);
      const b = tf.randomUniform(transB ? [n, k] : [k, n], -1, 1);
      const outInfo = backend.makeOutput([m, n], 'float32');
      gemm(transA, transB, m, n, k, address(a), address(b), address(outInfo));
      const ours = tf.engine().makeTensorFromTensorInfo(outInfo);
      const stock = tf.matMul(a, b, Boolean(transA), Boolean(transB));
      maxDiff = Math.max(maxDiff, tf.max(tf.abs(tf.sub(ours, stock))).dataSync()[0]);
      products++;
      tf.dispose([a, b, ours, stock]);
    }
  }
}
await pool?.close();
console.log(
  JSON.stringify({
    threads: info.threads,
    shared,
    relaxedSimd: hasRelaxedSimd(),
    workers: pool ? pool.workers.length : 0,
    products,
    maxDiff,
  }),
);
