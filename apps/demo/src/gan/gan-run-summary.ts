import type { GanConfig, GanQuality, GanStepRecord } from '@dlkit/gan';
import type { EpochRow } from './losses-csv';
import { parseJson } from '../output/parse-json';

/** The metrics of real training digits and how many were scored; older summaries lack strayInk and isolatedPixels. */
export type RealDigitsMarks = Omit<GanQuality, 'strayInk' | 'isolatedPixels'> &
  Partial<Pick<GanQuality, 'strayInk' | 'isolatedPixels'>> & { count: number };

/** What losses.json holds: the run's settings and every step and epoch, enough to redraw the report. */
export interface GanRunSummary {
  /** Format of this file. */
  format: 'dlkit-demo-gan-run@1';
  config: GanConfig;
  stepsPerEpoch: number;
  /** The backend the last session ran on, in words. */
  backend: string;
  /** The training data, in words. */
  data: string;
  /** 'completed', or what stopped the run early. */
  status: string;
  /**
   * What the metrics give `count` real training digits: what a perfect generator would reach (strayInk and
   * isolatedPixels are absent from summaries written before they were measured).
   */
  realDigits?: RealDigitsMarks;
  /** Seconds of training over every session of the run (a resumed session adds its own). */
  seconds: number;
  steps: GanStepRecord[];
  epochs: EpochRow[];
}

/** Reads losses.json back; throws a one-line Error when it is not a demo run's summary. */
export function parseGanRunSummary(text: string, where: string): GanRunSummary {
  const summary = parseJson(text, where) as Partial<GanRunSummary> | null;
  if (summary?.format !== 'dlkit-demo-gan-run@1' || !Array.isArray(summary.steps) || !Array.isArray(summary.epochs)) {
    throw new Error(`${where} is not a dlkit-demo GAN run (expected format 'dlkit-demo-gan-run@1' with steps and epochs)`);
  }
  return summary as GanRunSummary;
}
