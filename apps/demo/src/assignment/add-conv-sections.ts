import type { Report } from '@dlkit/plot';
import type { ConvAnswer } from './conv-answer';
import { seedAnswerKey, seedW, seedX } from './conv-answer';

const shape = (s: readonly number[]) => s.join('×');
const int = (n: number) => n.toLocaleString('en-US');
const matrixLines = (rows: readonly (readonly number[])[]) => {
  const width = Math.max(...rows.flat().map((v) => String(v).length));
  return rows.map((row) => row.map((v) => String(v).padStart(width)).join(' '));
};
/** Matrices side by side under their titles, as one monospace block. */
const sideBySide = (blocks: readonly (readonly [string, readonly (readonly number[])[]])[]) => {
  const columns = blocks.map(([title, rows]) => [title, ...matrixLines(rows)]);
  const widths = columns.map((lines) => Math.max(...lines.map((line) => line.length)));
  const height = Math.max(...columns.map((lines) => lines.length));
  return Array.from({ length: height }, (_, r) =>
    columns
      .map((lines, c) => (lines[r] ?? '').padEnd(widths[c]!))
      .join('    ')
      .trimEnd(),
  ).join('\n');
};
/** Markdown's hard line break (two trailing spaces) means nothing in a code block. */
const plain = (markdown: string) => markdown.replace(/ {2}$/gm, '');

/** Compares the computed result with the assignment's printed key, cell by cell, and says where they differ. */
function answerKeyCheck(result: readonly (readonly number[])[]): string {
  const differences = seedAnswerKey.flatMap((row, i) =>
    row.flatMap((printed, j) =>
      result[i]?.[j] === printed ? [] : [`O[${i}][${j}] is ${result[i]?.[j]}, where the key prints ${printed}`],
    ),
  );
  if (differences.length === 0) return "The result matches the assignment's answer key cell by cell.";
  return `The assignment's answer key differs in ${differences.length === 1 ? 'one cell' : `${differences.length} cells`}: ${differences.join('; ')}. The sums above show the arithmetic, and tfjs's conv2d gives the same result as ours (tested in @dlkit/conv-math); the key has an arithmetic slip.`;
}

/** Q1 as report sections: the worked convolution, the size formula, LeNet's first layer, reductions. */
export function addConvSections(report: Report, a: ConvAnswer): Report {
  const cells = a.worked.markdown
    .split('\n')
    .filter((line) => line.startsWith('- O['))
    .map((line) => line.slice(2))
    .join('\n');
  const { layer, size, params } = a.lenetFirst;
  const seedReduction = a.reductions.find((r) => r.technique === 'fewer-smaller-strided');
  report
    .section('Q1.1 — Convolution with padding 1 and stride 2')
    .text(
      'Frameworks define the convolution as a cross-correlation: (x ∗ w)_ij = Σ_k Σ_l x_{k+i, l+j} · w_kl, here over the zero-padded input with the window moved by the stride.',
    )
    .code(
      sideBySide([
        ['x', seedX],
        ['w', seedW],
        ['x padded by 1', a.worked.padded],
        ['x ∗ w (stride 2)', a.worked.result],
      ]),
    )
    .text('Each output cell is the window of the padded input under the kernel, multiplied entry by entry and summed (indices from 0):')
    .code(cells)
    .text(answerKeyCheck(a.worked.result))
    .section('Q1.2 — Output size')
    .text(
      'For input size L, filter size F, padding P and stride S: O = (L + 2P − F)/S + 1, rounded down when S does not divide L + 2P − F (what PyTorch and TensorFlow do). With dilation D the filter spans D·(F − 1) + 1 inputs, and with asymmetric padding 2P becomes P_before + P_after.',
    )
    .code(a.sizeExamples.map((e) => plain(e.markdown)).join('\n\n'))
    .section('Q1.3 — LeNet-5, first layer')
    .text(
      `Input 32×32 grey image; ${layer.name} has ${layer.outputShape[0]} filters of 5×5, no padding, stride 1: output ${shape(layer.outputShape)} and ${layer.params.toLocaleString('en-US')} parameters.`,
    )
    .code(`${plain(size.markdown)}\n${plain(params.markdown)}`)
    .table(
      a.lenet.layers.map((l) => [`${l.name} (${l.type})`, shape(l.outputShape), int(l.params), int(l.macs)]),
      ['layer', 'output', 'parameters', 'MACs'],
    )
    .text(`Total: ${a.lenet.totals.params.toLocaleString('en-US')} parameters.`)
    .section('Q1.4 — Fewer parameters in the first layer')
    .text(
      seedReduction
        ? `The seed's proposal, ${seedReduction.title}, has ${seedReduction.after.params} parameters instead of ${seedReduction.before.params}, output ${shape(seedReduction.after.outputShape)}. The table lists the standard alternatives with their exact counts.`
        : 'The standard ways to cut the first layer, with exact counts:',
    )
    .table(
      a.reductions.map((r) => [
        r.title,
        int(r.after.params),
        shape(r.after.outputShape),
        int(r.after.macs),
        r.network.paramsAfter === null ? 'later layers no longer fit' : int(r.network.paramsAfter),
        r.downstream,
      ]),
      ['change', 'parameters', 'output', 'MACs', 'network parameters', 'downstream'],
    );
  return report;
}
