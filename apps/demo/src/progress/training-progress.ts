import cliProgress from 'cli-progress';
import { formatDuration } from './format-duration';
import { RunClock } from './run-clock';
import { secondsLeft } from './seconds-left';

/** What the progress view needs to know about the run before the first step. */
export interface RunPlan {
  epochs: number;
  stepsPerEpoch: number;
  batchSize: number;
  /** Steps already done (a resumed run). */
  doneSteps: number;
}

/** What every step record gives the progress view; the losses come from {@link TrainingProgressOptions.losses}. */
export interface ProgressStep {
  step: number;
  epoch: number;
}

/** How the training loop talks to the person watching. */
export interface TrainingProgress<R extends ProgressStep> {
  start(plan: RunPlan): void;
  step(record: R): void;
  /** Marks time spent outside training steps (metrics, files) so rates stay honest. */
  pause(): void;
  log(line: string): void;
  stop(): void;
}

/** Draws a loss history as a one-line sparkline of the given width. */
export type SparklineFn = (values: readonly number[], width: number) => string;

/** The losses a step shows, label first, each with its own sparkline: the GAN's D and G, the VAE's −ELBO and KL. */
export type StepLosses<R extends ProgressStep> = (record: R) => readonly (readonly [label: string, value: number])[];

/** Options of {@link createTrainingProgress}. */
export interface TrainingProgressOptions<R extends ProgressStep> {
  /** `tty`: live bar and sparkline; `plain`: a log line every few seconds; `quiet`: nothing. */
  mode: 'tty' | 'plain' | 'quiet';
  stream?: NodeJS.WriteStream;
  sparkline: SparklineFn;
  /** Seconds between plain log lines. */
  logEverySeconds?: number;
  /** The losses a step shows. */
  losses: StepLosses<R>;
}

const fmt = (x: number, digits = 3) => (Number.isFinite(x) ? x.toFixed(digits) : 'NaN');
const int = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '--');

/**
 * The live view of a training run: on a terminal a progress bar (epoch, step, samples/s, ETA, D and
 * G losses) above a sparkline of recent losses; elsewhere (CI, a pipe) plain log lines.
 */
export function createTrainingProgress<R extends ProgressStep>(options: TrainingProgressOptions<R>): TrainingProgress<R> {
  const stream = options.stream ?? process.stderr;
  const clock = new RunClock();
  const { losses } = options;
  const histories = new Map<string, number[]>();
  let plan: RunPlan = { epochs: 1, stepsPerEpoch: 1, batchSize: 1, doneSteps: 0 };
  let totalSteps = 1;
  let lastLog = 0;
  let bars: cliProgress.MultiBar | undefined;
  let mainBar: cliProgress.SingleBar | undefined;
  let chartBar: cliProgress.SingleBar | undefined;

  const status = (r: R, values: readonly (readonly [string, number])[]) => {
    const done = r.step;
    const samplesPerSecond = clock.rate * plan.batchSize;
    const eta = secondsLeft({
      doneSteps: done,
      epochs: plan.epochs,
      stepsPerEpoch: plan.stepsPerEpoch,
      stepsPerSecond: clock.rate,
      epochEndSeconds: clock.meanPause,
    });
    return {
      epochText: `epoch ${r.epoch}/${plan.epochs}`,
      stepText: `step ${int(done)}/${int(totalSteps)}`,
      rateText: `${int(samplesPerSecond)} samples/s`,
      etaText: `ETA ${formatDuration(eta)}`,
      lossText: values.map(([label, value]) => `${label} ${fmt(value)}`).join('  '),
    };
  };

  return {
    start(p) {
      plan = p;
      totalSteps = p.epochs * p.stepsPerEpoch;
      if (options.mode !== 'tty') return;
      bars = new cliProgress.MultiBar(
        {
          stream,
          hideCursor: true,
          clearOnComplete: true,
          stopOnComplete: false,
          forceRedraw: true,
          fps: 10,
          barsize: 24,
          autopadding: true,
          format: (opts, params, payload) => {
            if (payload.kind === 'chart') return payload.text as string;
            // Fit the line to the terminal: the bar takes what the text leaves (24 at most, 6 at least),
            // and on a very narrow terminal the least important parts go first.
            const percent = `${Math.floor(params.progress * 100)}%`;
            const parts = [payload.stepText, payload.rateText, payload.etaText, payload.lossText] as string[];
            const columns = stream.columns ?? 100;
            const textWidth = () => `${payload.epochText}  ${percent} │ ${parts.join(' │ ')}`.length;
            while (parts.length > 1 && textWidth() + 6 > columns - 1) parts.splice(parts.length > 3 ? 1 : 0, 1);
            const size = Math.max(6, Math.min(opts.barsize ?? 24, columns - 1 - textWidth()));
            const filled = Math.round(params.progress * size);
            const bar = '█'.repeat(filled) + '░'.repeat(size - filled);
            return `${payload.epochText} ${bar} ${percent} │ ${parts.join(' │ ')}`;
          },
        },
        cliProgress.Presets.shades_classic,
      );
      mainBar = bars.create(totalSteps, p.doneSteps, {
        epochText: `epoch -/${p.epochs}`,
        stepText: `step ${int(p.doneSteps)}/${int(totalSteps)}`,
        rateText: '-- samples/s',
        etaText: 'ETA --',
        lossText: '',
      });
      chartBar = bars.create(1, 0, { kind: 'chart', text: 'losses: waiting for the first step' });
    },
    step(r) {
      clock.tick();
      const values = losses(r);
      for (const [label, value] of values) {
        const history = histories.get(label) ?? [];
        history.push(value);
        histories.set(label, history);
      }
      if (options.mode === 'quiet') return;
      const s = status(r, values);
      if (options.mode === 'tty') {
        mainBar?.update(r.step, s);
        const width = Math.max(10, Math.min(40, Math.floor(((stream.columns ?? 80) - 20) / Math.max(1, values.length))));
        const text = values.map(([label]) => `${label} ${options.sparkline(histories.get(label)!, width)}`).join('  ');
        chartBar?.update(0, { kind: 'chart', text });
        return;
      }
      const now = clock.elapsed;
      if (now - lastLog >= (options.logEverySeconds ?? 10)) {
        lastLog = now;
        stream.write(`${s.epochText}  ${s.stepText}  ${s.rateText}  ${s.etaText}  ${s.lossText}\n`);
      }
    },
    pause() {
      clock.resume();
    },
    log(line) {
      if (options.mode === 'quiet') return;
      if (bars) bars.log(`${line}\n`);
      else stream.write(`${line}\n`);
    },
    stop() {
      bars?.stop();
      bars = undefined;
    },
  };
}
