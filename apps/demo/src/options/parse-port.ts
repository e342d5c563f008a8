import { InvalidArgumentError } from 'commander';

/** Commander argument parser for --port: a whole number from 0 to 65535 (0: any free port). */
export function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n > 65535) {
    throw new InvalidArgumentError('expected a port number from 0 to 65535 (0: any free port).');
  }
  return n;
}
