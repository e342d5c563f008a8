import type { GanStepRecord } from '@dlkit/gan';
import { lineChart } from '@dlkit/plot';

/** Most points drawn per series; longer runs are averaged into this many buckets (the SVG stays small). */
const maxPoints = 1200;

function bucketMeans(steps: readonly GanStepRecord[], stepsPerEpoch: number, key: 'dLoss' | 'gLoss') {
  const size = Math.max(1, Math.ceil(steps.length / maxPoints));
  const x: number[] = [];
  const y: number[] = [];
  for (let start = 0; start < steps.length; start += size) {
    const bucket = steps.slice(start, start + size);
    const last = bucket[bucket.length - 1]!;
    x.push(last.step / stepsPerEpoch);
    y.push(bucket.reduce((sum, s) => sum + s[key], 0) / bucket.length);
  }
  return { x, y };
}

/**
 * The seed's Figure 4: generator and discriminator loss against epochs, every step drawn faintly
 * (x = step / steps per epoch, so epoch k ends at x = k) under a moving average of about a fifth of
 * an epoch.
 */
export async function lossChart(steps: readonly GanStepRecord[], stepsPerEpoch: number, title: string): Promise<string> {
  const d = bucketMeans(steps, stepsPerEpoch, 'dLoss');
  const g = bucketMeans(steps, stepsPerEpoch, 'gLoss');
  const pointsPerEpoch = (stepsPerEpoch * d.x.length) / Math.max(1, steps.length);
  return lineChart({
    series: [
      { name: 'discriminator', x: d.x, y: d.y },
      { name: 'generator', x: g.x, y: g.y },
    ],
    title,
    xTitle: 'epoch',
    yTitle: 'loss (binary cross-entropy)',
    smoothing: Math.max(1, Math.round(pointsPerEpoch / 5)),
    width: 640,
    height: 320,
    points: false,
  });
}
