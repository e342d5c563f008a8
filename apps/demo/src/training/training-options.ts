import type { BackendPreference } from '@dlkit/backend';

/** The flags every training command takes (`gan`, `vae train`), as the command line gives them. */
export interface TrainingOptions {
  epochs: number;
  batchSize: number;
  lr: number;
  data: string;
  limit?: number;
  backend: BackendPreference;
  seed: number;
  out: string;
  resume?: boolean;
  /** Start over in a folder that holds a run of this command, replacing it. */
  force?: boolean;
  quiet?: boolean;
  /** Flags the user typed (not defaults): a resumed run must not silently ignore them. */
  explicit: ReadonlySet<string>;
  backendFromCli: boolean;
}
