import { displayPath } from '../display-path';
import type { TrainingOptions } from './training-options';

/**
 * The command that continues a training run: `command` with --resume, the target epoch, and the flags
 * that must stay the same (data, limit, and the output folder when the user chose one).
 */
export function resumeCommand(command: string, options: TrainingOptions, out: string, epochs: number): string {
  return [
    `${command} --resume`,
    `--epochs ${epochs}`,
    options.data !== 'embedded' ? `--data ${options.data}` : '',
    options.limit !== undefined ? `--limit ${options.limit}` : '',
    options.explicit.has('out') ? `--out ${displayPath(out)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
