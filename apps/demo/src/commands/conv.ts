import { CliError } from '../cli-error';

/** Options of runConv. */
export type ConvOptions = Record<string, unknown>;

/** Placeholder until the package it shows lands. */
export async function runConv(_options: ConvOptions = {}): Promise<void> {
  throw new CliError('demo conv is not wired up yet');
}
