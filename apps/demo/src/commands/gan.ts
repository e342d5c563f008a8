import { CliError } from '../cli-error';

/** Options of runGan. */
export type GanOptions = Record<string, unknown>;

/** Placeholder until the package it shows lands. */
export async function runGan(_options: GanOptions = {}): Promise<void> {
  throw new CliError('demo gan is not wired up yet');
}
