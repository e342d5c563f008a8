// Generates the WebAssembly text of dlkit's SGEMM and the convolutions built on it, one module per variant:
// FMA (f32x4.relaxed_madd) or mul+add (f32x4.mul then f32x4.add), for a shared or an unshared imported
// memory. build-wasm-kernels.mjs compiles the four into src/wasm/_gemm-binary.ts.
// `node scripts/gen-gemm-wat.mjs [--no-fma] [--shared] [--mr 4 --nr 8 --kc 256 …]` prints one module's text.
//
// GEMM layout (BLIS-like): C = op(A)·op(B), row-major float32.
//   for pc in K by KC                     (kc values of the inner dimension)
//     for ic in [i0, i1) by MC            pack op(A)[ic:ic+MC, pc:pc+kc] into MR-row panels, [kc][MR] each
//       for jr in [j0, j1) by NR          pack op(B)[pc:pc+kc, jr:jr+NR] into one [kc][NR] panel (stays in L1)
//         for ir in the A block by MR     micro-kernel: MR×NR accumulators in v128 locals, k unrolled by U
// Transposes are absorbed by the packing (a strided gather by 4×4 SIMD transposes, or a copy), so all four
// transpose cases run the same micro-kernel. Edge panels are zero-padded; edge tiles of C go through a small
// tile buffer. Every element of C is summed in the same order whatever rows and columns a call covers, so
// results do not depend on how a product is split across threads.
//
// Convolutions (NHWC, filter [kH, kW, inC, outC]) run as products with the patch matrix ([batch·outH·outW,
// kH·kW·inC]):
//   forward        y = patches · W            (each patch read where it lies in the zero-padded input by a
//                                              micro-kernel of its own, $microDirect: no im2col, no packing
//                                              of A; then bias and activation on the block)
// and its gradients, a block of patch rows at a time in the thread's scratch:
//   input grad     dx = col2im(dy · Wᵀ)        (scatter-added image by image: threads own whole images;
//                                              then bias and activation: a transposed convolution)
//   filter grad    dW = patchesᵀ · dy          (threads own row ranges of dW; the sum runs over fixed blocks;
//                                              patchesᵀ copied from the padded input straight into the
//                                              GEMM's packed panels)
import createWabt from 'wabt';

export const defaults = { mr: 6, nr: 8, unroll: 4, kc: 256, mc: 256, fma: true, shared: false, im2colFloats: 262144 };

/**
 * Options with the measured best blocking for the variant filled in (6×8 for FMA: 12 accumulators + 2 B
 * vectors + 1 broadcast = 15 of x64's 16 xmm registers, V8 keeps one as scratch; 4×8 for mul+add, which
 * needs one more register for the product and spills at 6×8).
 */
export function resolveOptions(options = {}) {
  const fma = options.fma ?? defaults.fma;
  return { ...defaults, ...(fma ? {} : { mr: 4 }), ...options, fma };
}

const align64 = (n) => Math.ceil(n / 64) * 64;

/** Bytes of the GEMM's own scratch (packed A block, one packed B panel, one C tile), 64-byte aligned pieces. */
export function gemmScratchBytes(options = {}) {
  const { mr, nr, kc, mc } = resolveOptions(options);
  return align64(Math.ceil(mc / mr) * mr * kc * 4) + align64(kc * nr * 4) + align64(mr * nr * 4);
}

/** Bytes of scratch one thread needs: the GEMM's, then the convolutions' block buffer (im2colFloats). */
export function scratchBytes(options = {}) {
  return gemmScratchBytes(options) + resolveOptions(options).im2colFloats * 4;
}

/** Word offsets of a product's parameters (gemmJob). */
export const gemmParams = {
  transA: 0,
  transB: 1,
  m: 2,
  n: 3,
  k: 4,
  a: 5,
  lda: 6,
  b: 7,
  ldb: 8,
  c: 9,
  ldc: 10,
  beta: 11,
  byColumns: 12,
  bias: 13,
  activation: 14,
  alpha: 15,
  /** op(B) packed beforehand (packBJob), or 0: each call packs its own panels. */
  bPacked: 16,
  /** N rounded up to NR: the packed layout's block stride. */
  nPad: 17,
};

/** Word offsets of a convolution's parameters (convForward, convInputGrad, convFilterGrad). */
export const convParams = {
  batch: 0,
  inH: 1,
  inW: 2,
  inC: 3,
  outH: 4,
  outW: 5,
  outC: 6,
  kH: 7,
  kW: 8,
  strideH: 9,
  strideW: 10,
  dilationH: 11,
  padTop: 12,
  padLeft: 13,
  x: 14,
  w: 15,
  y: 16,
  out: 17,
  bias: 18,
  activation: 19,
  alpha: 20,
  rowsPerBlock: 21,
  filterRowsPerBlock: 22,
  /** W (forward) or Wᵀ (input gradient) packed beforehand (packBJob), or 0. */
  wPacked: 23,
  nPad: 24,
  /**
   * Forward: x zero-padded (padInput's output), each image (outH − 1)·sH + (kH − 1)·dH + 1 rows of
   * (outW − 1)·sW + kW columns, x[iy, ix] at (iy + padTop, ix + padLeft): every tap of every output pixel.
   */
  xPadded: 25,
};

/** Word offsets of packBJob's parameters, after the product's or the convolution's. */
export const packParams = { transB: 26, k: 27, b: 28, ldb: 29, n: 30, dst: 31, nPad: 32 };

export function generateGemmWat(options = {}) {
  const o = resolveOptions(options);
  const { mr: MR, nr: NR, unroll: U, kc: KC, mc: MC, fma } = o;
  if (NR % 4 !== 0) throw new Error('NR must be a multiple of 4');
  const V = NR / 4; // B vectors per k
  const memory = o.shared ? '1 65536 shared' : '1';
  const mcPadded = Math.ceil(MC / MR) * MR;
  const bPanelOffset = align64(mcPadded * KC * 4);
  const tileOffset = bPanelOffset + align64(KC * NR * 4);
  const im2colOffset = gemmScratchBytes(o);

  const acc = (r, j) => `$c${r}_${j}`;
  const madd = (a, b, c) =>
    fma
      ? `(f32x4.relaxed_madd (local.get ${a}) (local.get ${b}) (local.get ${c}))`
      : `(f32x4.add (local.get ${c}) (f32x4.mul (local.get ${a}) (local.get ${b})))`;

  // One k step of the micro-kernel at unroll position u (immediate offsets from $pa and $pb).
  const kStep = (u) => {
    const lines = [];
    for (let j = 0; j < V; j++) lines.push(`(local.set $b${j} (v128.load offset=${(u * NR + 4 * j) * 4} (local.get $pb)))`);
    for (let r = 0; r < MR; r++) {
      lines.push(`(local.set $a (v128.load32_splat offset=${(u * MR + r) * 4} (local.get $pa)))`);
      for (let j = 0; j < V; j++) lines.push(`(local.set ${acc(r, j)} ${madd('$a', `$b${j}`, acc(r, j))})`);
    }
    return lines.join('\n        ');
  };

  const accLocals = [];
  for (let r = 0; r < MR; r++) for (let j = 0; j < V; j++) accLocals.push(`(local ${acc(r, j)} v128)`);
  const bLocals = Array.from({ length: V }, (_, j) => `(local $b${j} v128)`).join(' ');

  // Full-tile store: C[r][4j..4j+3] (+)= acc.
  const fullStore = [];
  for (let r = 0; r < MR; r++) {
    for (let j = 0; j < V; j++) fullStore.push(`(v128.store offset=${16 * j} (local.get $cr) (local.get ${acc(r, j)}))`);
    if (r < MR - 1) fullStore.push('(local.set $cr (i32.add (local.get $cr) (local.get $ldc)))');
  }
  const fullLoadAdd = [];
  for (let r = 0; r < MR; r++) {
    for (let j = 0; j < V; j++) {
      fullLoadAdd.push(`(local.set ${acc(r, j)} (f32x4.add (local.get ${acc(r, j)}) (v128.load offset=${16 * j} (local.get $cr))))`);
    }
    fullLoadAdd.push('(local.set $cr (i32.add (local.get $cr) (local.get $ldc)))');
  }
  const tileStore = [];
  for (let r = 0; r < MR; r++)
    for (let j = 0; j < V; j++) tileStore.push(`(v128.store offset=${(r * NR + 4 * j) * 4} (local.get $tile) (local.get ${acc(r, j)}))`);

  // A micro-kernel's k loop over $counter steps: U at a time while there are U, then one at a time;
  // advance(steps) moves the operands on.
  const kLoop = (counter, step, advance) => `(if (i32.ge_u (local.get ${counter}) (i32.const ${U}))
      (then
        (loop $unrolled
        ${Array.from({ length: U }, (_, u) => step(u)).join('\n        ')}
        ${advance(U)}
        (local.set ${counter} (i32.sub (local.get ${counter}) (i32.const ${U})))
        (br_if $unrolled (i32.ge_u (local.get ${counter}) (i32.const ${U}))))))
    (if (local.get ${counter})
      (then
        (loop $rest
        ${step(0)}
        ${advance(1)}
        (local.set ${counter} (i32.sub (local.get ${counter}) (i32.const 1)))
        (br_if $rest (local.get ${counter})))))`;
  // The accumulators into C (the end of a micro-kernel): whole tiles directly (adding C's values first
  // when $beta), edge tiles through the tile buffer, element by element.
  const storeTile = `(if (i32.and (i32.eq (local.get $mr) (i32.const ${MR})) (i32.eq (local.get $nr) (i32.const ${NR})))
      (then
        (if (local.get $beta)
          (then
            (local.set $cr (local.get $c))
            ${fullLoadAdd.join('\n            ')}))
        (local.set $cr (local.get $c))
        ${fullStore.join('\n        ')}
        (return)))
    ;; Edge tile: through the tile buffer, element by element.
    ${tileStore.join('\n    ')}
    (local.set $r (i32.const 0))
    (loop $rows
      (local.set $dst (i32.add (local.get $c) (i32.mul (local.get $r) (local.get $ldc))))
      (local.set $src (i32.add (local.get $tile) (i32.mul (local.get $r) (i32.const ${NR * 4}))))
      (local.set $j (i32.const 0))
      (loop $cols
        (f32.store (local.get $dst)
          (select
            (f32.add (f32.load (local.get $dst)) (f32.load (local.get $src)))
            (f32.load (local.get $src))
            (local.get $beta)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 4)))
        (local.set $src (i32.add (local.get $src) (i32.const 4)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br_if $cols (i32.lt_u (local.get $j) (local.get $nr))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br_if $rows (i32.lt_u (local.get $r) (local.get $mr))))`;
  const micro = `
  ;; C tile (mr×nr valid of MR×NR) (+)= packed A panel [kc][MR] · packed B panel [kc][NR].
  ;; $ldc in bytes; $beta 0: C = product, 1: C += product.
  (func $micro (param $pa i32) (param $pb i32) (param $kc i32) (param $c i32) (param $ldc i32) (param $beta i32)
    (param $mr i32) (param $nr i32) (param $tile i32)
    (local $k i32) (local $cr i32) (local $r i32) (local $j i32) (local $dst i32) (local $src i32)
    (local $a v128) ${bLocals}
    ${accLocals.join(' ')}
    (local.set $k (local.get $kc))
    ${kLoop('$k', kStep, (steps) => `(local.set $pa (i32.add (local.get $pa) (i32.const ${steps * MR * 4})))\n        (local.set $pb (i32.add (local.get $pb) (i32.const ${steps * NR * 4})))`)}
    ${storeTile})`;

  // The direct micro-kernel: the same products as $micro, in the same order, but each of the MR rows of A
  // read where it lies (a convolution's patch in the padded input: runs of $seg contiguous values, the
  // next run $jump bytes on from the end of the last) instead of from a packed panel.
  const directRows = Array.from({ length: MR }, (_, r) => r);
  const kStepDirect = (u) => {
    const lines = [];
    for (let j = 0; j < V; j++) lines.push(`(local.set $b${j} (v128.load offset=${(u * NR + 4 * j) * 4} (local.get $pb)))`);
    for (const r of directRows) {
      lines.push(`(local.set $a (v128.load32_splat offset=${u * 4} (local.get $q${r})))`);
      for (let j = 0; j < V; j++) lines.push(`(local.set ${acc(r, j)} ${madd('$a', `$b${j}`, acc(r, j))})`);
    }
    return lines.join('\n          ');
  };
  const advanceRows = (bytes) => directRows.map((r) => `(local.set $q${r} (i32.add (local.get $q${r}) ${bytes}))`).join('\n          ');
  const microDirect = `
  ;; C tile (mr×nr valid of MR×NR) (+)= A · packed B panel, over $kc values of k: row r of A read from
  ;; $q_r on, $run contiguous values, then runs of $seg values each $jump bytes after the previous run's
  ;; end; B's rows $gapB bytes apart between runs (0: the runs are consecutive values of k).
  (func $microDirect (param $q0 i32) ${directRows
    .slice(1)
    .map((r) => `(param $q${r} i32)`)
    .join(' ')} (param $pb i32) (param $kc i32)
    (param $run i32) (param $seg i32) (param $jump i32) (param $gapB i32) (param $c i32) (param $ldc i32) (param $beta i32)
    (param $mr i32) (param $nr i32) (param $tile i32)
    (local $k i32) (local $n i32) (local $cr i32) (local $r i32) (local $j i32) (local $dst i32) (local $src i32)
    (local $a v128) ${bLocals}
    ${accLocals.join(' ')}
    (local.set $k (local.get $kc))
    (loop $runs
      (local.set $n (select (local.get $run) (local.get $k) (i32.lt_u (local.get $run) (local.get $k))))
      (local.set $k (i32.sub (local.get $k) (local.get $n)))
      ${kLoop('$n', kStepDirect, (steps) => `${advanceRows(`(i32.const ${steps * 4})`)}\n        (local.set $pb (i32.add (local.get $pb) (i32.const ${steps * NR * 4})))`)}
      (if (local.get $k)
        (then
          ${advanceRows('(local.get $jump)')}
          (local.set $pb (i32.add (local.get $pb) (local.get $gapB)))
          (local.set $run (local.get $seg))
          (br $runs))))
    ${storeTile})`;

  // Packing: W-wide panels [kc][W] from a source where the W values of one k are contiguous ("copy":
  // op(B) untransposed, op(A) transposed) or strided by $stride bytes ("gather": the other two cases).
  const packCopy = (name, W) => {
    const full = [];
    for (let g = 0; g + 4 <= W; g += 4)
      full.push(`(v128.store offset=${g * 4} (local.get $dst) (v128.load offset=${g * 4} (local.get $src)))`);
    for (let g = W - (W % 4); g < W; g++)
      full.push(`(f32.store offset=${g * 4} (local.get $dst) (f32.load offset=${g * 4} (local.get $src)))`);
    return `
  ;; [kc][${W}] panel from rows of $stride bytes holding w ≤ ${W} contiguous values each; zero-padded to ${W}.
  (func $${name} (param $src i32) (param $stride i32) (param $kc i32) (param $w i32) (param $dst i32)
    (local $end i32) (local $i i32)
    (local.set $end (i32.add (local.get $dst) (i32.mul (local.get $kc) (i32.const ${W * 4}))))
    (if (i32.eqz (local.get $kc)) (then (return)))
    (if (i32.eq (local.get $w) (i32.const ${W}))
      (then
        (loop $k
          ${full.join('\n          ')}
          (local.set $src (i32.add (local.get $src) (local.get $stride)))
          (local.set $dst (i32.add (local.get $dst) (i32.const ${W * 4})))
          (br_if $k (i32.lt_u (local.get $dst) (local.get $end))))
        (return)))
    (loop $k
      (local.set $i (i32.const 0))
      (loop $lane
        (f32.store (i32.add (local.get $dst) (i32.shl (local.get $i) (i32.const 2)))
          (if (result f32) (i32.lt_u (local.get $i) (local.get $w))
            (then (f32.load (i32.add (local.get $src) (i32.shl (local.get $i) (i32.const 2)))))
            (else (f32.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $lane (i32.lt_u (local.get $i) (i32.const ${W}))))
      (local.set $src (i32.add (local.get $src) (local.get $stride)))
      (local.set $dst (i32.add (local.get $dst) (i32.const ${W * 4})))
      (br_if $k (i32.lt_u (local.get $dst) (local.get $end)))))`;
  };
  const shuffle = (lanes, x, y) => `(i8x16.shuffle ${lanes.flatMap((l) => [4 * l, 4 * l + 1, 4 * l + 2, 4 * l + 3]).join(' ')} ${x} ${y})`;
  const packGather = (name, W) => {
    const groups = Math.floor(W / 4);
    const block = [];
    // 4 k at a time: groups of 4 source rows transposed by shuffles into 4 panel rows.
    for (let g = 0; g < groups; g++) {
      for (let t = 0; t < 4; t++)
        block.push(`(local.set $r${t} (v128.load (i32.add (local.get $src) (i32.mul (local.get $stride) (i32.const ${4 * g + t})))))`);
      block.push(`(local.set $t0 ${shuffle([0, 4, 1, 5], '(local.get $r0)', '(local.get $r1)')})`);
      block.push(`(local.set $t1 ${shuffle([2, 6, 3, 7], '(local.get $r0)', '(local.get $r1)')})`);
      block.push(`(local.set $t2 ${shuffle([0, 4, 1, 5], '(local.get $r2)', '(local.get $r3)')})`);
      block.push(`(local.set $t3 ${shuffle([2, 6, 3, 7], '(local.get $r2)', '(local.get $r3)')})`);
      block.push(
        `(v128.store offset=${(0 * W + 4 * g) * 4} (local.get $dst) ${shuffle([0, 1, 4, 5], '(local.get $t0)', '(local.get $t2)')})`,
      );
      block.push(
        `(v128.store offset=${(1 * W + 4 * g) * 4} (local.get $dst) ${shuffle([2, 3, 6, 7], '(local.get $t0)', '(local.get $t2)')})`,
      );
      block.push(
        `(v128.store offset=${(2 * W + 4 * g) * 4} (local.get $dst) ${shuffle([0, 1, 4, 5], '(local.get $t1)', '(local.get $t3)')})`,
      );
      block.push(
        `(v128.store offset=${(3 * W + 4 * g) * 4} (local.get $dst) ${shuffle([2, 3, 6, 7], '(local.get $t1)', '(local.get $t3)')})`,
      );
    }
    for (let l = 4 * groups; l < W; l++)
      for (let t = 0; t < 4; t++)
        block.push(
          `(f32.store offset=${(t * W + l) * 4} (local.get $dst) (f32.load offset=${t * 4} (i32.add (local.get $src) (i32.mul (local.get $stride) (i32.const ${l})))))`,
        );
    return `
  ;; [kc][${W}] panel from w ≤ ${W} source rows $stride bytes apart, each holding kc contiguous values
  ;; (the panel is their transpose); zero-padded to ${W}.
  (func $${name} (param $src i32) (param $stride i32) (param $kc i32) (param $w i32) (param $dst i32)
    (local $k i32) (local $i i32) (local $end i32)
    (local $r0 v128) (local $r1 v128) (local $r2 v128) (local $r3 v128)
    (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (if (i32.eqz (local.get $kc)) (then (return)))
    (if (i32.eq (local.get $w) (i32.const ${W}))
      (then
        (if (i32.ge_u (local.get $kc) (i32.const 4))
          (then
            (local.set $end (i32.add (local.get $src) (i32.shl (i32.and (local.get $kc) (i32.const -4)) (i32.const 2))))
            (loop $k4
              ${block.join('\n              ')}
              (local.set $src (i32.add (local.get $src) (i32.const 16)))
              (local.set $dst (i32.add (local.get $dst) (i32.const ${4 * W * 4})))
              (br_if $k4 (i32.lt_u (local.get $src) (local.get $end))))))
        (local.set $kc (i32.and (local.get $kc) (i32.const 3)))
        (if (i32.eqz (local.get $kc)) (then (return)))))
    ;; Remaining k (or an edge panel): one value at a time.
    (local.set $k (i32.const 0))
    (loop $kLoop
      (local.set $i (i32.const 0))
      (loop $lane
        (f32.store (i32.add (local.get $dst) (i32.shl (local.get $i) (i32.const 2)))
          (if (result f32) (i32.lt_u (local.get $i) (local.get $w))
            (then (f32.load (i32.add (i32.add (local.get $src) (i32.shl (local.get $k) (i32.const 2))) (i32.mul (local.get $i) (local.get $stride)))))
            (else (f32.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $lane (i32.lt_u (local.get $i) (i32.const ${W}))))
      (local.set $dst (i32.add (local.get $dst) (i32.const ${W * 4})))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $kLoop (i32.lt_u (local.get $k) (local.get $kc)))))`;
  };

  const bPacking = `
  ;; op(B)[pc:pc+kc, jr:jr+bk] packed into one [kc][NR] panel at dst (zero-padded).
  (func $packBPanel (param $transB i32) (param $b i32) (param $ldb i32) (param $pc i32) (param $kc i32) (param $jr i32) (param $bk i32) (param $dst i32)
    (if (local.get $transB)
      (then
        (call $packB_gather
          (i32.add (local.get $b) (i32.shl (i32.add (i32.mul (local.get $jr) (local.get $ldb)) (local.get $pc)) (i32.const 2)))
          (i32.shl (local.get $ldb) (i32.const 2)) (local.get $kc) (local.get $bk) (local.get $dst)))
      (else
        (call $packB_copy
          (i32.add (local.get $b) (i32.shl (i32.add (i32.mul (local.get $pc) (local.get $ldb)) (local.get $jr)) (i32.const 2)))
          (i32.shl (local.get $ldb) (i32.const 2)) (local.get $kc) (local.get $bk) (local.get $dst)))))

  ;; Packs op(B)'s panels for columns [j0, j1) (whole panels) of every K block into dst, the layout gemm's
  ;; $bPacked reads: block pc at pc·nPad values, panel jr at jr·kc within it (nPad: N rounded up to NR).
  ;; Done once per product instead of once per chunk and A block.
  (func $packB (export "packB") (param $transB i32) (param $K i32) (param $b i32) (param $ldb i32) (param $n i32)
    (param $j0 i32) (param $j1 i32) (param $dst i32) (param $nPad i32)
    (local $pc i32) (local $kc i32) (local $jr i32)
    (if (i32.or (i32.eqz (local.get $K)) (i32.ge_s (local.get $j0) (local.get $j1))) (then (return)))
    (loop $kBlocks
      (local.set $kc (select (i32.sub (local.get $K) (local.get $pc)) (i32.const ${KC})
        (i32.lt_s (i32.sub (local.get $K) (local.get $pc)) (i32.const ${KC}))))
      (local.set $jr (local.get $j0))
      (loop $panels
        (call $packBPanel (local.get $transB) (local.get $b) (local.get $ldb) (local.get $pc) (local.get $kc) (local.get $jr)
          (select (i32.sub (local.get $n) (local.get $jr)) (i32.const ${NR}) (i32.lt_s (i32.sub (local.get $n) (local.get $jr)) (i32.const ${NR})))
          (i32.add (local.get $dst) (i32.shl (i32.add (i32.mul (local.get $pc) (local.get $nPad)) (i32.mul (local.get $jr) (local.get $kc))) (i32.const 2))))
        (local.set $jr (i32.add (local.get $jr) (i32.const ${NR})))
        (br_if $panels (i32.lt_s (local.get $jr) (local.get $j1))))
      (local.set $pc (i32.add (local.get $pc) (i32.const ${KC})))
      (br_if $kBlocks (i32.lt_s (local.get $pc) (local.get $K)))))`;

  const driver = `${bPacking}
  ;; C[i0:i1, j0:j1] = op(A)·op(B) (beta 0) or += (beta 1), for one thread's share of a product.
  ;; Row-major, every leading dimension in values: A is M×K (K×M if transA), B is K×N (N×K if transB),
  ;; C is M×N with leading dimension ldc. $scratch: this thread's own (scratchBytes). $aPacked, where not 0:
  ;; op(A)[i0:i1, 0:K] already in MR-row panels [K][MR] there (K ≤ KC; a convolution's filter gradient).
  (func $gemm (export "gemm") (param $transA i32) (param $transB i32) (param $K i32)
    (param $a i32) (param $lda i32) (param $b i32) (param $ldb i32) (param $c i32) (param $ldc i32) (param $beta i32)
    (param $i0 i32) (param $i1 i32) (param $j0 i32) (param $j1 i32) (param $scratch i32)
    (param $bPacked i32) (param $nPad i32) (param $aPacked i32)
    (local $pc i32) (local $kc i32) (local $ic i32) (local $mc i32) (local $ir i32) (local $jr i32)
    (local $bk i32) (local $pa i32) (local $pb i32) (local $tile i32) (local $ldcBytes i32) (local $aPanels i32)
    (local.set $pb (i32.add (local.get $scratch) (i32.const ${bPanelOffset})))
    (local.set $tile (i32.add (local.get $scratch) (i32.const ${tileOffset})))
    (local.set $ldcBytes (i32.shl (local.get $ldc) (i32.const 2)))
    (if (i32.or (i32.ge_s (local.get $i0) (local.get $i1)) (i32.ge_s (local.get $j0) (local.get $j1))) (then (return)))
    (if (i32.eqz (local.get $K))
      (then
        ;; op(A)·op(B) with K = 0 is zero: C = 0 (beta 0) or unchanged.
        (if (local.get $beta) (then (return)))
        (local.set $ic (local.get $i0))
        (loop $zr
          (call $fill
            (i32.add (local.get $c) (i32.shl (i32.add (i32.mul (local.get $ic) (local.get $ldc)) (local.get $j0)) (i32.const 2)))
            (i32.sub (local.get $j1) (local.get $j0)))
          (local.set $ic (i32.add (local.get $ic) (i32.const 1)))
          (br_if $zr (i32.lt_s (local.get $ic) (local.get $i1))))
        (return)))
    (loop $kBlocks
      (local.set $kc (select (i32.sub (local.get $K) (local.get $pc)) (i32.const ${KC})
        (i32.lt_s (i32.sub (local.get $K) (local.get $pc)) (i32.const ${KC}))))
      (local.set $ic (local.get $i0))
      (loop $mBlocks
        (local.set $mc (select (i32.sub (local.get $i1) (local.get $ic)) (i32.const ${MC})
          (i32.lt_s (i32.sub (local.get $i1) (local.get $ic)) (i32.const ${MC}))))
        (local.set $aPanels (local.get $scratch))
        (if (local.get $aPacked)
          (then
            ;; already packed: all of M as one block
            (local.set $mc (i32.sub (local.get $i1) (local.get $ic)))
            (local.set $aPanels (local.get $aPacked))))
        ;; Pack op(A)[ic:ic+mc, pc:pc+kc] into MR-row panels.
        (local.set $ir (select (local.get $mc) (i32.const 0) (local.get $aPacked)))
        (local.set $pa (local.get $scratch))
        (if (i32.lt_s (local.get $ir) (local.get $mc)) (then
        (loop $aPanels
          (if (local.get $transA)
            (then
              (call $packA_copy
                (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $pc) (local.get $lda)) (i32.add (local.get $ic) (local.get $ir))) (i32.const 2)))
                (i32.shl (local.get $lda) (i32.const 2)) (local.get $kc)
                (select (i32.sub (local.get $mc) (local.get $ir)) (i32.const ${MR}) (i32.lt_s (i32.sub (local.get $mc) (local.get $ir)) (i32.const ${MR})))
                (local.get $pa)))
            (else
              (call $packA_gather
                (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (i32.add (local.get $ic) (local.get $ir)) (local.get $lda)) (local.get $pc)) (i32.const 2)))
                (i32.shl (local.get $lda) (i32.const 2)) (local.get $kc)
                (select (i32.sub (local.get $mc) (local.get $ir)) (i32.const ${MR}) (i32.lt_s (i32.sub (local.get $mc) (local.get $ir)) (i32.const ${MR})))
                (local.get $pa))))
          (local.set $pa (i32.add (local.get $pa) (i32.mul (local.get $kc) (i32.const ${MR * 4}))))
          (local.set $ir (i32.add (local.get $ir) (i32.const ${MR})))
          (br_if $aPanels (i32.lt_s (local.get $ir) (local.get $mc))))))
        (local.set $jr (local.get $j0))
        (loop $nPanels
          (local.set $bk (select (i32.sub (local.get $j1) (local.get $jr)) (i32.const ${NR}) (i32.lt_s (i32.sub (local.get $j1) (local.get $jr)) (i32.const ${NR}))))
          (if (local.get $bPacked)
            (then
              ;; packed once for the whole product (packBJob): block pc, then panel jr
              (local.set $pb (i32.add (local.get $bPacked)
                (i32.shl (i32.add (i32.mul (local.get $pc) (local.get $nPad)) (i32.mul (local.get $jr) (local.get $kc))) (i32.const 2)))))
            (else
              (call $packBPanel (local.get $transB) (local.get $b) (local.get $ldb) (local.get $pc) (local.get $kc) (local.get $jr) (local.get $bk) (local.get $pb))))
          (local.set $ir (i32.const 0))
          (local.set $pa (local.get $aPanels))
          (loop $mPanels
            (call $micro (local.get $pa) (local.get $pb) (local.get $kc)
              (i32.add (local.get $c) (i32.shl (i32.add (i32.mul (i32.add (local.get $ic) (local.get $ir)) (local.get $ldc)) (local.get $jr)) (i32.const 2)))
              (local.get $ldcBytes)
              (i32.or (local.get $beta) (i32.ne (local.get $pc) (i32.const 0)))
              (select (i32.sub (local.get $mc) (local.get $ir)) (i32.const ${MR}) (i32.lt_s (i32.sub (local.get $mc) (local.get $ir)) (i32.const ${MR})))
              (local.get $bk) (local.get $tile))
            (local.set $pa (i32.add (local.get $pa) (i32.mul (local.get $kc) (i32.const ${MR * 4}))))
            (local.set $ir (i32.add (local.get $ir) (i32.const ${MR})))
            (br_if $mPanels (i32.lt_s (local.get $ir) (local.get $mc))))
          (local.set $jr (i32.add (local.get $jr) (i32.const ${NR})))
          (br_if $nPanels (i32.lt_s (local.get $jr) (local.get $j1))))
        (local.set $ic (i32.add (local.get $ic) (local.get $mc)))
        (br_if $mBlocks (i32.lt_s (local.get $ic) (local.get $i1))))
      (local.set $pc (i32.add (local.get $pc) (i32.const ${KC})))
      (br_if $kBlocks (i32.lt_s (local.get $pc) (local.get $K)))))`;

  // Vector helpers over n float32 values at unaligned addresses.
  const helpers = `
  ;; dst[0:n] = 0
  (func $fill (param $dst i32) (param $n i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $dst) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $v
        (br_if $done (i32.gt_u (i32.add (local.get $dst) (i32.const 16)) (local.get $end)))
        (v128.store (local.get $dst) (v128.const i32x4 0 0 0 0))
        (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
        (br $v)))
    (block $done
      (loop $s
        (br_if $done (i32.ge_u (local.get $dst) (local.get $end)))
        (f32.store (local.get $dst) (f32.const 0))
        (local.set $dst (i32.add (local.get $dst) (i32.const 4)))
        (br $s))))
  ;; dst[0:n] = src[0:n]
  (func $copy (param $src i32) (param $dst i32) (param $n i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $dst) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $v
        (br_if $done (i32.gt_u (i32.add (local.get $dst) (i32.const 16)) (local.get $end)))
        (v128.store (local.get $dst) (v128.load (local.get $src)))
        (local.set $src (i32.add (local.get $src) (i32.const 16)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
        (br $v)))
    (block $done
      (loop $s
        (br_if $done (i32.ge_u (local.get $dst) (local.get $end)))
        (f32.store (local.get $dst) (f32.load (local.get $src)))
        (local.set $src (i32.add (local.get $src) (i32.const 4)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 4)))
        (br $s))))
  ;; dst[0:n] += src[0:n]
  (func $addInto (param $src i32) (param $dst i32) (param $n i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $dst) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $v
        (br_if $done (i32.gt_u (i32.add (local.get $dst) (i32.const 16)) (local.get $end)))
        (v128.store (local.get $dst) (f32x4.add (v128.load (local.get $dst)) (v128.load (local.get $src))))
        (local.set $src (i32.add (local.get $src) (i32.const 16)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
        (br $v)))
    (block $done
      (loop $s
        (br_if $done (i32.ge_u (local.get $dst) (local.get $end)))
        (f32.store (local.get $dst) (f32.add (f32.load (local.get $dst)) (f32.load (local.get $src))))
        (local.set $src (i32.add (local.get $src) (i32.const 4)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 4)))
        (br $s))))

  ;; C[i0:i1, j0:j1] = activation(C + bias[j]) in place (bias 0: none). Activation 0 linear, 1 relu
  ;; (v > 0 ? v : 0), 2 leaky relu (v < 0 ? α·v : v).
  (func $epilogue (param $c i32) (param $ldc i32) (param $i0 i32) (param $i1 i32) (param $j0 i32) (param $j1 i32)
    (param $bias i32) (param $act i32) (param $alpha f32)
    (local $row i32) (local $p i32) (local $end i32) (local $vend i32) (local $bp i32) (local $v v128) (local $av v128) (local $s f32)
    (if (i32.and (i32.eqz (local.get $bias)) (i32.eqz (local.get $act))) (then (return)))
    (if (i32.ge_s (local.get $j0) (local.get $j1)) (then (return)))
    (local.set $av (f32x4.splat (local.get $alpha)))
    (local.set $row (local.get $i0))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_s (local.get $row) (local.get $i1)))
        (local.set $p (i32.add (local.get $c) (i32.shl (i32.add (i32.mul (local.get $row) (local.get $ldc)) (local.get $j0)) (i32.const 2))))
        (local.set $end (i32.add (local.get $p) (i32.shl (i32.sub (local.get $j1) (local.get $j0)) (i32.const 2))))
        (local.set $vend (i32.sub (local.get $end) (i32.const 12)))
        (local.set $bp (i32.add (local.get $bias) (i32.shl (local.get $j0) (i32.const 2))))
        (block $vDone
          (loop $v
            (br_if $vDone (i32.ge_u (local.get $p) (local.get $vend)))
            (local.set $v (v128.load (local.get $p)))
            (if (local.get $bias) (then (local.set $v (f32x4.add (local.get $v) (v128.load (local.get $bp))))))
            (if (i32.eq (local.get $act) (i32.const 1))
              (then (local.set $v (v128.and (local.get $v) (f32x4.gt (local.get $v) (v128.const i32x4 0 0 0 0))))))
            (if (i32.eq (local.get $act) (i32.const 2))
              (then
                (local.set $v
                  (v128.bitselect (f32x4.mul (local.get $v) (local.get $av)) (local.get $v)
                    (f32x4.lt (local.get $v) (v128.const i32x4 0 0 0 0))))))
            (v128.store (local.get $p) (local.get $v))
            (local.set $p (i32.add (local.get $p) (i32.const 16)))
            (local.set $bp (i32.add (local.get $bp) (i32.const 16)))
            (br $v)))
        (block $sDone
          (loop $s
            (br_if $sDone (i32.ge_u (local.get $p) (local.get $end)))
            (local.set $s (f32.load (local.get $p)))
            (if (local.get $bias) (then (local.set $s (f32.add (local.get $s) (f32.load (local.get $bp))))))
            (if (i32.eq (local.get $act) (i32.const 1))
              (then (local.set $s (select (local.get $s) (f32.const 0) (f32.gt (local.get $s) (f32.const 0))))))
            (if (i32.eq (local.get $act) (i32.const 2))
              (then (local.set $s (select (f32.mul (local.get $s) (local.get $alpha)) (local.get $s) (f32.lt (local.get $s) (f32.const 0))))))
            (f32.store (local.get $p) (local.get $s))
            (local.set $p (i32.add (local.get $p) (i32.const 4)))
            (local.set $bp (i32.add (local.get $bp) (i32.const 4)))
            (br $s)))
        (local.set $row (i32.add (local.get $row) (i32.const 1)))
        (br $rows))))`;

  // Thin products: the GEMM's sums (k in blocks of KC, each block's products accumulated from +0 in order,
  // the blocks added to C in order) without packing or 8-wide tiles for a side of one.
  const maddX = (a, b, c) => (fma ? `(f32x4.relaxed_madd ${a} ${b} ${c})` : `(f32x4.add ${c} (f32x4.mul ${a} ${b}))`);
  // The two thin sums that walk k: `width` outputs a group (a lane each, `accumulators` vectors), each
  // block of KC k values summed from +0 in order, C = the first block's sums, then C + each next block's.
  // `outer` counts the outputs done, `src` is where the group's block starts, `full` and `partial` are one
  // k step for a whole group and for the last one, `advance` moves src to the next k.
  const thinSums = ({ head, outer, locals = '', setup = '', width, accumulators, src, full, partial, advance }) => {
    const accs = [...Array(accumulators).keys()];
    return `${head}
    (local ${outer} i32) (local $w i32) (local $pc i32) (local $kc i32) (local $k i32) (local $src i32) (local $vk v128)
    ${accs.map((g) => `(local $a${g} v128)`).join(' ')} (local $dst i32)${locals}${setup}
    (loop $groups
      (local.set $w (i32.sub (local.get $count) (local.get ${outer})))
      (local.set $dst (i32.add (local.get $out) (i32.shl (local.get ${outer}) (i32.const 2))))
      (local.set $pc (i32.const 0))
      (loop $kBlocks
        (local.set $kc (select (i32.sub (local.get $K) (local.get $pc)) (i32.const ${KC}) (i32.lt_s (i32.sub (local.get $K) (local.get $pc)) (i32.const ${KC}))))
        ${accs.map((g) => `(local.set $a${g} (v128.const i32x4 0 0 0 0))`).join(' ')}
        (local.set $src ${src})
        (local.set $k (i32.const 0))
        (loop $steps
          (local.set $vk (v128.load32_splat (i32.add (local.get $v) (i32.shl (i32.add (local.get $pc) (local.get $k)) (i32.const 2)))))
          (if (i32.ge_s (local.get $w) (i32.const ${width}))
            (then
              ${accs.map((g) => `(local.set $a${g} ${maddX(full(g), '(local.get $vk)', `(local.get $a${g})`)})`).join('\n              ')})
            (else
              ${accs.map((g) => `(local.set $a${g} ${maddX(partial(g), '(local.get $vk)', `(local.get $a${g})`)})`).join('\n              ')}))
          (local.set $src (i32.add (local.get $src) ${advance}))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br_if $steps (i32.lt_s (local.get $k) (local.get $kc))))
        ${accs.map((g) => `(if (local.get $pc) (then (local.set $a${g} (f32x4.add (local.get $a${g}) (call $lanes (i32.add (local.get $dst) (i32.const ${16 * g})) (i32.sub (local.get $w) (i32.const ${4 * g})))))))`).join('\n        ')}
        ${accs.map((g) => `(call $storeLanes (i32.add (local.get $dst) (i32.const ${16 * g})) (local.get $a${g}) (i32.sub (local.get $w) (i32.const ${4 * g})))`).join('\n        ')}
        (local.set $pc (i32.add (local.get $pc) (i32.const ${KC})))
        (br_if $kBlocks (i32.lt_s (local.get $pc) (local.get $K))))
      (local.set ${outer} (i32.add (local.get ${outer}) (i32.const ${width})))
      (br_if $groups (i32.lt_s (local.get ${outer}) (local.get $count)))))`;
  };
  // Row r's offset from its group's first row, for the gathers of dotRows.
  const rowOffset = (l) => (l === 0 ? '(local.get $src)' : `(i32.add (local.get $src) (local.get $o${l}))`);
  const thinProducts = `
  ;; Up to four values from $at (zeros past $count), and back: the last columns of a thin product.
  (func $lanes (param $at i32) (param $count i32) (result v128)
    (local $v v128)
    ${[0, 1, 2, 3].map((l) => `(if (i32.gt_s (local.get $count) (i32.const ${l})) (then (local.set $v (f32x4.replace_lane ${l} (local.get $v) (f32.load offset=${4 * l} (local.get $at))))))`).join('\n    ')}
    (local.get $v))
  (func $storeLanes (param $at i32) (param $v v128) (param $count i32)
    ${[0, 1, 2, 3].map((l) => `(if (i32.gt_s (local.get $count) (i32.const ${l})) (then (f32.store offset=${4 * l} (local.get $at) (f32x4.extract_lane ${l} (local.get $v)))))`).join('\n    ')})

  ;; out[j] (j < count) = Σ_k v[k]·X[k][j] (X's rows $ldx bytes apart): four columns a lane group, sixteen at
  ;; once (four independent sums), the last ones through $lanes.
  ${thinSums({
    head: '(func $axpyColumns (param $x i32) (param $ldx i32) (param $v i32) (param $out i32) (param $count i32) (param $K i32)',
    outer: '$j',
    width: 16,
    accumulators: 4,
    src: '(i32.add (local.get $x) (i32.add (i32.mul (local.get $pc) (local.get $ldx)) (i32.shl (local.get $j) (i32.const 2))))',
    full: (g) => `(v128.load offset=${16 * g} (local.get $src))`,
    partial: (g) => `(call $lanes (i32.add (local.get $src) (i32.const ${16 * g})) (i32.sub (local.get $w) (i32.const ${4 * g})))`,
    advance: '(local.get $ldx)',
  })}

  ;; Up to four values $stride bytes apart from $at, one a lane (zeros past $count): one k of four rows.
  (func $gather (param $at i32) (param $stride i32) (param $count i32) (result v128)
    (local $v v128)
    ${[0, 1, 2, 3].map((l) => `(if (i32.gt_s (local.get $count) (i32.const ${l})) (then (local.set $v (v128.load32_lane ${l} (i32.add (local.get $at) (i32.mul (local.get $stride) (i32.const ${l}))) (local.get $v)))))`).join('\n    ')}
    (local.get $v))

  ;; out[r] (r < count) = Σ_k X[r][k]·v[k] (X's rows $ldx bytes apart): a lane a row, each lane's sum over k
  ;; in the GEMM's order; eight rows at once (two independent sums), k's four values gathered from their rows.
  ${thinSums({
    head: '(func $dotRows (param $x i32) (param $ldx i32) (param $v i32) (param $out i32) (param $count i32) (param $K i32)',
    outer: '$r',
    locals: `\n    ${[1, 2, 3, 4, 5, 6, 7].map((l) => `(local $o${l} i32)`).join(' ')}`,
    setup: `\n    ;; each row's offset from the group's first, once\n    ${[1, 2, 3, 4, 5, 6, 7].map((l) => `(local.set $o${l} (i32.mul (local.get $ldx) (i32.const ${l})))`).join('\n    ')}`,
    width: 8,
    accumulators: 2,
    src: '(i32.add (local.get $x) (i32.add (i32.mul (local.get $r) (local.get $ldx)) (i32.shl (local.get $pc) (i32.const 2))))',
    full: (g) => [0, 1, 2, 3].reduce((acc, l) => `(v128.load32_lane ${l} ${rowOffset(4 * g + l)} ${acc})`, '(v128.const i32x4 0 0 0 0)'),
    partial: (g) => `(call $gather ${rowOffset(4 * g)} (local.get $ldx) (i32.sub (local.get $w) (i32.const ${4 * g})))`,
    advance: '(i32.const 4)',
  })}

  ;; C[i][j] = a[i]·b[j] (K = 1: one product each, as the GEMM's first k step makes it from +0).
  (func $outer (param $a i32) (param $b i32) (param $c i32) (param $M i32) (param $N i32)
    (local $i i32) (local $j i32) (local $ai v128) (local $row i32)
    (loop $rows
      (local.set $ai (v128.load32_splat (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 2)))))
      (local.set $row (i32.add (local.get $c) (i32.shl (i32.mul (local.get $i) (local.get $N)) (i32.const 2))))
      (local.set $j (i32.const 0))
      (loop $vectors
        (if (i32.le_s (i32.add (local.get $j) (i32.const 4)) (local.get $N))
          (then
            (v128.store (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2)))
              ${maddX('(local.get $ai)', '(v128.load (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))', '(v128.const i32x4 0 0 0 0)')}))
          (else
            (call $storeLanes (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2)))
              ${maddX('(local.get $ai)', '(call $lanes (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))) (i32.sub (local.get $N) (local.get $j)))', '(v128.const i32x4 0 0 0 0)')}
              (i32.sub (local.get $N) (local.get $j)))))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br_if $vectors (i32.lt_s (local.get $j) (local.get $N))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $rows (i32.lt_s (local.get $i) (local.get $M)))))

  ;; A thin product, C = op(A)·op(B) then bias and activation: kind 0, K = 1 (an outer product: a and b are
  ;; op(A)'s column and op(B)'s row, contiguous either way); kind 1, N = 1 with A transposed (C[m] =
  ;; Σ_k A[k][m]·b[k]); kind 2, M = 1 with B untransposed (C[n] = Σ_k a[k]·B[k][n]); kind 3, N = 1 with A
  ;; untransposed or M = 1 with B transposed (C[r] = Σ_k X[r][k]·v[k]). x: the matrix (A or B), ldx its row
  ;; length in values, v the vector.
  (func (export "thinProduct") (param $kind i32) (param $M i32) (param $N i32) (param $K i32) (param $x i32) (param $ldx i32)
    (param $v i32) (param $c i32) (param $bias i32) (param $act i32) (param $alpha f32)
    (if (i32.eqz (local.get $kind))
      (then (call $outer (local.get $x) (local.get $v) (local.get $c) (local.get $M) (local.get $N)))
      (else
        (if (i32.eq (local.get $kind) (i32.const 3))
          (then
            (call $dotRows (local.get $x) (i32.shl (local.get $ldx) (i32.const 2)) (local.get $v) (local.get $c)
              (select (local.get $M) (local.get $N) (i32.eq (local.get $N) (i32.const 1))) (local.get $K)))
          (else
            (call $axpyColumns (local.get $x) (i32.shl (local.get $ldx) (i32.const 2)) (local.get $v) (local.get $c)
              (select (local.get $M) (local.get $N) (i32.eq (local.get $kind) (i32.const 1))) (local.get $K))))))
    (call $epilogue (local.get $c) (local.get $N) (i32.const 0) (local.get $M) (i32.const 0) (local.get $N)
      (local.get $bias) (local.get $act) (local.get $alpha)))`;

  const P = (name) => `(i32.load offset=${4 * gemmParams[name]} (local.get $p))`;
  const jobs = `
  ;; One thread's share [from, to) of the product described at $p (words: see gemmParams): columns of C
  ;; when byColumns, else rows; then bias and activation on that share.
  (func (export "gemmJob") (param $p i32) (param $from i32) (param $to i32) (param $scratch i32)
    (local $i0 i32) (local $i1 i32) (local $j0 i32) (local $j1 i32)
    (if ${P('byColumns')}
      (then (local.set $i1 ${P('m')}) (local.set $j0 (local.get $from)) (local.set $j1 (local.get $to)))
      (else (local.set $i0 (local.get $from)) (local.set $i1 (local.get $to)) (local.set $j1 ${P('n')})))
    (call $gemm ${P('transA')} ${P('transB')} ${P('k')} ${P('a')} ${P('lda')} ${P('b')} ${P('ldb')} ${P('c')} ${P('ldc')} ${P('beta')}
      (local.get $i0) (local.get $i1) (local.get $j0) (local.get $j1) (local.get $scratch) ${P('bPacked')} ${P('nPad')} (i32.const 0))
    (call $epilogue ${P('c')} ${P('ldc')} (local.get $i0) (local.get $i1) (local.get $j0) (local.get $j1)
      ${P('bias')} ${P('activation')} (f32.load offset=${4 * gemmParams.alpha} (local.get $p))))`;

  const Q = (name) => `(i32.load offset=${4 * packParams[name]} (local.get $p))`;
  const packJob = `
  ;; One thread's share [from, to) of the columns of a B packed for the whole product (see packB).
  (func (export "packBJob") (param $p i32) (param $from i32) (param $to i32) (param $scratch i32)
    (call $packB ${Q('transB')} ${Q('k')} ${Q('b')} ${Q('ldb')} ${Q('n')} (local.get $from) (local.get $to) ${Q('dst')} ${Q('nPad')}))`;

  const C = (name) => `(i32.load offset=${4 * convParams[name]} (local.get $p))`;
  // The geometry every convolution function reads into locals first.
  const convLocals = `(local $inH i32) (local $inW i32) (local $inC i32) (local $outH i32) (local $outW i32) (local $outC i32)
    (local $kH i32) (local $kW i32) (local $sH i32) (local $sW i32) (local $dH i32) (local $pt i32) (local $pl i32) (local $Kc i32) (local $seg i32)`;
  const loadConv = `(local.set $inH ${C('inH')}) (local.set $inW ${C('inW')}) (local.set $inC ${C('inC')})
    (local.set $outH ${C('outH')}) (local.set $outW ${C('outW')}) (local.set $outC ${C('outC')})
    (local.set $kH ${C('kH')}) (local.set $kW ${C('kW')}) (local.set $sH ${C('strideH')}) (local.set $sW ${C('strideW')})
    (local.set $dH ${C('dilationH')}) (local.set $pt ${C('padTop')}) (local.set $pl ${C('padLeft')})
    (local.set $seg (i32.mul (local.get $kW) (local.get $inC)))
    (local.set $Kc (i32.mul (local.get $kH) (local.get $seg)))`;
  // Per output pixel (b, oy, ox): the filter row ky reads x[b, oy·sH + ky·dH − pt, ox·sW − pl + kx, ci] for kx, ci
  // in order, kW·inC values that NHWC keeps contiguous ("a segment"); of those, [$v0, $v1) lie inside the image.
  const pixelSetup = `(local.set $ix0 (i32.sub (i32.mul (local.get $ox) (local.get $sW)) (local.get $pl)))
        (local.set $v0 (i32.mul (select (i32.const 0) (i32.sub (i32.const 0) (local.get $ix0)) (i32.ge_s (local.get $ix0) (i32.const 0))) (local.get $inC)))
        (local.set $v1 (i32.mul (i32.sub (local.get $inW) (local.get $ix0)) (local.get $inC)))
        (if (i32.gt_s (local.get $v1) (local.get $seg)) (then (local.set $v1 (local.get $seg))))
        (if (i32.lt_s (local.get $v1) (local.get $v0)) (then (local.set $v1 (local.get $v0))))
        (local.set $iy0 (i32.sub (i32.mul (local.get $oy) (local.get $sH)) (local.get $pt)))`;
  const nextPixel = `(local.set $ox (i32.add (local.get $ox) (i32.const 1)))
        (if (i32.eq (local.get $ox) (local.get $outW))
          (then
            (local.set $ox (i32.const 0))
            (local.set $oy (i32.add (local.get $oy) (i32.const 1)))
            (if (i32.eq (local.get $oy) (local.get $outH))
              (then (local.set $oy (i32.const 0)) (local.set $b (i32.add (local.get $b) (i32.const 1)))))))`;
  const firstPixel = (m) => `(local.set $ox (i32.rem_u ${m} (local.get $outW)))
    (local.set $oy (i32.rem_u (i32.div_u ${m} (local.get $outW)) (local.get $outH)))
    (local.set $b (i32.div_u ${m} (i32.mul (local.get $outW) (local.get $outH))))`;
  // Address of x[b, iy, ix0, 0] (ix0 may be negative: only offsets ≥ v0 are read).
  const rowAddress = (base) =>
    `(i32.add ${base} (i32.shl (i32.add (i32.mul (i32.add (i32.mul (local.get $b) (local.get $inH)) (local.get $iy)) (i32.mul (local.get $inW) (local.get $inC))) (i32.mul (local.get $ix0) (local.get $inC))) (i32.const 2)))`;
  const pixelLocals =
    '(local $b i32) (local $oy i32) (local $ox i32) (local $ix0 i32) (local $iy0 i32) (local $iy i32) (local $v0 i32) (local $v1 i32)';
  // A filter-gradient panel's MR lane values of one pixel to $dst: contiguous from $src; or each from $src
  // plus its offset $o<lane> (read from the lane table at $q), 0 where that is −1.
  const contiguousCopy = [
    ...Array.from(
      { length: Math.floor(MR / 4) },
      (_, g) => `(v128.store offset=${16 * g} (local.get $dst) (v128.load offset=${16 * g} (local.get $src)))`,
    ),
    ...(MR % 4 >= 2
      ? [`(i64.store offset=${16 * Math.floor(MR / 4)} (local.get $dst) (i64.load offset=${16 * Math.floor(MR / 4)} (local.get $src)))`]
      : []),
    ...(MR % 2 ? [`(f32.store offset=${4 * (MR - 1)} (local.get $dst) (f32.load offset=${4 * (MR - 1)} (local.get $src)))`] : []),
  ].join('\n                ');
  const laneOffsets = Array.from({ length: MR }, (_, l) => `(local.set $o${l} (i32.load offset=${4 * l} (local.get $q)))`).join(
    '\n              ',
  );
  const laneCopy = Array.from(
    { length: MR },
    (_, l) =>
      `(f32.store offset=${4 * l} (local.get $dst) (select (f32.const 0) (f32.load (i32.add (local.get $src) (local.get $o${l}))) (i32.lt_s (local.get $o${l}) (i32.const 0))))`,
  ).join('\n                ');
  // A loop over images [from, to) in groups of MR ($b0 the first, $g how many: MR but for the last) around body.
  const imageGroups = (body) => `(local.set $b0 (local.get $from))
    (block $done
      (loop $groups
        (br_if $done (i32.ge_s (local.get $b0) (local.get $to)))
        (local.set $g (i32.sub (local.get $to) (local.get $b0)))
        (if (i32.gt_s (local.get $g) (i32.const ${MR})) (then (local.set $g (i32.const ${MR}))))
${body}
        (local.set $b0 (i32.add (local.get $b0) (local.get $g)))
        (br $groups)))`;
  // paddedGeometry's rows and columns, into $hp and $wp.
  const paddedLocals = `(local.set $hp (i32.add (i32.add (i32.mul (i32.sub (local.get $outH) (i32.const 1)) (local.get $sH))
      (i32.mul (i32.sub (local.get $kH) (i32.const 1)) (local.get $dH))) (i32.const 1)))
    (local.set $wp (i32.add (i32.mul (i32.sub (local.get $outW) (i32.const 1)) (local.get $sW)) (local.get $kW)))`;

  const conv = `
  ;; dx[pixels of rows m0 … m0 + rows) += the rows' patch gradients (Kc values each, $srcStride bytes apart
  ;; from src on): col2im, in row order.
  (func $col2im (param $p i32) (param $m0 i32) (param $rows i32) (param $src i32) (param $srcStride i32)
    ${convLocals} ${pixelLocals}
    (local $dx i32) (local $r i32) (local $ky i32) (local $dst i32)
    ${loadConv}
    (local.set $dx ${C('out')})
    ${firstPixel('(local.get $m0)')}
    (block $rowsDone
      (loop $rowsLoop
        (br_if $rowsDone (i32.ge_s (local.get $r) (local.get $rows)))
        ${pixelSetup}
        (local.set $ky (i32.const 0))
        (loop $segments
          (local.set $iy (i32.add (local.get $iy0) (i32.mul (local.get $ky) (local.get $dH))))
          (if (i32.lt_u (local.get $iy) (local.get $inH))
            (then
              (local.set $dst ${rowAddress('(local.get $dx)')})
              (call $addInto
                (i32.add (local.get $src) (i32.shl (i32.add (i32.mul (local.get $ky) (local.get $seg)) (local.get $v0)) (i32.const 2)))
                (i32.add (local.get $dst) (i32.shl (local.get $v0) (i32.const 2)))
                (i32.sub (local.get $v1) (local.get $v0)))))
          (local.set $ky (i32.add (local.get $ky) (i32.const 1)))
          (br_if $segments (i32.lt_s (local.get $ky) (local.get $kH))))
        (local.set $src (i32.add (local.get $src) (local.get $srcStride)))
        ${nextPixel}
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rowsLoop))))

  ;; Row py of image b of the zero-padded input (see convParams.xPadded) into dst: x's row py − padTop
  ;; between zero columns, or zeros.
  (func $padRow (param $p i32) (param $b i32) (param $py i32) (param $dst i32)
    ${convLocals}
    (local $hp i32) (local $wp i32) (local $iy i32) (local $left i32) (local $inside i32)
    ${loadConv}
    ${paddedLocals}
    ;; columns: $left of padding, then $inside of x's, then padding to $wp
    (local.set $left (select (local.get $pl) (local.get $wp) (i32.lt_s (local.get $pl) (local.get $wp))))
    (local.set $inside (i32.sub (local.get $wp) (local.get $left)))
    (if (i32.gt_s (local.get $inside) (local.get $inW)) (then (local.set $inside (local.get $inW))))
    (local.set $iy (i32.sub (local.get $py) (local.get $pt)))
    (if (i32.ge_u (local.get $iy) (local.get $inH))
      (then
        (call $fill (local.get $dst) (i32.mul (local.get $wp) (local.get $inC)))
        (return)))
    (call $fill (local.get $dst) (i32.mul (local.get $left) (local.get $inC)))
    (call $copy
      (i32.add ${C('x')} (i32.shl (i32.mul (i32.add (i32.mul (local.get $b) (local.get $inH)) (local.get $iy)) (i32.mul (local.get $inW) (local.get $inC))) (i32.const 2)))
      (i32.add (local.get $dst) (i32.shl (i32.mul (local.get $left) (local.get $inC)) (i32.const 2)))
      (i32.mul (local.get $inside) (local.get $inC)))
    (call $fill (i32.add (local.get $dst) (i32.shl (i32.mul (i32.add (local.get $left) (local.get $inside)) (local.get $inC)) (i32.const 2)))
      (i32.mul (i32.sub (local.get $wp) (i32.add (local.get $left) (local.get $inside))) (local.get $inC))))

  ;; Padded rows [g0, g1] (row g: image g / rows, row g mod rows) into dst, one after another.
  (func $padRows (param $p i32) (param $g0 i32) (param $g1 i32) (param $dst i32)
    ${convLocals}
    (local $hp i32) (local $wp i32) (local $g i32) (local $rowBytes i32)
    ${loadConv}
    ${paddedLocals}
    (local.set $rowBytes (i32.shl (i32.mul (local.get $wp) (local.get $inC)) (i32.const 2)))
    (local.set $g (local.get $g0))
    (loop $rows
      (call $padRow (local.get $p) (i32.div_u (local.get $g) (local.get $hp)) (i32.rem_u (local.get $g) (local.get $hp)) (local.get $dst))
      (local.set $dst (i32.add (local.get $dst) (local.get $rowBytes)))
      (local.set $g (i32.add (local.get $g) (i32.const 1)))
      (br_if $rows (i32.le_s (local.get $g) (local.get $g1)))))

  ;; Where the patches of output pixels [m, m + rows) start, rows addresses into $starts: in the whole
  ;; padded input (xPadded) where it is not 0, else in the padded rows those pixels read, padded into $buf
  ;; here (from the first pixel's first tap to the last pixel's last).
  (func $patchStarts (param $p i32) (param $m i32) (param $rows i32) (param $buf i32) (param $starts i32)
    ${convLocals}
    (local $hp i32) (local $wp i32) (local $base i32) (local $gLast i32) (local $r i32)
    ${pixelLocals}
    ${loadConv}
    ${paddedLocals}
    (local.set $base ${C('xPadded')})
    (if (i32.eqz (local.get $base))
      (then
        ${firstPixel('(i32.add (local.get $m) (i32.sub (local.get $rows) (i32.const 1)))')}
        (local.set $gLast (i32.add (i32.add (i32.mul (local.get $b) (local.get $hp)) (i32.mul (local.get $oy) (local.get $sH)))
          (i32.mul (i32.sub (local.get $kH) (i32.const 1)) (local.get $dH))))
        ${firstPixel('(local.get $m)')}
        (call $padRows (local.get $p) (i32.add (i32.mul (local.get $b) (local.get $hp)) (i32.mul (local.get $oy) (local.get $sH))) (local.get $gLast) (local.get $buf))
        ;; as if the whole padded input began at $base
        (local.set $base (i32.sub (local.get $buf)
          (i32.shl (i32.mul (i32.add (i32.mul (local.get $b) (local.get $hp)) (i32.mul (local.get $oy) (local.get $sH))) (i32.mul (local.get $wp) (local.get $inC))) (i32.const 2))))))
    ${firstPixel('(local.get $m)')}
    (loop $pixels
      (i32.store (i32.add (local.get $starts) (i32.shl (local.get $r) (i32.const 2)))
        (i32.add (local.get $base) (i32.mul
          (i32.add (i32.mul (i32.add (i32.mul (local.get $b) (local.get $hp)) (i32.mul (local.get $oy) (local.get $sH))) (local.get $wp))
            (i32.mul (local.get $ox) (local.get $sW)))
          (i32.shl (local.get $inC) (i32.const 2)))))
      ${nextPixel}
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br_if $pixels (i32.lt_s (local.get $r) (local.get $rows)))))

  ;; The whole padded input of images [from, to) into xPadded (where a block's rows do not fit the thread's
  ;; im2col buffer; see convForward).
  (func (export "padInput") (param $p i32) (param $from i32) (param $to i32) (param $scratch i32)
    ${convLocals}
    (local $hp i32) (local $wp i32)
    ${loadConv}
    ${paddedLocals}
    (if (i32.ge_s (local.get $from) (local.get $to)) (then (return)))
    (call $padRows (local.get $p) (i32.mul (local.get $from) (local.get $hp)) (i32.sub (i32.mul (local.get $to) (local.get $hp)) (i32.const 1))
      (i32.add ${C('xPadded')} (i32.shl (i32.mul (i32.mul (local.get $from) (local.get $hp)) (i32.mul (local.get $wp) (local.get $inC))) (i32.const 2)))))

  ;; y[rows from:to] = activation(patches · W + bias): output pixels [from, to) of the batch, a block of
  ;; rowsPerBlock at a time, the patches read where they lie in the padded input (no im2col, no packing of
  ;; A: $microDirect), W packed beforehand (wPacked). The same products in the same order as the GEMM's.
  ;; The padded rows a block reads are padded into the thread's im2col buffer (hot in its caches), or, when
  ;; xPadded is not 0, read from the whole padded input there (padInput).
  (func (export "convForward") (param $p i32) (param $from i32) (param $to i32) (param $scratch i32)
    ${convLocals}
    (local $hp i32) (local $wp i32) (local $m i32) (local $rows i32) (local $block i32) (local $c i32) (local $ldcBytes i32)
    (local $pc i32) (local $kc i32) (local $jr i32) (local $bk i32) (local $ir i32) (local $mr i32) (local $pb i32) (local $tile i32)
    (local $rowBytes i32) (local $jump i32) (local $offset i32) (local $run i32) (local $q i32)
    ${loadConv}
    ${paddedLocals}
    (local.set $block ${C('rowsPerBlock')})
    (local.set $tile (i32.add (local.get $scratch) (i32.const ${tileOffset})))
    (local.set $ldcBytes (i32.shl (local.get $outC) (i32.const 2)))
    (local.set $rowBytes (i32.shl (i32.mul (local.get $wp) (local.get $inC)) (i32.const 2)))
    ;; from the end of one filter row's taps to the start of the next's
    (local.set $jump (i32.sub (i32.mul (local.get $dH) (local.get $rowBytes)) (i32.shl (local.get $seg) (i32.const 2))))
    (local.set $m (local.get $from))
    (block $done
      (loop $blocks
        (br_if $done (i32.ge_s (local.get $m) (local.get $to)))
        (local.set $rows (i32.sub (local.get $to) (local.get $m)))
        (if (i32.gt_s (local.get $rows) (local.get $block)) (then (local.set $rows (local.get $block))))
        ;; where each row's patch starts, into the scratch (the GEMM's packed-A space)
        (call $patchStarts (local.get $p) (local.get $m) (local.get $rows) (i32.add (local.get $scratch) (i32.const ${im2colOffset})) (local.get $scratch))
        (local.set $c (i32.add ${C('y')} (i32.shl (i32.mul (local.get $m) (local.get $outC)) (i32.const 2))))
        (local.set $pc (i32.const 0))
        (loop $kBlocks
          (local.set $kc (select (i32.sub (local.get $Kc) (local.get $pc)) (i32.const ${KC})
            (i32.lt_s (i32.sub (local.get $Kc) (local.get $pc)) (i32.const ${KC}))))
          ;; tap pc: filter row pc / seg, value pc mod seg of its run
          (local.set $offset (i32.add (i32.mul (i32.div_u (local.get $pc) (local.get $seg)) (i32.mul (local.get $dH) (local.get $rowBytes)))
            (i32.shl (i32.rem_u (local.get $pc) (local.get $seg)) (i32.const 2))))
          (local.set $run (i32.sub (local.get $seg) (i32.rem_u (local.get $pc) (local.get $seg))))
          (local.set $jr (i32.const 0))
          (loop $nPanels
            (local.set $bk (select (i32.sub (local.get $outC) (local.get $jr)) (i32.const ${NR}) (i32.lt_s (i32.sub (local.get $outC) (local.get $jr)) (i32.const ${NR}))))
            (local.set $pb (i32.add ${C('wPacked')} (i32.shl (i32.add (i32.mul (local.get $pc) ${C('nPad')}) (i32.mul (local.get $jr) (local.get $kc))) (i32.const 2))))
            (local.set $ir (i32.const 0))
            (loop $mPanels
              (local.set $mr (select (i32.sub (local.get $rows) (local.get $ir)) (i32.const ${MR}) (i32.lt_s (i32.sub (local.get $rows) (local.get $ir)) (i32.const ${MR}))))
              (local.set $q (i32.add (local.get $scratch) (i32.shl (local.get $ir) (i32.const 2))))
              ;; rows past the last (an edge tile) read row 0's patch: their sums are not stored
              (call $microDirect
                ${directRows.map((r) => `(i32.add (local.get $offset) (i32.load (select (i32.add (local.get $q) (i32.const ${4 * r})) (local.get $q) (i32.lt_s (i32.const ${r}) (local.get $mr)))))`).join('\n                ')}
                (local.get $pb) (local.get $kc) (local.get $run) (local.get $seg) (local.get $jump) (i32.const 0)
                (i32.add (local.get $c) (i32.add (i32.mul (local.get $ir) (local.get $ldcBytes)) (i32.shl (local.get $jr) (i32.const 2))))
                (local.get $ldcBytes) (i32.ne (local.get $pc) (i32.const 0)) (local.get $mr) (local.get $bk) (local.get $tile))
              (local.set $ir (i32.add (local.get $ir) (i32.const ${MR})))
              (br_if $mPanels (i32.lt_s (local.get $ir) (local.get $rows))))
            (local.set $jr (i32.add (local.get $jr) (i32.const ${NR})))
            (br_if $nPanels (i32.lt_s (local.get $jr) (local.get $outC))))
          (local.set $pc (i32.add (local.get $pc) (i32.const ${KC})))
          (br_if $kBlocks (i32.lt_s (local.get $pc) (local.get $Kc))))
        (call $epilogue (local.get $c) (local.get $outC) (i32.const 0) (local.get $rows) (i32.const 0) (local.get $outC)
          ${C('bias')} ${C('activation')} (f32.load offset=${4 * convParams.alpha} (local.get $p)))
        (local.set $m (i32.add (local.get $m) (local.get $rows)))
        (br $blocks))))

  ;; y of images [from, to) (whole groups of MR) as convForward computes it, a group of MR images at a time,
  ;; a tile's MR rows one output pixel of each image: the rows share their padding, so the taps that fall
  ;; in it are skipped (their products are ±0, which leaves every sum as it is: the same values as
  ;; convForward's while W is finite). The group's padded images go in the thread's im2col buffer, or are
  ;; read from xPadded where it is not 0.
  (func (export "convForwardGrouped") (param $p i32) (param $from i32) (param $to i32) (param $scratch i32)
    ${convLocals}
    (local $hp i32) (local $wp i32) (local $b0 i32) (local $g i32) (local $base i32) (local $rowBytes i32) (local $imageBytes i32)
    (local $pc i32) (local $kc i32) (local $jr i32) (local $bk i32) (local $pb i32) (local $tile i32) (local $ldcBytes i32)
    (local $oy i32) (local $ox i32) (local $iy0 i32) (local $ix0 i32) (local $ky0 i32) (local $ky1 i32) (local $kx0 i32) (local $kx1 i32)
    (local $ky i32) (local $s i32) (local $e i32) (local $first i32) (local $run i32) (local $count i32) (local $vlen i32)
    (local $q i32) (local $c i32) (local $offset i32)
    ${loadConv}
    ${paddedLocals}
    (local.set $tile (i32.add (local.get $scratch) (i32.const ${tileOffset})))
    (local.set $rowBytes (i32.shl (i32.mul (local.get $wp) (local.get $inC)) (i32.const 2)))
    (local.set $imageBytes (i32.mul (local.get $hp) (local.get $rowBytes)))
    ${imageGroups(`        (local.set $base ${C('xPadded')})
        (if (i32.eqz (local.get $base))
          (then
            (local.set $base (i32.add (local.get $scratch) (i32.const ${im2colOffset})))
            (call $padRows (local.get $p) (i32.mul (local.get $b0) (local.get $hp))
              (i32.sub (i32.mul (i32.add (local.get $b0) (local.get $g)) (local.get $hp)) (i32.const 1)) (local.get $base))
            (local.set $base (i32.sub (local.get $base) (i32.mul (local.get $b0) (local.get $imageBytes))))))
        ;; the group's first image, where its padded input starts
        (local.set $base (i32.add (local.get $base) (i32.mul (local.get $b0) (local.get $imageBytes))))
        (local.set $pc (i32.const 0))
        (loop $kBlocks
          (local.set $kc (select (i32.sub (local.get $Kc) (local.get $pc)) (i32.const ${KC})
            (i32.lt_s (i32.sub (local.get $Kc) (local.get $pc)) (i32.const ${KC}))))
          (local.set $jr (i32.const 0))
          (loop $nPanels
            (local.set $bk (select (i32.sub (local.get $outC) (local.get $jr)) (i32.const ${NR}) (i32.lt_s (i32.sub (local.get $outC) (local.get $jr)) (i32.const ${NR}))))
            (local.set $oy (i32.const 0))
            (loop $outRows
              ;; filter rows [ky0, ky1) fall inside the image
              (local.set $iy0 (i32.sub (i32.mul (local.get $oy) (local.get $sH)) (local.get $pt)))
              (local.set $ky0 (i32.const 0))
              (block $kyFound
                (loop $kyUp
                  (br_if $kyFound (i32.ge_s (local.get $ky0) (local.get $kH)))
                  (br_if $kyFound (i32.ge_s (i32.add (local.get $iy0) (i32.mul (local.get $ky0) (local.get $dH))) (i32.const 0)))
                  (local.set $ky0 (i32.add (local.get $ky0) (i32.const 1)))
                  (br $kyUp)))
              (local.set $ky1 (local.get $ky0))
              (block $kyEnd
                (loop $kyOn
                  (br_if $kyEnd (i32.ge_s (local.get $ky1) (local.get $kH)))
                  (br_if $kyEnd (i32.ge_s (i32.add (local.get $iy0) (i32.mul (local.get $ky1) (local.get $dH))) (local.get $inH)))
                  (local.set $ky1 (i32.add (local.get $ky1) (i32.const 1)))
                  (br $kyOn)))
              (local.set $ox (i32.const 0))
              (loop $outColumns
                ;; filter columns [kx0, kx1) fall inside the image: runs of vlen values, one a filter row
                (local.set $ix0 (i32.sub (i32.mul (local.get $ox) (local.get $sW)) (local.get $pl)))
                (local.set $kx0 (select (i32.sub (i32.const 0) (local.get $ix0)) (i32.const 0) (i32.lt_s (local.get $ix0) (i32.const 0))))
                (if (i32.gt_s (local.get $kx0) (local.get $kW)) (then (local.set $kx0 (local.get $kW))))
                (local.set $kx1 (i32.sub (local.get $inW) (local.get $ix0)))
                (if (i32.gt_s (local.get $kx1) (local.get $kW)) (then (local.set $kx1 (local.get $kW))))
                (if (i32.lt_s (local.get $kx1) (local.get $kx0)) (then (local.set $kx1 (local.get $kx0))))
                (local.set $vlen (i32.mul (i32.sub (local.get $kx1) (local.get $kx0)) (local.get $inC)))
                ;; the runs' share of [pc, pc + kc): the first tap, the first run's length, how many
                (local.set $count (i32.const 0))
                (local.set $first (i32.const -1))
                (local.set $run (i32.const 0))
                (local.set $ky (local.get $ky0))
                (block $runsDone
                  (loop $runs
                    (br_if $runsDone (i32.ge_s (local.get $ky) (local.get $ky1)))
                    (local.set $s (i32.add (i32.mul (local.get $ky) (local.get $seg)) (i32.mul (local.get $kx0) (local.get $inC))))
                    (local.set $e (i32.add (local.get $s) (local.get $vlen)))
                    (if (i32.lt_s (local.get $s) (local.get $pc)) (then (local.set $s (local.get $pc))))
                    (if (i32.gt_s (local.get $e) (i32.add (local.get $pc) (local.get $kc))) (then (local.set $e (i32.add (local.get $pc) (local.get $kc)))))
                    (if (i32.lt_s (local.get $s) (local.get $e))
                      (then
                        (if (i32.lt_s (local.get $first) (i32.const 0))
                          (then (local.set $first (local.get $s)) (local.set $run (i32.sub (local.get $e) (local.get $s)))))
                        (local.set $count (i32.add (local.get $count) (i32.sub (local.get $e) (local.get $s))))))
                    (local.set $ky (i32.add (local.get $ky) (i32.const 1)))
                    (br $runs)))
                (if (i32.lt_s (local.get $first) (i32.const 0)) (then (local.set $first (local.get $pc))))
                ;; tap first: filter row first / seg, value first mod seg of it, in the padded input
                (local.set $offset (i32.add
                  (i32.mul (i32.add (i32.mul (local.get $oy) (local.get $sH)) (i32.mul (i32.div_u (local.get $first) (local.get $seg)) (local.get $dH))) (local.get $rowBytes))
                  (i32.shl (i32.add (i32.mul (i32.mul (local.get $ox) (local.get $sW)) (local.get $inC)) (i32.rem_u (local.get $first) (local.get $seg))) (i32.const 2))))
                (local.set $q (i32.add (local.get $base) (local.get $offset)))
                (local.set $pb (i32.add ${C('wPacked')} (i32.shl (i32.add (i32.add (i32.mul (local.get $pc) ${C('nPad')}) (i32.mul (local.get $jr) (local.get $kc)))
                  (i32.mul (i32.sub (local.get $first) (local.get $pc)) (i32.const ${NR}))) (i32.const 2))))
                (local.set $c (i32.add ${C('y')} (i32.shl (i32.add (i32.mul (i32.add (i32.mul (i32.add (i32.mul (local.get $b0) (local.get $outH)) (local.get $oy)) (local.get $outW)) (local.get $ox)) (local.get $outC)) (local.get $jr)) (i32.const 2))))
                ;; images past the group's last (an edge tile) read the first one's patch: their sums are not stored
                (call $microDirect
                  ${directRows.map((r) => `(i32.add (local.get $q) (select (i32.mul (i32.const ${r}) (local.get $imageBytes)) (i32.const 0) (i32.lt_s (i32.const ${r}) (local.get $g))))`).join('\n                  ')}
                  (local.get $pb) (local.get $count) (local.get $run) (local.get $vlen)
                  (i32.sub (i32.mul (local.get $dH) (local.get $rowBytes)) (i32.shl (local.get $vlen) (i32.const 2)))
                  (i32.mul (i32.sub (local.get $seg) (local.get $vlen)) (i32.const ${NR * 4}))
                  (local.get $c) (i32.mul (i32.mul (i32.mul (local.get $outH) (local.get $outW)) (local.get $outC)) (i32.const 4))
                  (i32.ne (local.get $pc) (i32.const 0)) (local.get $g) (local.get $bk) (local.get $tile))
                (local.set $ox (i32.add (local.get $ox) (i32.const 1)))
                (br_if $outColumns (i32.lt_s (local.get $ox) (local.get $outW))))
              (local.set $oy (i32.add (local.get $oy) (i32.const 1)))
              (br_if $outRows (i32.lt_s (local.get $oy) (local.get $outH))))
            (local.set $jr (i32.add (local.get $jr) (i32.const ${NR})))
            (br_if $nPanels (i32.lt_s (local.get $jr) (local.get $outC))))
          (local.set $pc (i32.add (local.get $pc) (i32.const ${KC})))
          (br_if $kBlocks (i32.lt_s (local.get $pc) (local.get $Kc))))
        (call $epilogue ${C('y')} (local.get $outC)
          (i32.mul (local.get $b0) (i32.mul (local.get $outH) (local.get $outW))) (i32.mul (i32.add (local.get $b0) (local.get $g)) (i32.mul (local.get $outH) (local.get $outW)))
          (i32.const 0) (local.get $outC) ${C('bias')} ${C('activation')} (f32.load offset=${4 * convParams.alpha} (local.get $p)))`)})

  ;; dx of images [from, to) = col2im(dy · Wᵀ) for their output pixels, rowsPerBlock patch rows at a time,
  ;; then bias and activation (for a transposed convolution, whose output dx is).
  (func (export "convInputGrad") (param $p i32) (param $from i32) (param $to i32) (param $scratch i32)
    ${convLocals}
    (local $m i32) (local $end i32) (local $rows i32) (local $block i32) (local $buf i32) (local $image i32)
    ${loadConv}
    (local.set $block ${C('rowsPerBlock')})
    (local.set $buf (i32.add (local.get $scratch) (i32.const ${im2colOffset})))
    (local.set $image (i32.mul (i32.mul (local.get $inH) (local.get $inW)) (local.get $inC)))
    (call $fill (i32.add ${C('out')} (i32.shl (i32.mul (local.get $from) (local.get $image)) (i32.const 2)))
      (i32.mul (i32.sub (local.get $to) (local.get $from)) (local.get $image)))
    (local.set $m (i32.mul (local.get $from) (i32.mul (local.get $outH) (local.get $outW))))
    (local.set $end (i32.mul (local.get $to) (i32.mul (local.get $outH) (local.get $outW))))
    (block $done
      (loop $blocks
        (br_if $done (i32.ge_s (local.get $m) (local.get $end)))
        (local.set $rows (i32.sub (local.get $end) (local.get $m)))
        (if (i32.gt_s (local.get $rows) (local.get $block)) (then (local.set $rows (local.get $block))))
        (call $gemm (i32.const 0) (i32.const 1) (local.get $outC)
          (i32.add ${C('y')} (i32.shl (i32.mul (local.get $m) (local.get $outC)) (i32.const 2))) (local.get $outC)
          ${C('w')} (local.get $outC) (local.get $buf) (local.get $Kc) (i32.const 0)
          (i32.const 0) (local.get $rows) (i32.const 0) (local.get $Kc) (local.get $scratch) ${C('wPacked')} ${C('nPad')} (i32.const 0))
        (call $col2im (local.get $p) (local.get $m) (local.get $rows) (local.get $buf) (i32.shl (local.get $Kc) (i32.const 2)))
        (local.set $m (i32.add (local.get $m) (local.get $rows)))
        (br $blocks)))
    ;; bias and activation on these images (a transposed convolution's output), once they are complete
    (call $epilogue ${C('out')} (local.get $inC)
      (i32.mul (local.get $from) (i32.mul (local.get $inH) (local.get $inW))) (i32.mul (local.get $to) (i32.mul (local.get $inH) (local.get $inW)))
      (i32.const 0) (local.get $inC) ${C('bias')} ${C('activation')} (f32.load offset=${4 * convParams.alpha} (local.get $p))))

  ;; dx of images [from, to) (whole groups of MR) as convInputGrad computes it (dW's K, outC, in one block),
  ;; a group of MR images at a time, a tile's MR rows one output pixel of each image: their taps that fall
  ;; outside the image are the same, and tiles of nothing but those are skipped (col2im never reads them).
  ;; rowsPerBlock output pixels at a time: their dy rows packed into the GEMM's packed-A space, their
  ;; patch gradients in the im2col buffer, then col2im image by image in pixel order (the same sums).
  (func (export "convInputGradGrouped") (param $p i32) (param $from i32) (param $to i32) (param $scratch i32)
    ${convLocals}
    (local $pixels i32) (local $block i32) (local $image i32) (local $buf i32) (local $tile i32) (local $b0 i32) (local $g i32)
    (local $t0 i32) (local $ts i32) (local $t i32) (local $r i32) (local $jr i32) (local $bk i32) (local $pb i32) (local $panelBytes i32)
    (local $oy i32) (local $ox i32) (local $iy0 i32) (local $ix0 i32) (local $kx0 i32) (local $kx1 i32) (local $ky i32) (local $kyB i32)
    (local $s i32) (local $e i32) (local $any i32)
    ${loadConv}
    (local.set $pixels (i32.mul (local.get $outH) (local.get $outW)))
    (local.set $block ${C('rowsPerBlock')})
    (local.set $image (i32.mul (i32.mul (local.get $inH) (local.get $inW)) (local.get $inC)))
    (local.set $buf (i32.add (local.get $scratch) (i32.const ${im2colOffset})))
    (local.set $tile (i32.add (local.get $scratch) (i32.const ${tileOffset})))
    (local.set $panelBytes (i32.mul (local.get $outC) (i32.const ${MR * 4})))
    (call $fill (i32.add ${C('out')} (i32.shl (i32.mul (local.get $from) (local.get $image)) (i32.const 2)))
      (i32.mul (i32.sub (local.get $to) (local.get $from)) (local.get $image)))
    ${imageGroups(`        (local.set $t0 (i32.const 0))
        (loop $pixelBlocks
          (local.set $ts (i32.sub (local.get $pixels) (local.get $t0)))
          (if (i32.gt_s (local.get $ts) (local.get $block)) (then (local.set $ts (local.get $block))))
          ;; A: each pixel's dy rows of the group's images, an MR-row panel [outC][MR]
          (local.set $t (i32.const 0))
          (loop $packs
            (call $packA_gather
              (i32.add ${C('y')} (i32.shl (i32.mul (i32.add (i32.mul (local.get $b0) (local.get $pixels)) (i32.add (local.get $t0) (local.get $t))) (local.get $outC)) (i32.const 2)))
              (i32.shl (i32.mul (local.get $pixels) (local.get $outC)) (i32.const 2)) (local.get $outC) (local.get $g)
              (i32.add (local.get $scratch) (i32.mul (local.get $t) (local.get $panelBytes))))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br_if $packs (i32.lt_s (local.get $t) (local.get $ts))))
          (local.set $jr (i32.const 0))
          (loop $nPanels
            (local.set $bk (select (i32.sub (local.get $Kc) (local.get $jr)) (i32.const ${NR}) (i32.lt_s (i32.sub (local.get $Kc) (local.get $jr)) (i32.const ${NR}))))
            (local.set $pb (i32.add ${C('wPacked')} (i32.shl (i32.mul (local.get $jr) (local.get $outC)) (i32.const 2))))
            (local.set $kyB (i32.div_u (i32.add (local.get $jr) (i32.sub (local.get $bk) (i32.const 1))) (local.get $seg)))
            (local.set $oy (i32.div_u (local.get $t0) (local.get $outW)))
            (local.set $ox (i32.rem_u (local.get $t0) (local.get $outW)))
            (local.set $t (i32.const 0))
            (loop $tiles
              ;; does a tap of [jr, jr + bk) fall inside the image for this pixel?
              (local.set $iy0 (i32.sub (i32.mul (local.get $oy) (local.get $sH)) (local.get $pt)))
              (local.set $ix0 (i32.sub (i32.mul (local.get $ox) (local.get $sW)) (local.get $pl)))
              (local.set $kx0 (select (i32.sub (i32.const 0) (local.get $ix0)) (i32.const 0) (i32.lt_s (local.get $ix0) (i32.const 0))))
              (local.set $kx1 (i32.sub (local.get $inW) (local.get $ix0)))
              (if (i32.gt_s (local.get $kx1) (local.get $kW)) (then (local.set $kx1 (local.get $kW))))
              (local.set $any (i32.const 0))
              (local.set $ky (i32.div_u (local.get $jr) (local.get $seg)))
              (loop $rowsOfPanel
                (if (i32.lt_u (i32.add (local.get $iy0) (i32.mul (local.get $ky) (local.get $dH))) (local.get $inH))
                  (then
                    (local.set $s (i32.add (i32.mul (local.get $ky) (local.get $seg)) (i32.mul (local.get $kx0) (local.get $inC))))
                    (local.set $e (i32.add (i32.mul (local.get $ky) (local.get $seg)) (i32.mul (local.get $kx1) (local.get $inC))))
                    (if (i32.lt_s (local.get $s) (local.get $jr)) (then (local.set $s (local.get $jr))))
                    (if (i32.gt_s (local.get $e) (i32.add (local.get $jr) (local.get $bk))) (then (local.set $e (i32.add (local.get $jr) (local.get $bk)))))
                    (if (i32.lt_s (local.get $s) (local.get $e)) (then (local.set $any (i32.const 1))))))
                (local.set $ky (i32.add (local.get $ky) (i32.const 1)))
                (br_if $rowsOfPanel (i32.le_s (local.get $ky) (local.get $kyB))))
              (if (local.get $any)
                (then
                  (call $micro (i32.add (local.get $scratch) (i32.mul (local.get $t) (local.get $panelBytes))) (local.get $pb) (local.get $outC)
                    (i32.add (local.get $buf) (i32.shl (i32.add (i32.mul (i32.mul (local.get $t) (i32.const ${MR})) (local.get $Kc)) (local.get $jr)) (i32.const 2)))
                    (i32.shl (local.get $Kc) (i32.const 2)) (i32.const 0) (local.get $g) (local.get $bk) (local.get $tile))))
              (local.set $ox (i32.add (local.get $ox) (i32.const 1)))
              (if (i32.eq (local.get $ox) (local.get $outW))
                (then (local.set $ox (i32.const 0)) (local.set $oy (i32.add (local.get $oy) (i32.const 1)))))
              (local.set $t (i32.add (local.get $t) (i32.const 1)))
              (br_if $tiles (i32.lt_s (local.get $t) (local.get $ts))))
            (local.set $jr (i32.add (local.get $jr) (i32.const ${NR})))
            (br_if $nPanels (i32.lt_s (local.get $jr) (local.get $Kc))))
          ;; col2im image by image, the pixels in order
          (local.set $r (i32.const 0))
          (loop $images
            (call $col2im (local.get $p) (i32.add (i32.mul (i32.add (local.get $b0) (local.get $r)) (local.get $pixels)) (local.get $t0)) (local.get $ts)
              (i32.add (local.get $buf) (i32.shl (i32.mul (local.get $r) (local.get $Kc)) (i32.const 2)))
              (i32.shl (i32.mul (local.get $Kc) (i32.const ${MR})) (i32.const 2)))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br_if $images (i32.lt_s (local.get $r) (local.get $g))))
          (local.set $t0 (i32.add (local.get $t0) (local.get $ts)))
          (br_if $pixelBlocks (i32.lt_s (local.get $t0) (local.get $pixels))))`)}
    ;; bias and activation on these images (a transposed convolution's output), once they are complete
    (call $epilogue ${C('out')} (local.get $inC)
      (i32.mul (local.get $from) (i32.mul (local.get $inH) (local.get $inW))) (i32.mul (local.get $to) (i32.mul (local.get $inH) (local.get $inW)))
      (i32.const 0) (local.get $inC) ${C('bias')} ${C('activation')} (f32.load offset=${4 * convParams.alpha} (local.get $p))))

  ;; dW rows [from, to) (filter taps (ky, kx, ci) flattened) = Σ over every output pixel of patch · dy,
  ;; summed in blocks of filterRowsPerBlock pixels from the first: the same order for any split of the rows.
  ;; Each block's patchesᵀ go straight into the GEMM's MR-row panels, read where they lie in the padded
  ;; input (its rows padded into the GEMM's packed-A space, or, when xPadded is not 0, all of it there);
  ;; the GEMM packs dy a panel at a time (in L1: packing all of dy beforehand, once for every thread, was
  ;; slower, one thread or two).
  (func (export "convFilterGrad") (param $p i32) (param $from i32) (param $to i32) (param $scratch i32)
    ${convLocals}
    (local $hp i32) (local $wp i32) (local $m i32) (local $end i32) (local $rows i32) (local $block i32) (local $width i32)
    (local $widthPad i32) (local $panels i32) (local $table i32) (local $tableEnd i32) (local $t i32) (local $i i32) (local $rowBytes i32)
    (local $q i32) (local $off i32) (local $dst i32) (local $pix i32)
    (local $pixEnd i32) (local $src i32) ${Array.from({ length: MR }, (_, l) => `(local $o${l} i32)`).join(' ')}
    ${loadConv}
    ${paddedLocals}
    (local.set $block ${C('filterRowsPerBlock')})
    (local.set $panels (i32.add (local.get $scratch) (i32.const ${im2colOffset})))
    (local.set $width (i32.sub (local.get $to) (local.get $from)))
    (local.set $end (i32.mul ${C('batch')} (i32.mul (local.get $outH) (local.get $outW))))
    (if (i32.le_s (local.get $width) (i32.const 0)) (then (return)))
    (if (i32.eqz (local.get $end))
      (then
        (call $fill (i32.add ${C('out')} (i32.shl (i32.mul (local.get $from) (local.get $outC)) (i32.const 2)))
          (i32.mul (local.get $width) (local.get $outC)))
        (return)))
    (local.set $rowBytes (i32.shl (i32.mul (local.get $wp) (local.get $inC)) (i32.const 2)))
    (local.set $widthPad (i32.mul (i32.div_u (i32.add (local.get $width) (i32.const ${MR - 1})) (i32.const ${MR})) (i32.const ${MR})))
    ;; after the largest block's panels: each lane's tap as a byte offset into a patch (−1 past dW's rows),
    ;; bit 0 set on a panel's first lane when its MR taps are contiguous
    (local.set $table (i32.add (local.get $panels) (i32.shl (i32.mul (local.get $widthPad) (local.get $block)) (i32.const 2))))
    (local.set $tableEnd (i32.add (local.get $table) (i32.shl (local.get $widthPad) (i32.const 2))))
    (local.set $i (i32.const 0))
    (loop $taps
      (local.set $t (i32.add (local.get $from) (local.get $i)))
      (i32.store (i32.add (local.get $table) (i32.shl (local.get $i) (i32.const 2)))
        (select
          (i32.add (i32.mul (i32.div_u (local.get $t) (local.get $seg)) (i32.mul (local.get $dH) (local.get $rowBytes)))
            (i32.shl (i32.rem_u (local.get $t) (local.get $seg)) (i32.const 2)))
          (i32.const -1)
          (i32.lt_s (local.get $t) (local.get $to))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $taps (i32.lt_s (local.get $i) (local.get $widthPad))))
    (local.set $q (local.get $table))
    (loop $flags
      (if (i32.and
            (i32.ge_s (i32.load offset=${4 * (MR - 1)} (local.get $q)) (i32.const 0))
            (i32.eq (i32.sub (i32.load offset=${4 * (MR - 1)} (local.get $q)) (i32.load (local.get $q))) (i32.const ${4 * (MR - 1)})))
        (then (i32.store (local.get $q) (i32.or (i32.load (local.get $q)) (i32.const 1)))))
      (local.set $q (i32.add (local.get $q) (i32.const ${4 * MR})))
      (br_if $flags (i32.lt_u (local.get $q) (local.get $tableEnd))))
    (block $done
      (loop $blocks
        (br_if $done (i32.ge_s (local.get $m) (local.get $end)))
        (local.set $rows (i32.sub (local.get $end) (local.get $m)))
        (if (i32.gt_s (local.get $rows) (local.get $block)) (then (local.set $rows (local.get $block))))
        ;; where each pixel's patch starts, after the lane table (rows padded into the GEMM's packed-A space)
        (call $patchStarts (local.get $p) (local.get $m) (local.get $rows) (local.get $scratch) (local.get $tableEnd))
        (local.set $pixEnd (i32.add (local.get $tableEnd) (i32.shl (local.get $rows) (i32.const 2))))
        ;; patchesᵀ of the block's pixels into MR-row panels [rows][MR], panel after panel
        (local.set $dst (local.get $panels))
        (local.set $q (local.get $table))
        (loop $panelsLoop
          (local.set $pix (local.get $tableEnd))
          (local.set $off (i32.load (local.get $q)))
          (if (i32.and (local.get $off) (i32.const 1))
            (then
              ;; MR contiguous taps: one copy a pixel
              (local.set $off (i32.xor (local.get $off) (i32.const 1)))
              (loop $contiguousPixels
                (local.set $src (i32.add (i32.load (local.get $pix)) (local.get $off)))
                ${contiguousCopy}
                (local.set $dst (i32.add (local.get $dst) (i32.const ${MR * 4})))
                (local.set $pix (i32.add (local.get $pix) (i32.const 4)))
                (br_if $contiguousPixels (i32.lt_u (local.get $pix) (local.get $pixEnd)))))
            (else
              ;; taps across filter rows, or past dW's rows (offset −1: zeros), lane by lane
              ${laneOffsets}
              (loop $lanePixels
                (local.set $src (i32.load (local.get $pix)))
                ${laneCopy}
                (local.set $dst (i32.add (local.get $dst) (i32.const ${MR * 4})))
                (local.set $pix (i32.add (local.get $pix) (i32.const 4)))
                (br_if $lanePixels (i32.lt_u (local.get $pix) (local.get $pixEnd))))))
          (local.set $q (i32.add (local.get $q) (i32.const ${4 * MR})))
          (br_if $panelsLoop (i32.lt_u (local.get $q) (local.get $tableEnd))))
        (call $gemm (i32.const 1) (i32.const 0) (local.get $rows) (i32.const 0) (local.get $width)
          (i32.add ${C('y')} (i32.shl (i32.mul (local.get $m) (local.get $outC)) (i32.const 2))) (local.get $outC)
          (i32.add ${C('out')} (i32.shl (i32.mul (local.get $from) (local.get $outC)) (i32.const 2))) (local.get $outC)
          (i32.ne (local.get $m) (i32.const 0))
          (i32.const 0) (local.get $width) (i32.const 0) (local.get $outC) (local.get $scratch)
          (i32.const 0) (i32.const 0) (local.get $panels))
        (local.set $m (i32.add (local.get $m) (local.get $rows)))
        (br $blocks))))`;

  return `;; Generated by scripts/gen-gemm-wat.mjs: ${JSON.stringify(o)}. Do not edit.
(module
  (import "env" "memory" (memory ${memory}))
  (global (export "MR") i32 (i32.const ${MR}))
  (global (export "NR") i32 (i32.const ${NR}))
  (global (export "KC") i32 (i32.const ${KC}))
  (global (export "MC") i32 (i32.const ${MC}))
  (global (export "im2colFloats") i32 (i32.const ${o.im2colFloats}))
  (global (export "scratchBytes") i32 (i32.const ${scratchBytes(o)}))
${micro}
${microDirect}
${packCopy('packA_copy', MR)}
${packGather('packA_gather', MR)}
${packCopy('packB_copy', NR)}
${packGather('packB_gather', NR)}
${driver}
${helpers}
${thinProducts}
${jobs}
${packJob}
${conv}
)
`;
}

const features = { simd: true, relaxed_simd: true, threads: true };
let wabtPromise;

/** The module's bytes: wabt with SIMD, relaxed SIMD and threads (atomics, shared memory) on. */
export async function compileGemm(options = {}) {
  wabtPromise ??= createWabt();
  const wabt = await wabtPromise;
  const module = wabt.parseWat('gemm.wat', generateGemmWat(options), features);
  try {
    module.validate(features);
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}

/** The four modules dlkit ships: {FMA, mul+add} × {shared, unshared memory}, with the default blockings. */
export async function compileGemmVariants() {
  return {
    fmaShared: await compileGemm({ fma: true, shared: true }),
    fmaUnshared: await compileGemm({ fma: true, shared: false }),
    mulAddShared: await compileGemm({ fma: false, shared: true }),
    mulAddUnshared: await compileGemm({ fma: false, shared: false }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const options = {};
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--no-fma') options.fma = false;
    else if (args[i] === '--shared') options.shared = true;
    else if (args[i]?.startsWith('--')) options[args[i].slice(2)] = Number(args[++i]);
  }
  process.stdout.write(generateGemmWat(options));
}
