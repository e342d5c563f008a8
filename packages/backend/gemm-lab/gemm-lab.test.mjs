// The lab GEMM against a float64 reference: random shapes with edge tiles, every transpose case, C = and
// C +=, both variants (relaxed_madd, mul+add), small blockings that cut K and M into several blocks;
// threaded results equal to single-threaded ones bit for bit, run after run; the relaxed-SIMD probe;
// and the kernel on tfjs-backend-wasm's own memory (1 thread, and the threaded build's shared heap).
// pnpm exec vitest run gemm-lab   (from packages/backend; the tfjs part needs `pnpm build` first)
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { gemmModule } from './gen-gemm.mjs';
import { bumpAllocator, hasRelaxedSimd, instantiateGemm, referenceGemm, relaxedSimdProbe } from './gemm.mjs';
import { GemmPool } from './pool.mjs';

/** xorshift32: the same operands every run. */
function random(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const sizes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 17, 31, 64, 100, 129];

/** Writes operands for op(A)·op(B) (m×k · k×n) into memory at fresh addresses; returns them. */
function operands(memory, alloc, rand, m, n, k) {
  const a = alloc(Math.max(1, m * k) * 4);
  const b = alloc(Math.max(1, k * n) * 4);
  const c = alloc(m * n * 4);
  const f = new Float32Array(memory.buffer);
  for (let i = 0; i < m * k; i++) f[a / 4 + i] = rand() * 2 - 1;
  for (let i = 0; i < k * n; i++) f[b / 4 + i] = rand() * 2 - 1;
  for (let i = 0; i < m * n; i++) f[c / 4 + i] = rand() * 2 - 1;
  return { a, b, c, A: f.slice(a / 4, a / 4 + m * k), B: f.slice(b / 4, b / 4 + k * n), C0: f.slice(c / 4, c / 4 + m * n) };
}

/** Largest error relative to float32's bound for a k-term dot product: (k + 2)·2⁻²⁴·Σ|a·b| (+ |C0| for beta). */
function worstError(transA, transB, m, n, k, A, B, C0, beta, C) {
  const exact = referenceGemm(transA, transB, m, n, k, A, B);
  const magnitude = referenceGemm(transA, transB, m, n, k, A.map(Math.abs), B.map(Math.abs));
  let worst = 0;
  for (let i = 0; i < m * n; i++) {
    const want = exact[i] + (beta ? C0[i] : 0);
    const bound = (k + 2) * 2 ** -24 * (magnitude[i] + (beta ? Math.abs(C0[i]) : 0)) + 1e-30;
    worst = Math.max(worst, Math.abs(C[i] - want) / bound);
  }
  return worst;
}

describe.each([
  ['relaxed_madd 6×8', { fma: true }],
  ['mul+add 4×8', { fma: false }],
  ['relaxed_madd 6×8, KC 7, MC 10 (many K and M blocks)', { fma: true, kc: 7, mc: 10 }],
  ['mul+add 5×12, unroll 2, KC 16, MC 15', { fma: false, mr: 5, nr: 12, unroll: 2, kc: 16, mc: 15 }],
])('%s', (_, options) => {
  test('matches float64 for random shapes, every transpose case, C = and C +=', async () => {
    const { module } = await gemmModule(options);
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536 });
    const alloc = bumpAllocator(memory);
    const { gemm, scratchBytes } = instantiateGemm(module, memory);
    const scratch = alloc(scratchBytes.value);
    const rand = random(7);
    const pick = () => sizes[Math.floor(rand() * sizes.length)];
    const shapes = [[1, 1, 1], [129, 129, 129], [3, 7, 0], [6, 8, 300], ...Array.from({ length: 24 }, () => [pick(), pick(), pick()])];
    for (const [m, n, k] of shapes) {
      for (const transA of [0, 1]) {
        for (const transB of [0, 1]) {
          for (const beta of [0, 1]) {
            const { a, b, c, A, B, C0 } = operands(memory, alloc, rand, m, n, k);
            gemm(transA, transB, k, a, transA ? m : k, b, transB ? k : n, c, n, beta, 0, m, 0, n, scratch);
            const C = new Float32Array(memory.buffer, c, m * n);
            const worst = worstError(transA, transB, m, n, k, A, B, C0, beta, C);
            expect(worst, `${m}×${n}×${k} transA ${transA} transB ${transB} beta ${beta}`).toBeLessThan(1);
          }
        }
      }
    }
  });
});

describe('threads', () => {
  let memory;
  let alloc;
  let pool;
  beforeAll(async () => {
    memory = new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true });
    alloc = bumpAllocator(memory);
    const { module } = await gemmModule({ shared: true });
    pool = await GemmPool.create({ module, memory, alloc, threads: 3, minFlops: 0, spinUs: 50 });
  });
  afterAll(() => pool?.close());

  test.each([
    [129, 257, 100],
    [300, 7, 129],
    [128, 784, 1024],
    [1, 33, 5],
  ])('%i×%i×%i: 1, 2 and 3 threads give the same bits, run after run, within float32 of float64', (m, n, k) => {
    const rand = random(m * n + k);
    for (const transA of [0, 1]) {
      for (const transB of [0, 1]) {
        const { a, b, c, A, B, C0 } = operands(memory, alloc, rand, m, n, k);
        const results = [];
        for (const threads of [1, 2, 3, 2, 3]) {
          for (const chunksPerThread of [1, 4]) {
            pool.chunksPerThread = chunksPerThread;
            pool.gemm(transA, transB, m, n, k, a, b, c, 0, threads);
            results.push(new Float32Array(memory.buffer, c, m * n).slice());
          }
        }
        for (const result of results.slice(1)) expect(Buffer.from(result.buffer).equals(Buffer.from(results[0].buffer))).toBe(true);
        expect(worstError(transA, transB, m, n, k, A, B, C0, 0, results[0])).toBeLessThan(1);
      }
    }
  });
});

describe('relaxed SIMD detection', () => {
  test('the probe is a valid module exactly where relaxed SIMD is on (Node 22+: on)', () => {
    expect(hasRelaxedSimd()).toBe(true);
    // The same module with the relaxed opcode replaced by an unknown one does not validate: the probe
    // tests the relaxed instruction, not SIMD in general.
    const broken = relaxedSimdProbe.slice();
    broken[broken.length - 3] = 0xff;
    broken[broken.length - 2] = 0x7f;
    expect(WebAssembly.validate(broken)).toBe(false);
  });
});

describe('on tfjs-backend-wasm memory (built @dlkit/backend)', () => {
  const script = fileURLToPath(new URL('./on-tfjs-memory.mjs', import.meta.url));
  test.each([1, 2])('%i thread(s): products of tfjs tensors in place equal tf.matMul', (threads) => {
    const line = execFileSync(process.execPath, [script, String(threads)], { encoding: 'utf8', timeout: 60000 })
      .trim()
      .split('\n')
      .at(-1);
    const result = JSON.parse(line);
    expect(result).toMatchObject({ threads, shared: threads > 1, workers: threads - 1, products: 12 });
    expect(result.maxDiff).toBeLessThan(1e-4);
  });
});
