import { lstmAnswer } from '../assignment/lstm-answer';
import { CliError } from '../cli-error';
import { formatTable } from '../format-table';

/** Options of {@link runLstm}. */
export interface LstmOptions {
  seed: number;
}

/** `demo lstm`: Q2 in the terminal — the BPTT formulas, the seed's mistakes beside them, a gradient check. */
export async function runLstm(options: LstmOptions): Promise<void> {
  const a = lstmAnswer(options.seed);
  const lines = ['# Q2 — LSTM backpropagation through time (computed by @dlkit/lstm-grad)', ''];
  for (const stage of ['forward', 'backward'] as const) {
    lines.push(stage === 'forward' ? '## The model' : '## Gradients, in the order BPTT computes them', '');
    for (const f of a.formulas.filter((formula) => formula.stage === stage)) {
      lines.push(`  ${f.markdown}`);
      if (f.seedMistake) lines.push(`    ✗ the seed wrote: ${f.seedMistake.markdown} — ${f.seedMistake.explanation}`);
    }
    lines.push('');
  }
  const { steps, batch, input, hidden } = a.sizes;
  lines.push(
    `## Gradient check: analytic BPTT vs central differences (float64, T=${steps}, batch ${batch}, X=${input}, H=${hidden}, eps ${a.check.eps})`,
    '',
    formatTable(
      ['parameter', 'entries', 'max abs error', 'max rel error', 'passed'],
      a.check.rows.map((row) => [
        row.parameter,
        String(row.entries),
        row.maxAbsError.toExponential(2),
        row.maxRelativeError.toExponential(2),
        row.passed ? 'yes' : 'NO',
      ]),
    ),
    '',
    a.check.passed
      ? `Every gradient agrees to within ${a.check.tolerance.toExponential(0)} relative error.`
      : `Some gradients disagree beyond ${a.check.tolerance.toExponential(0)}.`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  if (!a.check.passed)
    throw new CliError(`gradient check failed: max relative error ${a.check.maxRelativeError.toExponential(2)} > ${a.check.tolerance}`);
}
