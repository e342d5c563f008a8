import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

/** Decodes a PNG file (throws if it is not one) and returns its size. */
export function readPng(path: string): { width: number; height: number } {
  const png = PNG.sync.read(readFileSync(path));
  return { width: png.width, height: png.height };
}

/** Parses a CSV file of numbers into its header and rows (empty cells become NaN). */
export function readCsv(path: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
  return { header: lines[0]!.split(','), rows: lines.slice(1).map((line) => line.split(',')) };
}

export interface RunJson {
  format: string;
  stepsPerEpoch: number;
  status: string;
  config: { batchSize: number; model: string; seed: number; emaDecay?: number; generatorTopFraction?: number };
  steps: { epoch: number; step: number; dLoss: number; gLoss: number; dReal: number; dFake: number }[];
  epochs: { epoch: number; steps: number; dLoss: number; gLoss: number; fid?: number; mnistScore?: number; complete: boolean }[];
}

export function readRun(out: string): RunJson {
  return JSON.parse(readFileSync(join(out, 'losses.json'), 'utf8')) as RunJson;
}
