// Generates the WebAssembly text of a register-blocked SGEMM (C = op(A)·op(B), row-major, float32) and
// compiles it with wabt. One module per variant: FMA (f32x4.relaxed_madd) or plain f32x4.mul + f32x4.add,
// shared or unshared imported memory. Usage: node gemm-lab/gen-gemm.mjs [--no-fma] [--mr 4] [--nr 8] > gemm.wat
//
// Layout (BLIS-like, see REPORT.md):
//   for pc in K by KC                     (kc values of the inner dimension)
//     for ic in [i0, i1) by MC            pack op(A)[ic:ic+MC, pc:pc+kc] into MR-row panels, [kc][MR] each
//       for jr in [j0, j1) by NR          pack op(B)[pc:pc+kc, jr:jr+NR] into one [kc][NR] panel (stays in L1)
//         for ir in the A block by MR     micro-kernel: MR×NR accumulators in v128 locals, k unrolled by U
// Transposes are absorbed by the packing routines (a strided gather by 4×4 SIMD transposes, or a copy),
// so A·B, Aᵀ·B, A·Bᵀ and Aᵀ·Bᵀ run the same micro-kernel. Edge panels are zero-padded; edge tiles of C
// go through a small per-thread tile buffer. Every element of C is summed in the same order whatever
// the split across threads, so results do not depend on the thread count.
import createWabt from 'wabt';

export const defaults = { mr: 6, nr: 8, unroll: 4, kc: 256, mc: 256, fma: true, shared: false };

/**
 * Options with the measured best blocking for the variant filled in (tune.mjs on Zen 5): 6×8 for FMA
 * (12 accumulators + 2 B vectors + 1 broadcast = 15 of x64's 16 xmm registers, V8 keeps one as scratch);
 * 4×8 for mul+add, which needs one more register for the product and spills at 6×8.
 */
export function resolveOptions(options = {}) {
  const fma = options.fma ?? defaults.fma;
  return { ...defaults, ...(fma ? {} : { mr: 4 }), ...options, fma };
}

/** Bytes of scratch one thread needs (packed A block, one packed B panel, one C tile), 64-byte aligned pieces. */
export function scratchBytes(options = {}) {
  const { mr, nr, kc, mc } = resolveOptions(options);
  const align = (n) => Math.ceil(n / 64) * 64;
  const mcPadded = Math.ceil(mc / mr) * mr;
  return align(mcPadded * kc * 4) + align(kc * nr * 4) + align(mr * nr * 4);
}

export function generateGemmWat(options = {}) {
  const o = resolveOptions(options);
  const { mr: MR, nr: NR, unroll: U, kc: KC, mc: MC, fma } = o;
  if (NR % 4 !== 0) throw new Error('NR must be a multiple of 4');
  const V = NR / 4; // B vectors per k
  const memory = o.shared ? '1 65536 shared' : '1';
  const mcPadded = Math.ceil(MC / MR) * MR;
  const align = (n) => Math.ceil(n / 64) * 64;
  const bPanelOffset = align(mcPadded * KC * 4);
  const tileOffset = bPanelOffset + align(KC * NR * 4);

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
    for (let j = 0; j < V; j++) {
      fullStore.push(`(v128.store offset=${16 * j} (local.get $cr) (local.get ${acc(r, j)}))`);
    }
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

  const micro = `
  ;; C tile (mr×nr valid of MR×NR) (+)= packed A panel [kc][MR] · packed B panel [kc][NR].
  ;; $ldc in bytes; $beta 0: C = product, 1: C += product.
  (func $micro (param $pa i32) (param $pb i32) (param $kc i32) (param $c i32) (param $ldc i32) (param $beta i32)
    (param $mr i32) (param $nr i32) (param $tile i32)
    (local $k i32) (local $cr i32) (local $r i32) (local $j i32) (local $dst i32) (local $src i32)
    (local $a v128) ${bLocals}
    ${accLocals.join(' ')}
    (local.set $k (local.get $kc))
    (if (i32.ge_u (local.get $k) (i32.const ${U}))
      (then
        (loop $unrolled
        ${Array.from({ length: U }, (_, u) => kStep(u)).join('\n        ')}
        (local.set $pa (i32.add (local.get $pa) (i32.const ${U * MR * 4})))
        (local.set $pb (i32.add (local.get $pb) (i32.const ${U * NR * 4})))
        (local.set $k (i32.sub (local.get $k) (i32.const ${U})))
        (br_if $unrolled (i32.ge_u (local.get $k) (i32.const ${U}))))))
    (if (local.get $k)
      (then
        (loop $rest
        ${kStep(0)}
        (local.set $pa (i32.add (local.get $pa) (i32.const ${MR * 4})))
        (local.set $pb (i32.add (local.get $pb) (i32.const ${NR * 4})))
        (local.set $k (i32.sub (local.get $k) (i32.const 1)))
        (br_if $rest (local.get $k)))))
    (if (i32.and (i32.eq (local.get $mr) (i32.const ${MR})) (i32.eq (local.get $nr) (i32.const ${NR})))
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
      (br_if $rows (i32.lt_u (local.get $r) (local.get $mr)))))`;

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

  const driver = `
  ;; C[i0:i1, j0:j1] = op(A)·op(B) (beta 0) or += (beta 1), for one thread's share of a product.
  ;; Row-major, every leading dimension in values: A is M×K (K×M if transA), B is K×N (N×K if transB),
  ;; C is M×N with leading dimension ldc. $scratch: ${scratchBytes(o)} bytes of this thread's own.
  (func (export "gemm") (param $transA i32) (param $transB i32) (param $K i32)
    (param $a i32) (param $lda i32) (param $b i32) (param $ldb i32) (param $c i32) (param $ldc i32) (param $beta i32)
    (param $i0 i32) (param $i1 i32) (param $j0 i32) (param $j1 i32) (param $scratch i32)
    (local $pc i32) (local $kc i32) (local $ic i32) (local $mc i32) (local $ir i32) (local $jr i32)
    (local $bk i32) (local $src i32) (local $pa i32) (local $pb i32) (local $tile i32) (local $ldcBytes i32)
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
          (local.set $jr (local.get $j0))
          (loop $zc
            (f32.store (i32.add (local.get $c) (i32.shl (i32.add (i32.mul (local.get $ic) (local.get $ldc)) (local.get $jr)) (i32.const 2))) (f32.const 0))
            (local.set $jr (i32.add (local.get $jr) (i32.const 1)))
            (br_if $zc (i32.lt_s (local.get $jr) (local.get $j1))))
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
        ;; Pack op(A)[ic:ic+mc, pc:pc+kc] into MR-row panels.
        (local.set $ir (i32.const 0))
        (local.set $pa (local.get $scratch))
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
          (br_if $aPanels (i32.lt_s (local.get $ir) (local.get $mc))))
        (local.set $jr (local.get $j0))
        (loop $nPanels
          (local.set $bk (select (i32.sub (local.get $j1) (local.get $jr)) (i32.const ${NR}) (i32.lt_s (i32.sub (local.get $j1) (local.get $jr)) (i32.const ${NR}))))
          (if (local.get $transB)
            (then
              (call $packB_gather
                (i32.add (local.get $b) (i32.shl (i32.add (i32.mul (local.get $jr) (local.get $ldb)) (local.get $pc)) (i32.const 2)))
                (i32.shl (local.get $ldb) (i32.const 2)) (local.get $kc) (local.get $bk) (local.get $pb)))
            (else
              (call $packB_copy
                (i32.add (local.get $b) (i32.shl (i32.add (i32.mul (local.get $pc) (local.get $ldb)) (local.get $jr)) (i32.const 2)))
                (i32.shl (local.get $ldb) (i32.const 2)) (local.get $kc) (local.get $bk) (local.get $pb))))
          (local.set $ir (i32.const 0))
          (local.set $pa (local.get $scratch))
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
        (local.set $ic (i32.add (local.get $ic) (i32.const ${MC})))
        (br_if $mBlocks (i32.lt_s (local.get $ic) (local.get $i1))))
      (local.set $pc (i32.add (local.get $pc) (i32.const ${KC})))
      (br_if $kBlocks (i32.lt_s (local.get $pc) (local.get $K)))))`;

  return `;; Generated by gemm-lab/gen-gemm.mjs: ${JSON.stringify(o)}. Do not edit.
(module
  (import "env" "memory" (memory ${memory}))
  (global (export "MR") i32 (i32.const ${MR}))
  (global (export "NR") i32 (i32.const ${NR}))
  (global (export "KC") i32 (i32.const ${KC}))
  (global (export "MC") i32 (i32.const ${MC}))
  (global (export "scratchBytes") i32 (i32.const ${scratchBytes(o)}))
${micro}
${packCopy('packA_copy', MR)}
${packGather('packA_gather', MR)}
${packCopy('packB_copy', NR)}
${packGather('packB_gather', NR)}
${driver}
)
`;
}

let wabtPromise;
/** The module's bytes: wabt with SIMD, relaxed SIMD and threads (atomics, shared memory) on. */
export async function compileGemm(options = {}) {
  wabtPromise ??= createWabt();
  const wabt = await wabtPromise;
  const features = { simd: true, relaxed_simd: true, threads: true };
  const module = wabt.parseWat('gemm.wat', generateGemmWat(options), features);
  try {
    module.validate(features);
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}

/** Compiled lab GEMM for `options` (see resolveOptions); shared: true for a shared memory. */
export async function gemmModule(options = {}) {
  const o = resolveOptions(options);
  return { module: await WebAssembly.compile(await compileGemm(o)), options: o };
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
