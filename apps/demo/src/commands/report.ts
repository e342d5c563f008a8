import { CliError } from '../cli-error';

/** Options of runReport. */
export type ReportOptions = Record<string, unknown>;

/** Placeholder until the package it shows lands. */
export async function runReport(_options: ReportOptions = {}): Promise<void> {
  throw new CliError('demo report is not wired up yet');
}
