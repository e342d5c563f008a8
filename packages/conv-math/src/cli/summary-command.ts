import { formatNetworkSummary, summarizeNetwork } from '../index';
import { choice, integer, parse } from './_args';
import { networkArg } from './_network-arg';

export const summaryUsage = 'conv-math summary <lenet5|lenet5-reduced|network.json|-> [--batch N] [--bytes N] [--format text|json|md]';

/** `conv-math summary`: a network's table of shapes, parameters and MACs. */
export function summaryCommand(args: string[], readStdin: () => string): string {
  const { values, positionals } = parse(
    'summary',
    args,
    { batch: { type: 'string' }, bytes: { type: 'string' }, format: { type: 'string' } },
    1,
  );
  const format = choice('--format', values.format as string | undefined, ['text', 'json', 'md'], 'text');
  const network = networkArg('summary', positionals[0], readStdin);
  const summary = summarizeNetwork(network, {
    batch: integer('--batch', values.batch as string | undefined),
    bytesPerValue: integer('--bytes', values.bytes as string | undefined),
  });
  return formatNetworkSummary(summary, format === 'md' ? 'markdown' : format);
}
