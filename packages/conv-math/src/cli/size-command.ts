import { convOutputSize, explainOutputSize, poolOutputSize, transposedConvOutputSize } from '../index';
import { choice, integer, paddingValue, parse, requireValue, UsageError } from './_args';

export const sizeUsage = `conv-math size -L <input> -F <kernel> [-P <pad|before,after|valid|same|full>] [-S <stride>] [-D <dilation>]
                [--mode floor|ceil|exact] [--pool] [--transposed [--output-padding N]] [--format text|json|md|latex]`;

/** `conv-math size`: one axis's output size, or its worked formula. */
export function sizeCommand(args: string[]): string {
  const { values } = parse('size', args, {
    input: { type: 'string', short: 'L' },
    kernel: { type: 'string', short: 'F' },
    padding: { type: 'string', short: 'P' },
    stride: { type: 'string', short: 'S' },
    dilation: { type: 'string', short: 'D' },
    mode: { type: 'string' },
    pool: { type: 'boolean' },
    transposed: { type: 'boolean' },
    'output-padding': { type: 'string' },
    format: { type: 'string' },
  });
  const format = choice('--format', values.format as string | undefined, ['text', 'json', 'md', 'latex'], 'text');
  const mode = choice('--mode', values.mode as string | undefined, ['floor', 'ceil', 'exact'], 'floor');
  const input = integer('-L', requireValue('size', values, 'input', '-L (input size)'))!;
  const kernel = integer('-F', requireValue('size', values, 'kernel', '-F (kernel size)'))!;
  const stride = integer('-S', values.stride as string | undefined);
  const dilation = integer('-D', values.dilation as string | undefined);
  const padding = paddingValue('-P', values.padding as string | undefined, 2);
  if (values.transposed) {
    if (format === 'md' || format === 'latex') throw new UsageError('size --transposed: --format must be text or json');
    if (typeof padding === 'string') throw new UsageError('size --transposed: -P must be a number or BEFORE,AFTER');
    const outputPadding = integer('--output-padding', values['output-padding'] as string | undefined);
    const output = transposedConvOutputSize({ input, kernel, stride, dilation, padding, outputPadding });
    return format === 'json'
      ? JSON.stringify({
          transposed: true,
          input,
          kernel,
          padding: padding ?? 0,
          stride: stride ?? 1,
          dilation: dilation ?? 1,
          outputPadding: outputPadding ?? 0,
          output,
        })
      : String(output);
  }
  if (values['output-padding'] !== undefined) throw new UsageError('size: --output-padding needs --transposed');
  const options = { input, kernel, padding, stride: stride ?? (values.pool ? kernel : undefined), dilation, mode };
  if (format === 'md') return explainOutputSize(options).markdown;
  if (format === 'latex') return explainOutputSize(options).latex;
  const output = values.pool ? poolOutputSize({ ...options, ceilMode: mode === 'ceil' }) : convOutputSize(options);
  return format === 'json'
    ? JSON.stringify({ input, kernel, padding: padding ?? 0, stride: options.stride ?? 1, dilation: dilation ?? 1, mode, output })
    : String(output);
}
