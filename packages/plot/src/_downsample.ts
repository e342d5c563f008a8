export interface Point {
  x: number | null;
  y: number | null;
}

/**
 * Reduces a long series to about one or two points per bucket of consecutive points (a bucket per
 * pixel or so, where more points add no detail, only time and size):
 * - 'extremes' keeps each bucket's lowest and highest point in their order, so spikes still show;
 * - 'mean' keeps one point at the bucket's mean, for lines that are already smooth.
 * A bucket with a missing value also keeps one missing point, so gaps stay visible.
 */
export function downsample(points: Point[], buckets: number, mode: 'extremes' | 'mean'): Point[] {
  if (points.length <= 2 * buckets) return points;
  const out: Point[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * points.length) / buckets);
    const end = Math.floor(((b + 1) * points.length) / buckets);
    let lo = -1;
    let hi = -1;
    let gap = -1;
    let sumX = 0;
    let sumY = 0;
    let count = 0;
    for (let i = start; i < end; i++) {
      const { x, y } = points[i]!;
      if (y === null || x === null) {
        if (gap < 0) gap = i;
        continue;
      }
      if (lo < 0 || y < points[lo]!.y!) lo = i;
      if (hi < 0 || y > points[hi]!.y!) hi = i;
      sumX += x;
      sumY += y;
      count++;
    }
    if (mode === 'mean') {
      if (count > 0) out.push({ x: sumX / count, y: sumY / count });
      if (gap >= 0) out.push(points[gap]!);
      continue;
    }
    const keep = [...new Set([lo, hi, gap].filter((i) => i >= 0))].sort((a, c) => a - c);
    for (const i of keep) out.push(points[i]!);
  }
  return out;
}
