// The lab GEMM's run-time side: instantiate a compiled variant on a memory, split work, detect relaxed SIMD.
// Nothing here is Node-only and nothing needs wabt: the same code runs in a browser or a Web Worker
// (gen-gemm.mjs makes the modules; production would ship their bytes, as _kernels-binary.ts does).

/** A tiny module using f32x4.relaxed_madd: where it validates, the FMA variant can run (else fall back). */
export const relaxedSimdProbe = (() => {
  const v128Zero = [0xfd, 0x0c, ...new Array(16).fill(0)]; // v128.const 0
  // (func (result v128) (f32x4.relaxed_madd (v128.const 0) (v128.const 0) (v128.const 0)))
  const body = [0x00, ...v128Zero, ...v128Zero, ...v128Zero, 0xfd, 0x85, 0x02, 0x0b];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // magic, version
    ...[0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b], // types: () -> v128
    ...[0x03, 0x02, 0x01, 0x00], // functions: one of type 0
    ...[0x0a, body.length + 2, 0x01, body.length, ...body], // code
  ]);
})();

/** Whether this engine validates relaxed SIMD (on by default in V8 11.4+: Node 22+, Chrome 114+; not in Node 20). */
export function hasRelaxedSimd() {
  return WebAssembly.validate(relaxedSimdProbe);
}

/** The module's exports bound to `memory`: gemm(transA, transB, K, a, lda, b, ldb, c, ldc, beta, i0, i1, j0, j1, scratch). */
export function instantiateGemm(module, memory) {
  return new WebAssembly.Instance(module, { env: { memory } }).exports;
}

/** A bump allocator over a memory, 64-byte aligned: for the lab only (production uses tfjs's _malloc). */
export function bumpAllocator(memory, start = 1 << 16) {
  let top = start;
  return (bytes) => {
    const at = Math.ceil(top / 64) * 64;
    top = at + bytes;
    const needed = Math.ceil(top / 65536) - memory.buffer.byteLength / 65536;
    if (needed > 0) memory.grow(needed);
    return at;
  };
}

/**
 * How one product splits across `threads`: ranges [i0, i1) × [j0, j1) in whole MR- or NR-panels.
 * N is split when M ≤ N (each thread then packs all of A, which is the smaller operand to repeat), else M.
 */
export function splitWork(m, n, threads, mr, nr) {
  const byColumns = m <= n;
  const unit = byColumns ? nr : mr;
  const size = byColumns ? n : m;
  const panels = Math.ceil(size / unit);
  const parts = Math.max(1, Math.min(threads, panels));
  const ranges = [];
  for (let t = 0; t < threads; t++) {
    const from = Math.min(size, Math.floor((t * panels) / parts) * unit);
    const to = t < parts ? Math.min(size, Math.floor(((t + 1) * panels) / parts) * unit) : from;
    ranges.push(byColumns ? [0, m, from, to] : [from, to, 0, n]);
  }
  return ranges;
}

/** C = op(A)·op(B) in float64, the test reference (row-major, transposes as gemm's). */
export function referenceGemm(transA, transB, m, n, k, a, b) {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const av = transA ? a[p * m + i] : a[i * k + p];
      if (av === 0) continue;
      for (let j = 0; j < n; j++) c[i * n + j] += av * (transB ? b[j * k + p] : b[p * n + j]);
    }
  }
  return c;
}
