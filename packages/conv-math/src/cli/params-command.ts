import { explainParamCount, type ParamCountLayer } from '../index';
import { choice, integer, integerPair, parse, requireValue } from './_args';

export const paramsUsage =
  'conv-math params --in N --out N [-F <k|kh,kw>] [--groups N] [--no-bias] [--type conv2d|dense|depthwiseSeparable] [--format text|json|md|latex]';

/** `conv-math params`: a layer's parameter count, or its worked formula. */
export function paramsCommand(args: string[]): string {
  const { values } = parse('params', args, {
    in: { type: 'string' },
    out: { type: 'string' },
    kernel: { type: 'string', short: 'F' },
    groups: { type: 'string' },
    'no-bias': { type: 'boolean' },
    type: { type: 'string' },
    format: { type: 'string' },
  });
  const format = choice('--format', values.format as string | undefined, ['text', 'json', 'md', 'latex'], 'text');
  const type = choice('--type', values.type as string | undefined, ['conv2d', 'dense', 'depthwiseSeparable'], 'conv2d');
  const inCount = integer('--in', requireValue('params', values, 'in', '--in (input channels or features)'))!;
  const outCount = integer('--out', requireValue('params', values, 'out', '--out (output channels or features)'))!;
  const bias = values['no-bias'] !== true;
  let layer: ParamCountLayer;
  if (type === 'dense') layer = { type, inFeatures: inCount, outFeatures: outCount, bias };
  else {
    const kernel = integerPair('-F', requireValue('params', values, 'kernel', '-F (kernel size)'))!;
    layer =
      type === 'conv2d'
        ? {
            type,
            inChannels: inCount,
            outChannels: outCount,
            kernel,
            groups: integer('--groups', values.groups as string | undefined),
            bias,
          }
        : { type, inChannels: inCount, outChannels: outCount, kernel, bias };
  }
  const explanation = explainParamCount(layer);
  if (format === 'md') return explanation.markdown;
  if (format === 'latex') return explanation.latex;
  if (format === 'json') return JSON.stringify({ ...layer, params: explanation.params });
  return String(explanation.params);
}
