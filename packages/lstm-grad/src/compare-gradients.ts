/** One parameter's row of a gradient check: ready to print as a table. */
export interface GradientCheckRow {
  /** The parameter's name (a key of the params object). */
  parameter: string;
  /** How many entries were compared. */
  entries: number;
  /** max_k |actual_k − expected_k|. */
  maxAbsError: number;
  /** max_k |actual_k − expected_k| / max(|actual_k|, |expected_k|, floor). */
  maxRelativeError: number;
  /** Flat index of the entry with the largest relative error (−1 when there are no entries). */
  worstIndex: number;
  /** maxRelativeError ≤ tolerance. */
  passed: boolean;
}

/** The result of gradCheck or compareGradients: one row per parameter plus the overall verdict. */
export interface GradientCheckResult {
  rows: GradientCheckRow[];
  /** The largest maxRelativeError over all rows. */
  maxRelativeError: number;
  /** Every row passed. */
  passed: boolean;
  tolerance: number;
  /** The finite-difference step (gradCheck only). */
  eps?: number;
}

export interface CompareGradientsOptions {
  /** Largest relative error that passes; default 1e-4 (float32 against float32 or float64). */
  tolerance?: number;
  /** Smallest denominator of the relative error, so entries near zero are judged by absolute error; default 1e-6. */
  floor?: number;
}

/**
 * Compares two sets of gradients parameter by parameter, e.g. an analytic gradient with autodiff's.
 * `actual` and `expected` need the same keys and lengths (else a RangeError names the mismatch).
 * Relative error per entry is |a − e| / max(|a|, |e|, floor); rows come in `expected`'s key order.
 *
 * @example compareGradients({ W: analyticW }, { W: autodiffW }, { tolerance: 1e-4 }).rows
 */
export function compareGradients(
  actual: Record<string, ArrayLike<number>>,
  expected: Record<string, ArrayLike<number>>,
  options: CompareGradientsOptions = {},
): GradientCheckResult {
  const { tolerance = 1e-4, floor = 1e-6 } = options;
  const rows: GradientCheckRow[] = [];
  for (const [parameter, reference] of Object.entries(expected)) {
    const values = actual[parameter];
    if (values === undefined)
      throw new RangeError(`compareGradients: no gradient for '${parameter}' (have: ${Object.keys(actual).join(', ') || 'none'})`);
    if (values.length !== reference.length) {
      throw new RangeError(`compareGradients: '${parameter}' has ${values.length} entries; expected ${reference.length}`);
    }
    let maxAbsError = 0;
    let maxRelativeError = 0;
    let worstIndex = reference.length > 0 ? 0 : -1;
    for (let k = 0; k < reference.length; k++) {
      const a = values[k]!;
      const e = reference[k]!;
      const error = Math.abs(a - e);
      // NaN anywhere must fail, so compare with !(≤) rather than >.
      const relative = Number.isNaN(error) ? Number.POSITIVE_INFINITY : error / Math.max(Math.abs(a), Math.abs(e), floor);
      if (Number.isNaN(error) || error > maxAbsError) maxAbsError = Number.isNaN(error) ? Number.POSITIVE_INFINITY : error;
      if (relative > maxRelativeError) {
        maxRelativeError = relative;
        worstIndex = k;
      }
    }
    rows.push({ parameter, entries: reference.length, maxAbsError, maxRelativeError, worstIndex, passed: maxRelativeError <= tolerance });
  }
  const maxRelativeError = rows.reduce((largest, row) => Math.max(largest, row.maxRelativeError), 0);
  return { rows, maxRelativeError, passed: rows.every((row) => row.passed), tolerance };
}
