import type { Report } from '@dlkit/plot';
import { ganSamplingWeights } from './gan-model-name';
import type { GanRunSummary } from './gan-run-summary';
import { sampleGridColumns, sampleGridRows } from './sample-grid-png';
import type { SampleGrid } from './sample-grids';

/** Most sample grids shown side by side; longer runs show evenly spaced epochs. */
const maxGrids = 8;

function spaced<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.round((i * (items.length - 1)) / (count - 1))]!);
}

/**
 * The GAN run as report sections: settings, the loss curves (the seed's Figure 4), the sample grids
 * from the fixed noise across epochs, and the quality metrics per epoch. Shared by report.html and
 * the assignment report's Q4.
 */
export function addGanSections(report: Report, run: GanRunSummary, lossSvg: string, grids: readonly SampleGrid[], heading = ''): Report {
  const c = run.config;
  // A summary written before classes existed has no classCount: unconditional.
  const classCount = c.classCount ?? 0;
  const label = classCount > 0 ? ` + label (one-hot, ${classCount})` : '';
  const architecture =
    c.model === 'mlp'
      ? `MLP: G z(${c.latentDim})${label} → ${c.generatorUnits.join(' → ')} → 784 (LeakyReLU ${c.leakyAlpha}, tanh); D 784${label} → ${c.discriminatorUnits.join(' → ')} → 1 (dropout ${c.dropout})`
      : `DCGAN (${c.kernelSize}×${c.kernelSize} kernels): G z(${c.latentDim})${label} → 7×7×${c.generatorChannels[0]} → 14×14×${c.generatorChannels[1]} → 28×28; D 28×28 → 14×14×${c.discriminatorChannels[0]} → 7×7×${c.discriminatorChannels[1]} → 1${classCount > 0 ? ' + projection of the label' : ''} (dropout ${c.dropout})`;
  const gridDigits = sampleGridColumns(classCount) * sampleGridRows;
  const steps = run.steps.length;
  const last = run.epochs[run.epochs.length - 1];
  report
    .section(`${heading}Run`)
    .table(
      [
        ['model', architecture],
        [
          'optimizer',
          `Adam, learning rate ${c.learningRate}${c.learningRate !== 2e-4 ? ' (the reference uses 2e-4)' : ''}${c.discriminatorLearningRate != null ? ` (D: ${c.discriminatorLearningRate})` : ''}, β1 ${c.beta1}, β2 ${c.beta2}${c.labelSmoothing ? `; labels of real digits ${1 - c.labelSmoothing}` : ''}`,
        ],
        ...((c.generatorTopFraction ?? 1) < 1
          ? [
              [
                "generator's loss",
                `over the ${c.generatorTopFraction} of each batch's fakes that D rates most real (top-k training; the reference: every fake)`,
              ] as [string, string],
            ]
          : []),
        ...(c.reuseFakes
          ? [
              [
                "generator's step",
                "on the fakes the discriminator's step has just trained on, scored by the updated discriminator (one generator pass a step, as PyTorch's DCGAN example; the reference draws fresh noise)",
              ] as [string, string],
            ]
          : []),
        ...(classCount > 0
          ? [
              [
                'conditioning',
                `class-conditional (cGAN): each digit's label goes into both networks; the fakes' labels are drawn uniformly in training, and samples and metrics take the ${classCount} digits in turn (as many of each), so each row of a grid reads 0 to ${classCount - 1}`,
              ] as [string, string],
            ]
          : []),
        ['batch size', String(c.batchSize)],
        ['samples and metrics drawn by', ganSamplingWeights(c)],
        ['data', run.data],
        [
          'epochs',
          `${run.epochs.filter((e) => e.complete).length} (${steps.toLocaleString('en-US')} steps of ${run.stepsPerEpoch} per epoch)`,
        ],
        ['backend', run.backend],
        ['seed', String(c.seed)],
        ['status', run.status],
      ],
      ['setting', 'value'],
    )
    .section(`${heading}Generator and discriminator loss`)
    .svg(lossSvg, 'Loss per step (faint) and its moving average (bold) against epochs.')
    .text(
      'The discriminator loss is the binary cross-entropy on real and generated digits together; the generator loss is the non-saturating −log D(G(z)). They settle into a balance rather than falling to zero: each network improves against the other.',
    );

  report.section(`${heading}Samples from one fixed noise batch`);
  if (grids.length === 0) {
    report.text('No epoch has finished yet, so there are no sample grids.');
  } else {
    const latest = grids[grids.length - 1]!;
    const by = (c.emaDecay ?? 0) > 0 ? ` drawn by the EMA generator (weights averaged over the steps, β ${c.emaDecay})` : '';
    report.png(
      latest.png,
      `After epoch ${latest.epoch}: the same ${gridDigits} noise vectors every epoch${classCount > 0 ? ` (each row the digits 0 to ${classCount - 1})` : ''}${by}.`,
      { pixelated: true, width: 480 },
    );
    for (const grid of spaced(grids.slice(0, -1), maxGrids - 1)) {
      report.png(grid.png, `epoch ${grid.epoch}`, { pixelated: true, width: 220 });
    }
  }

  report.section(`${heading}Quality per epoch`);
  const f = (x: number | undefined, digits: number) => (x === undefined || !Number.isFinite(x) ? '' : x.toFixed(digits));
  const rows = run.epochs.map((e) => [
    String(e.epoch),
    e.complete ? String(e.steps) : `${e.steps} (stopped)`,
    f(e.dLoss, 3),
    f(e.gLoss, 3),
    f(e.dReal, 2),
    f(e.dFake, 2),
    f(e.fid, 1),
    f(e.mnistScore, 2),
    f(e.strayInk, 1),
    f(e.isolatedPixels, 3),
  ]);
  if (run.realDigits) {
    const { count, fid, mnistScore, strayInk, isolatedPixels } = run.realDigits;
    rows.push([`real digits (${count})`, '', '', '', '', '', f(fid, 1), f(mnistScore, 2), f(strayInk, 1), f(isolatedPixels, 3)]);
  }
  report.table(rows, [
    'epoch',
    'steps',
    'D loss',
    'G loss',
    'D(x)',
    'D(G(z))',
    'FID ↓',
    'MNIST score ↑',
    'stray ink ↓',
    'isolated pixels ↓',
  ]);
  if (run.realDigits) {
    report.text(
      `For scale, ${run.realDigits.count.toLocaleString('en-US')} real training digits score FID ${run.realDigits.fid.toFixed(1)} and MNIST score ${run.realDigits.mnistScore.toFixed(2)}: what a perfect generator would reach.`,
    );
  }
  report.text(
    'FID: Fréchet distance between classifier features of generated and real digits (lower is closer to real). MNIST score: the Inception-score analogue from the same classifier, exp(E KL(p(y|x) ‖ p(y))), 1 to 10 (higher means confident and varied digits). Stray ink: pixels per digit inked (a quarter of full brightness or more) outside its largest connected blob, the specks and smudges around a digit (real MNIST: about 0.2). Isolated pixels: pixels per digit at half brightness or more with no ink among their 8 neighbours, single-pixel specks on the background (real MNIST: about 0.002; the brightest pixel of a faint smudge is not one).' +
      (last?.mnistScore !== undefined ? ` Last epoch: FID ${last.fid?.toFixed(1)}, MNIST score ${last.mnistScore.toFixed(2)}.` : ''),
  );
  return report;
}
