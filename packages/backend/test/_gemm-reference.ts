// Float64 references for the GEMM and convolution tests, and the error bound they are held to.

/** xorshift32 in [0, 1): the same operands every run. */
export function xorshift(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/** C = op(A)·op(B) in float64 (row-major; A is m×k, or k×m when transposed; B is k×n, or n×k). */
export function referenceGemm(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const av = transA ? a[p * m + i]! : a[i * k + p]!;
      if (av === 0) continue;
      for (let j = 0; j < n; j++) c[i * n + j]! += av * (transB ? b[j * k + p]! : b[p * n + j]!);
    }
  }
  return c;
}

/**
 * The largest error of C (float32) against the exact product (+ C0), relative to the bound of a k-term
 * float32 dot product, (k + 2)·2⁻²⁴·Σ|a·b| (+ |C0|): below 1 is within float32 tolerance.
 */
export function worstGemmError(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  c: ArrayLike<number>,
  c0: ArrayLike<number> | undefined,
  exact = referenceGemm(transA, transB, m, n, k, a, b),
): number {
  const magnitude = referenceGemm(transA, transB, m, n, k, Array.from(a, Math.abs), Array.from(b, Math.abs));
  let worst = 0;
  for (let i = 0; i < m * n; i++) {
    const want = exact[i]! + (c0 ? c0[i]! : 0);
    const bound = (k + 2) * 2 ** -24 * (magnitude[i]! + (c0 ? Math.abs(c0[i]!) : 0)) + 1e-30;
    worst = Math.max(worst, Math.abs(c[i]! - want) / bound);
  }
  return worst;
}

/** The geometry of a convolution, as tfjs's computeConv2DInfo gives it (NHWC, filter [kH, kW, inC, outC]). */
export interface ConvGeometry {
  batchSize: number;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  outHeight: number;
  outWidth: number;
  outChannels: number;
  filterHeight: number;
  filterWidth: number;
  strideHeight: number;
  strideWidth: number;
  dilationHeight: number;
  dilationWidth: number;
  padInfo: { top: number; left: number };
}

/** Calls visit(xIndex, wIndex, yIndex) for every multiply-add of the convolution, in float64 loops. */
function eachTap(g: ConvGeometry, visit: (x: number, w: number, y: number) => void): void {
  for (let b = 0; b < g.batchSize; b++)
    for (let oy = 0; oy < g.outHeight; oy++)
      for (let ox = 0; ox < g.outWidth; ox++)
        for (let ky = 0; ky < g.filterHeight; ky++) {
          const iy = oy * g.strideHeight + ky * g.dilationHeight - g.padInfo.top;
          if (iy < 0 || iy >= g.inHeight) continue;
          for (let kx = 0; kx < g.filterWidth; kx++) {
            const ix = ox * g.strideWidth + kx * g.dilationWidth - g.padInfo.left;
            if (ix < 0 || ix >= g.inWidth) continue;
            for (let ci = 0; ci < g.inChannels; ci++)
              for (let co = 0; co < g.outChannels; co++)
                visit(
                  ((b * g.inHeight + iy) * g.inWidth + ix) * g.inChannels + ci,
                  ((ky * g.filterWidth + kx) * g.inChannels + ci) * g.outChannels + co,
                  ((b * g.outHeight + oy) * g.outWidth + ox) * g.outChannels + co,
                );
          }
        }
}

/**
 * The convolution's three products in float64 — y = conv(x, w), dx = convᵀ(dy, w), dW = Σ x·dy — with
 * the magnitude each is held to (the same sums over absolute values) and the number of terms per sum.
 */
export function referenceConv(
  g: ConvGeometry,
  kind: 'forward' | 'input' | 'filter',
  first: ArrayLike<number>,
  second: ArrayLike<number>,
): { exact: Float64Array; magnitude: Float64Array; terms: number } {
  const sizes = {
    forward: g.batchSize * g.outHeight * g.outWidth * g.outChannels,
    input: g.batchSize * g.inHeight * g.inWidth * g.inChannels,
    filter: g.filterHeight * g.filterWidth * g.inChannels * g.outChannels,
  };
  const exact = new Float64Array(sizes[kind]);
  const magnitude = new Float64Array(sizes[kind]);
  eachTap(g, (x, w, y) => {
    const [out, p, q] =
      kind === 'forward' ? [y, first[x]!, second[w]!] : kind === 'input' ? [x, first[y]!, second[w]!] : [w, first[x]!, second[y]!];
    exact[out]! += p * q;
    magnitude[out]! += Math.abs(p * q);
  });
  const terms = {
    forward: g.filterHeight * g.filterWidth * g.inChannels,
    input: g.filterHeight * g.filterWidth * g.outChannels,
    filter: g.batchSize * g.outHeight * g.outWidth,
  };
  return { exact, magnitude, terms: terms[kind] };
}

/** The largest error of `got` against a reference, relative to float32's bound for its sums (below 1: within tolerance). */
export function worstConvError(got: ArrayLike<number>, reference: { exact: Float64Array; magnitude: Float64Array; terms: number }): number {
  let worst = 0;
  for (let i = 0; i < reference.exact.length; i++) {
    const bound = (reference.terms + 2) * 2 ** -24 * reference.magnitude[i]! + 1e-30;
    worst = Math.max(worst, Math.abs(got[i]! - reference.exact[i]!) / bound);
  }
  return worst;
}
