import { ConvMathError } from '../index';
import { UsageError } from './_args';
import { convCommand, convUsage } from './conv-command';
import { explainCommand, explainUsage } from './explain-command';
import { paramsCommand, paramsUsage } from './params-command';
import { sizeCommand, sizeUsage } from './size-command';
import { suggestCommand, suggestUsage } from './suggest-command';
import { summaryCommand, summaryUsage } from './summary-command';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => string;
  version: string;
}

export const usage = `conv-math: convolution arithmetic with worked solutions

  ${sizeUsage}
  ${summaryUsage}
  ${explainUsage}
  ${convUsage}
  ${paramsUsage}
  ${suggestUsage}

Examples:
  conv-math size -L 32 -F 5 -P 0 -S 1
  conv-math summary lenet5
  conv-math explain --x '[[1,2,3,4],[5,6,7,8],[9,10,11,12],[13,14,15,16]]' --w '[[4,2],[5,1]]' -P 1 -S 2
  echo '{"x": [[1,2],[3,4]], "w": [[1,0],[0,1]]}' | conv-math conv
  conv-math summary < network.json

Exit status: 0 on success, 1 for bad input, 2 for a usage mistake.`;

const commands: Record<string, (args: string[], io: CliIo) => string> = {
  size: sizeCommand,
  summary: (args, io) => summaryCommand(args, io.readStdin),
  explain: explainCommand,
  conv: (args, io) => convCommand(args, io.readStdin),
  params: paramsCommand,
  suggest: (args, io) => suggestCommand(args, io.readStdin),
};

/** Runs one command line; returns the exit status. Every failure becomes one line on stderr. */
export function runCli(argv: string[], io: CliIo): number {
  const [command, ...args] = argv;
  try {
    if (command === undefined)
      throw new UsageError(`missing command; expected one of ${Object.keys(commands).join(', ')} (see conv-math --help)`);
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stdout(`${usage}\n`);
      return 0;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${io.version}\n`);
      return 0;
    }
    const run = commands[command];
    if (run === undefined || !Object.hasOwn(commands, command)) {
      throw new UsageError(
        `unknown command ${JSON.stringify(command)}; expected one of ${Object.keys(commands).join(', ')} (see conv-math --help)`,
      );
    }
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout(`${usage}\n`);
      return 0;
    }
    io.stdout(`${run(args, io)}\n`);
    return 0;
  } catch (error) {
    const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ');
    if (error instanceof UsageError) {
      io.stderr(`conv-math: ${oneLine(error.message)}\n`);
      return 2;
    }
    if (error instanceof ConvMathError) {
      io.stderr(`conv-math: ${oneLine(error.message)}\n`);
      return 1;
    }
    io.stderr(`conv-math: internal error: ${oneLine(String((error as Error)?.message ?? error))} (please report this)\n`);
    return 1;
  }
}
