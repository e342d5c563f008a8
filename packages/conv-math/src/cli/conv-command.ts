import { ConvMathError, conv1d, conv2d } from '../index';
import { matrixText } from '../_math-text';
import { choice, parse, parseJson } from './_args';

export const convUsage = 'echo \'{"x": [[…]], "w": [[…]], "padding": 1, "stride": 2}\' | conv-math conv [--format json|text]';

const keys = ['x', 'w', 'b', 'bias', 'padding', 'stride', 'dilation', 'groups', 'flipKernel'];

/**
 * `conv-math conv`: reads {x, w, b?, padding, stride, dilation, groups, flipKernel} as JSON and
 * writes the output. x and w: 2-D (one channel) or 4-D (NCHW, [Cout, Cin/groups, kH, kW]); 1-D and
 * 3-D ([N, C, L]) run conv1d.
 */
export function convCommand(args: string[], readStdin: () => string): string {
  const { values } = parse('conv', args, { format: { type: 'string' } });
  const format = choice('--format', values.format as string | undefined, ['json', 'text'], 'json');
  const text = readStdin();
  if (text.trim() === '') throw new ConvMathError(`conv reads JSON on stdin; found nothing (try: ${convUsage})`);
  const job = parseJson('stdin', text);
  if (typeof job !== 'object' || job === null || Array.isArray(job)) {
    throw new ConvMathError('stdin must hold a JSON object {x, w, b?, padding?, stride?, dilation?, groups?}');
  }
  const unknown = Object.keys(job).filter((key) => !keys.includes(key));
  if (unknown.length > 0) throw new ConvMathError(`unknown key ${JSON.stringify(unknown[0])} in the JSON; expected ${keys.join(', ')}`);
  const { x, w, b, bias, padding, stride, dilation, groups, flipKernel } = job as Record<string, unknown>;
  if (x === undefined || w === undefined)
    throw new ConvMathError(`the JSON needs both "x" and "w"; found ${x === undefined ? 'no x' : 'no w'}`);
  if (b !== undefined && bias !== undefined) throw new ConvMathError('give the bias as "b" or "bias", not both');
  if (flipKernel !== undefined && typeof flipKernel !== 'boolean')
    throw new ConvMathError(`flipKernel must be true or false; found ${JSON.stringify(flipKernel)}`);
  const depth = (value: unknown) => {
    let d = 0;
    while (Array.isArray(value)) {
      d++;
      value = value[0];
    }
    return d;
  };
  const options = { padding, stride, dilation, groups, bias: b ?? bias, flipKernel } as never;
  const dims = depth(x);
  let y: unknown;
  if (dims === 1 || dims === 3) y = conv1d(x as never, w as never, options);
  else if (dims === 2 || dims === 4) y = conv2d(x as never, w as never, options);
  else throw new ConvMathError(`x must be a nested array of depth 1 to 4 (2-D for one channel, 4-D NCHW); found depth ${dims}`);
  if (format === 'text') {
    if (dims === 2) return matrixText(y as number[][]);
    if (dims === 1) return matrixText([y as number[]]);
  }
  return JSON.stringify(y);
}
