const bars = '▁▂▃▄▅▆▇█';

/**
 * A one-line Unicode chart of `values` (▁▂▃▄▅▆▇█), lowest value at ▁ and highest at █. When there are
 * more values than `width`, consecutive values are averaged into `width` equal buckets; NaN and
 * ±Infinity show as a space (a gap). An empty list gives an empty string; a constant list a flat ▄ line.
 *
 * @param width - maximum number of characters. Default: one per value.
 * @example
 * sparkline([3, 1, 4, 1, 5, 9, 2, 6]); // '▃▁▄▁▅█▂▆'
 */
export function sparkline(values: ArrayLike<number>, width?: number): string {
  if (width !== undefined && !(Number.isInteger(width) && width >= 1)) {
    throw new RangeError(`sparkline: width must be a positive integer, found ${String(width)}`);
  }
  const points = bucket(Array.from(values, Number), width ?? values.length);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of points) {
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  return points
    .map((v) => {
      if (!Number.isFinite(v)) return ' ';
      if (hi === lo) return bars[3];
      return bars[Math.min(bars.length - 1, Math.floor(((v - lo) / (hi - lo)) * bars.length))];
    })
    .join('');
}

// Averages the finite values of each bucket; a bucket with none stays NaN (a gap).
function bucket(values: number[], width: number): number[] {
  if (values.length <= width) return values;
  const out: number[] = [];
  for (let b = 0; b < width; b++) {
    const start = Math.floor((b * values.length) / width);
    const end = Math.floor(((b + 1) * values.length) / width);
    let sum = 0;
    let count = 0;
    for (let i = start; i < end; i++) {
      if (Number.isFinite(values[i])) {
        sum += values[i]!;
        count++;
      }
    }
    out.push(count > 0 ? sum / count : Number.NaN);
  }
  return out;
}
