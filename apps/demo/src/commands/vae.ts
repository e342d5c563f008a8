import { CliError } from '../cli-error';

/** Options of runVae. */
export type VaeOptions = Record<string, unknown>;

/** Placeholder until the package it shows lands. */
export async function runVae(_options: VaeOptions = {}): Promise<void> {
  throw new CliError('demo vae is not wired up yet');
}
