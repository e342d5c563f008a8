// conv2d from @dlkit/conv-math (pure TypeScript, typed arrays, NCHW) against tfjs conv2d on the cpu
// backend (NHWC), on LeNet-sized work: a 1×3×32×32 input and 16 filters of 5×5, no padding, stride 1.
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { conv2d } from '@dlkit/conv-math';
import { emit, medianSeconds } from './harness.mjs';

await tf.setBackend('cpu');
await tf.ready();

const [n, cin, h, w, cout, k] = [1, 3, 32, 32, 16, 5];
const random = (length) => Float32Array.from({ length }, (_, i) => Math.sin(i * 12.9898) * 0.5);
const x = { data: random(n * cin * h * w), shape: [n, cin, h, w] };
const filters = { data: random(cout * cin * k * k), shape: [cout, cin, k, k] };

// The same numbers in tfjs's layouts, created once, outside the timing.
const xNhwc = tf.tensor4d(random(n * h * w * cin), [n, h, w, cin]);
const filterHwio = tf.tensor4d(random(k * k * cin * cout), [k, k, cin, cout]);

const repeats = 50; // one call takes about a millisecond; time 50 at once
const ours = await medianSeconds(() => {
  for (let i = 0; i < repeats; i++) conv2d(x, filters);
});
const stock = await medianSeconds(() => {
  for (let i = 0; i < repeats; i++) {
    const y = tf.conv2d(xNhwc, filterHwio, 1, 'valid');
    y.dataSync();
    y.dispose();
  }
});

const outSize = h - k + 1;
const macs = n * cout * outSize * outSize * cin * k * k;
emit({
  bench: 'conv-math',
  metric: `conv2d ${n}×${cin}×${h}×${w} * ${cout}×${cin}×${k}×${k}, float32 (ours NCHW vs tfjs cpu NHWC)`,
  unit: 'convs/s',
  ours: repeats / ours,
  stock: repeats / stock,
  flopsPerUnit: 2 * macs,
  note: `${macs} MACs per conv; median of 7 runs of ${repeats} calls`,
});
tf.dispose([xNhwc, filterHwio]);
