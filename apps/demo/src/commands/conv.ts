import { convAnswer } from '../assignment/conv-answer';
import { formatTable } from '../format-table';

const shape = (s: readonly number[]) => s.join('×');
const int = (n: number | null) => (n === null ? '—' : n.toLocaleString('en-US'));

/** `demo conv`: Q1 in the terminal — the worked convolution, the size formula, LeNet and reductions. */
export async function runConv(): Promise<void> {
  const a = convAnswer();
  const { layer, size, params } = a.lenetFirst;
  const text = [
    '# Q1 — Convolutional networks (computed by @dlkit/conv-math)',
    '',
    a.worked.markdown,
    '',
    '### Output size: O = (L + 2P − F)/S + 1 (rounded down when S does not divide evenly)',
    '',
    a.sizeFormula.markdown,
    '',
    `### LeNet-5, first layer (${layer.name}): output ${shape(layer.outputShape)}, ${int(layer.params)} parameters`,
    '',
    size.markdown,
    params.markdown,
    '',
    a.lenetText,
    '',
    `### Fewer parameters in ${layer.name} (${int(layer.params)} now)`,
    '',
    formatTable(
      ['technique', 'change', 'params', 'output', 'MACs', 'network params'],
      a.reductions.map((r) => [
        r.technique,
        r.title,
        int(r.after.params),
        shape(r.after.outputShape),
        int(r.after.macs),
        r.network.paramsAfter === null ? 'later layers no longer fit' : int(r.network.paramsAfter),
      ]),
    ),
    '',
    ...a.reductions.map((r) => `- ${r.title}: ${r.downstream}`),
  ];
  process.stdout.write(`${text.join('\n')}\n`);
}
