// The generated GEMM module on its own memory against a float64 reference: random shapes with edge tiles,
// every transpose case, C = and C +=, both variants, and small blockings that cut K and M into many blocks.
import { describe, expect, test } from 'vitest';
import { compileGemm, scratchBytes } from '../../scripts/gen-gemm-wat.mjs';
import { gemmModule } from '../../src/wasm/_gemm-modules';
import { referenceGemm, worstGemmError, xorshift } from '../_gemm-reference';

const sizes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 17, 31, 64, 100, 129];

interface Gemm {
  gemm(...args: number[]): void;
}

/** A fresh memory with a bump allocator over it. */
function freshMemory() {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536 });
  let top = 1 << 16;
  const alloc = (bytes: number) => {
    const at = Math.ceil(top / 64) * 64;
    top = at + bytes;
    const pages = Math.ceil(top / 65536) - memory.buffer.byteLength / 65536;
    if (pages > 0) memory.grow(pages);
    return at;
  };
  return { memory, alloc };
}

function checkRandomShapes(module: WebAssembly.Module, scratch: number): void {
  const { memory, alloc } = freshMemory();
  const { gemm } = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as Gemm;
  const scratchAddress = alloc(scratch);
  const rand = xorshift(7);
  const pick = () => sizes[Math.floor(rand() * sizes.length)]!;
  const shapes = [[1, 1, 1], [129, 129, 129], [3, 7, 0], [6, 8, 300], ...Array.from({ length: 20 }, () => [pick(), pick(), pick()])];
  for (const [m, n, k] of shapes as [number, number, number][]) {
    for (const transA of [0, 1]) {
      for (const transB of [0, 1]) {
        for (const beta of [0, 1]) {
          const a = alloc(Math.max(1, m * k) * 4);
          const b = alloc(Math.max(1, k * n) * 4);
          const c = alloc(m * n * 4);
          const f = new Float32Array(memory.buffer);
          for (let i = 0; i < m * k; i++) f[a / 4 + i] = rand() * 2 - 1;
          for (let i = 0; i < k * n; i++) f[b / 4 + i] = rand() * 2 - 1;
          for (let i = 0; i < m * n; i++) f[c / 4 + i] = rand() * 2 - 1;
          const A = f.slice(a / 4, a / 4 + m * k);
          const B = f.slice(b / 4, b / 4 + k * n);
          const C0 = f.slice(c / 4, c / 4 + m * n);
          gemm(transA, transB, k, a, transA ? m : k, b, transB ? k : n, c, n, beta, 0, m, 0, n, scratchAddress, 0, 0);
          const C = new Float32Array(memory.buffer, c, m * n);
          const exact = referenceGemm(Boolean(transA), Boolean(transB), m, n, k, A, B);
          const worst = worstGemmError(Boolean(transA), Boolean(transB), m, n, k, A, B, C, beta ? C0 : undefined, exact);
          expect(worst, `${m}×${n}×${k} transA ${transA} transB ${transB} beta ${beta}`).toBeLessThan(1);
        }
      }
    }
  }
}

describe('the committed modules (gemm(): C[i0:i1, j0:j1] (+)= op(A)·op(B))', () => {
  test.each(['fma', 'mul-add'] as const)('%s matches float64 for random shapes, every transpose case, C = and C +=', (variant) => {
    const module = gemmModule(variant, false);
    expect(module).not.toBeNull();
    checkRandomShapes(module!, scratchBytes({ fma: variant === 'fma' }));
  });
});

describe.each([
  ['FMA, KC 7, MC 10 (many K and M blocks)', { fma: true, kc: 7, mc: 10 }],
  ['mul+add 5×12, unroll 2, KC 16, MC 15', { fma: false, mr: 5, nr: 12, unroll: 2, kc: 16, mc: 15 }],
])('the generator with %s', (_, options) => {
  test('matches float64 for random shapes, every transpose case, C = and C +=', async () => {
    const module = new WebAssembly.Module((await compileGemm(options)) as Uint8Array<ArrayBuffer>);
    checkRandomShapes(module, scratchBytes(options));
  });
});
