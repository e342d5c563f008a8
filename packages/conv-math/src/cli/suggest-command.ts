import { suggestReductions } from '../index';
import { formatShape, groupDigits } from '../_format-number';
import { choice, integer, parse } from './_args';
import { networkArg } from './_network-arg';

export const suggestUsage =
  'conv-math suggest <lenet5|lenet5-reduced|network.json|-> [--layer NAME|INDEX] [--filters N] [--kernel N] [--stride N] [--bottleneck N] [--format text|json|md]';

/** `conv-math suggest`: ways to cut a layer's parameters, with exact counts. */
export function suggestCommand(args: string[], readStdin: () => string): string {
  const { values, positionals } = parse(
    'suggest',
    args,
    {
      layer: { type: 'string' },
      filters: { type: 'string' },
      kernel: { type: 'string' },
      stride: { type: 'string' },
      bottleneck: { type: 'string' },
      format: { type: 'string' },
    },
    1,
  );
  const format = choice('--format', values.format as string | undefined, ['text', 'json', 'md'], 'text');
  const network = networkArg('suggest', positionals[0], readStdin);
  const layerText = values.layer as string | undefined;
  const reductions = suggestReductions(network, {
    layer: layerText !== undefined && /^\d+$/.test(layerText) ? Number(layerText) : layerText,
    filters: integer('--filters', values.filters as string | undefined),
    kernel: integer('--kernel', values.kernel as string | undefined),
    stride: integer('--stride', values.stride as string | undefined),
    bottleneck: integer('--bottleneck', values.bottleneck as string | undefined),
  });
  if (format === 'json') return JSON.stringify(reductions, null, 2);
  const lines = reductions.map((r) => {
    const head = `${r.layer}: ${r.title} — params ${groupDigits(r.before.params)} → ${groupDigits(r.after.params)}, output ${formatShape(
      r.before.outputShape,
    )} → ${formatShape(r.after.outputShape)}, MACs ${groupDigits(r.before.macs)} → ${groupDigits(r.after.macs)}`;
    return format === 'md' ? `- **${head}**  \n  ${r.downstream}` : `${head}\n    ${r.downstream}`;
  });
  return lines.join('\n');
}
