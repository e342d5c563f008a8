import { CliError } from '../cli-error';

/** Options of runLstm. */
export type LstmOptions = Record<string, unknown>;

/** Placeholder until the package it shows lands. */
export async function runLstm(_options: LstmOptions = {}): Promise<void> {
  throw new CliError('demo lstm is not wired up yet');
}
