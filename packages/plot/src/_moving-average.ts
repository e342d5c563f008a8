/**
 * Centered moving average over `window` points; missing values (null) are skipped inside a window
 * and stay null in the output so that gaps stay visible. Windows shrink at the ends.
 */
export function movingAverage(values: (number | null)[], window: number): (number | null)[] {
  const half = Math.floor((window - 1) / 2);
  const after = window - 1 - half;
  const out: (number | null)[] = new Array(values.length).fill(null);
  // Prefix sums over the present values make each window O(1).
  const sum = new Float64Array(values.length + 1);
  const count = new Uint32Array(values.length + 1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    sum[i + 1] = sum[i]! + (v ?? 0);
    count[i + 1] = count[i]! + (v === null || v === undefined ? 0 : 1);
  }
  for (let i = 0; i < values.length; i++) {
    if (values[i] === null) continue;
    const lo = Math.max(0, i - half);
    const hi = Math.min(values.length, i + after + 1);
    out[i] = (sum[hi]! - sum[lo]!) / (count[hi]! - count[lo]!);
  }
  return out;
}
