import { ConvMathError, explainConv2d } from '../index';
import { matrixText } from '../_math-text';
import { choice, integerPair, paddingValue, parse, parseJson, requireValue } from './_args';

export const explainUsage =
  "conv-math explain --x '[[…]]' --w '[[…]]' [-P <pad|h,w|t,b,l,r|valid|same|full>] [-S <s|h,w>] [-D <d|h,w>] [--bias N] [--flip] [--format md|latex|json|text]";

/** `conv-math explain`: the worked solution of a single-channel convolution. */
export function explainCommand(args: string[]): string {
  const { values } = parse('explain', args, {
    x: { type: 'string' },
    w: { type: 'string' },
    padding: { type: 'string', short: 'P' },
    stride: { type: 'string', short: 'S' },
    dilation: { type: 'string', short: 'D' },
    bias: { type: 'string' },
    flip: { type: 'boolean' },
    format: { type: 'string' },
  });
  const format = choice('--format', values.format as string | undefined, ['md', 'latex', 'json', 'text'], 'md');
  const x = parseJson('--x', requireValue('explain', values, 'x', '--x (the input as JSON)'));
  const w = parseJson('--w', requireValue('explain', values, 'w', '--w (the kernel as JSON)'));
  let bias: number | undefined;
  if (values.bias !== undefined) {
    bias = Number(values.bias);
    if (!Number.isFinite(bias) || String(values.bias).trim() === '')
      throw new ConvMathError(`--bias must be a number; found ${JSON.stringify(values.bias)}`);
  }
  const explanation = explainConv2d(x as number[][], w as number[][], {
    padding: paddingValue('-P', values.padding as string | undefined, 4),
    stride: integerPair('-S', values.stride as string | undefined),
    dilation: integerPair('-D', values.dilation as string | undefined),
    bias,
    flipKernel: values.flip === true,
  });
  if (format === 'latex') return explanation.latex;
  if (format === 'json') return JSON.stringify(explanation);
  if (format === 'text') return matrixText(explanation.result);
  return explanation.markdown;
}
