import type { Report } from '@dlkit/plot';
import type { LstmAnswer } from './lstm-answer';

/** Q2 as report sections: the formulas beside the seed's mistakes, and the gradient-check table. */
export function addLstmSections(report: Report, a: LstmAnswer): Report {
  const rows = (stage: 'forward' | 'backward') =>
    a.formulas
      .filter((f) => f.stage === stage)
      .map((f) => [f.markdown, f.seedMistake ? `✗ ${f.seedMistake.markdown}` : '✓', f.seedMistake?.explanation ?? f.note]);
  const { steps, batch, input, hidden } = a.sizes;
  report
    .section('Q2 — LSTM: the model')
    .table(rows('forward'), ['correct', 'the seed wrote', 'why'])
    .section('Q2 — Backpropagation through time, corrected')
    .text(
      'In the order BPTT computes them at step t, given the gradients arriving from step t+1. Hats are pre-activations; W_h and W_x are the columns of W that multiply h_{t−1} and x_t.',
    )
    .table(rows('backward'), ['correct', 'the seed wrote', 'why'])
    .section('Q2 — Gradient check')
    .text(
      `The float64 reference backward pass against fourth-order central differences (eps ${a.check.eps}) on a random LSTM with T = ${steps}, batch ${batch}, X = ${input}, H = ${hidden}, loss Σ_t ⟨h_t, r_t⟩ for a random r. ${a.check.passed ? 'Every gradient passes' : 'Some gradients FAIL'} at a tolerance of ${a.check.tolerance} relative error.`,
    )
    .table(
      a.check.rows.map((r) => [
        r.parameter,
        r.entries,
        r.maxAbsError.toExponential(2),
        r.maxRelativeError.toExponential(2),
        r.passed ? 'yes' : 'NO',
      ]),
      ['parameter', 'entries', 'max abs error', 'max relative error', 'passed'],
    );
  return report;
}
