import { Writable } from 'node:stream';
import { sparkline } from '@dlkit/plot';
import { describe, expect, test } from 'vitest';
import { describeGanEpoch, ganStepLosses } from '../src/gan/gan-progress';
import { createTrainingProgress } from '../src/progress/training-progress';

/** A stream that records what is written; `isTTY` decides which view the progress picks. */
function recorder(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, {
    isTTY,
    columns: 120,
    rows: 40,
    cursorTo: () => true,
    moveCursor: () => true,
    clearLine: () => true,
    clearScreenDown: () => true,
  });
  return { stream, text: () => text };
}

const plan = { epochs: 2, stepsPerEpoch: 3, batchSize: 64, doneSteps: 0 };
const step = (n: number) => ({ epoch: Math.ceil(n / 3), step: n, dLoss: 0.5 + n / 100, gLoss: 1.5 - n / 100, dReal: 0.7, dFake: 0.3 });

describe('createTrainingProgress(options)', () => {
  test("on a terminal (the GAN's losses): a bar with epoch, step, samples/s, ETA and both losses, and a sparkline of the losses", async () => {
    const { stream, text } = recorder(true);
    const progress = createTrainingProgress({ mode: 'tty', stream, sparkline, losses: ganStepLosses });
    progress.start(plan);
    for (let n = 1; n <= 4; n++) progress.step(step(n));
    progress.log(
      describeGanEpoch(
        { epoch: 1, steps: 3, dLoss: 0.52, gLoss: 1.48, dReal: 0.7, dFake: 0.3, fid: 42.5, mnistScore: 5.25, complete: true },
        2,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    progress.stop();
    const out = text();
    expect(out).toMatch(/epoch 2\/2 [█░]+ \d+% │ step 4\/6 │ [\d,]+ samples\/s │ ETA \S+ │ D 0\.540 {2}G 1\.460/);
    expect(out).toMatch(/D [▁▂▃▄▅▆▇█]{4} {2}G [▁▂▃▄▅▆▇█]{4}/);
    expect(out).toContain('epoch 1/2  D 0.520  G 1.480  D(x) 0.70  D(G(z)) 0.30  FID 42.5  MNIST score 5.25');
  });

  test('elsewhere: plain lines, no cursor movement; quiet: nothing', () => {
    const plain = recorder(false);
    const progress = createTrainingProgress({ mode: 'plain', stream: plain.stream, sparkline, logEverySeconds: 0, losses: ganStepLosses });
    progress.start(plan);
    progress.step(step(1));
    progress.log(describeGanEpoch({ epoch: 1, steps: 3, dLoss: 0.52, gLoss: 1.48, dReal: 0.7, dFake: 0.3, complete: false }, 2));
    progress.stop();
    expect(plain.text()).toMatch(/^epoch 1\/2 {2}step 1\/6 {2}[\d,]+ samples\/s {2}ETA \S+ {2}D 0\.510 {2}G 1\.490\n/);
    expect(plain.text()).toContain('epoch 1/2 (stopped early)  D 0.520');
    expect(plain.text()).not.toContain('\u001b[');

    const quiet = recorder(false);
    const silent = createTrainingProgress({ mode: 'quiet', stream: quiet.stream, sparkline, losses: ganStepLosses });
    silent.start(plan);
    silent.step(step(1));
    silent.log('hello');
    silent.stop();
    expect(quiet.text()).toBe('');
  });

  test('other losses (the VAE): their labels, values and one sparkline each', async () => {
    const { stream, text } = recorder(true);
    const progress = createTrainingProgress<{ step: number; epoch: number; loss: number; kl: number }>({
      mode: 'tty',
      stream,
      sparkline,
      losses: (r) => [
        ['−ELBO', r.loss],
        ['KL', r.kl],
      ],
    });
    progress.start({ ...plan, batchSize: 128 });
    for (let n = 1; n <= 4; n++) progress.step({ epoch: Math.ceil(n / 3), step: n, loss: 500 - 10 * n, kl: n });
    await new Promise((resolve) => setTimeout(resolve, 150));
    progress.stop();
    expect(text()).toMatch(/step 4\/6 │ [\d,]+ samples\/s │ ETA \S+ │ −ELBO 460\.000 {2}KL 4\.000/);
    expect(text()).toMatch(/−ELBO [▁▂▃▄▅▆▇█]{4} {2}KL [▁▂▃▄▅▆▇█]{4}/);
    expect(text()).not.toMatch(/\bD \d/);

    const plain = recorder(false);
    const lines = createTrainingProgress<{ step: number; epoch: number; loss: number }>({
      mode: 'plain',
      stream: plain.stream,
      sparkline,
      logEverySeconds: 0,
      losses: (r) => [['−ELBO', r.loss]],
    });
    lines.start(plan);
    lines.step({ epoch: 1, step: 1, loss: 543.21 });
    lines.stop();
    expect(plain.text()).toMatch(/^epoch 1\/2 {2}step 1\/6 {2}[\d,]+ samples\/s {2}ETA \S+ {2}−ELBO 543\.210\n$/);
  });
});
