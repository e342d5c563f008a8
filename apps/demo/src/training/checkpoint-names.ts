/**
 * Each training command's checkpoint file, by what it trains. A folder holding one holds that run:
 * --resume continues it, a fresh run refuses it without --force, and the other command keeps out.
 */
export const checkpointNames = { GAN: 'gan-checkpoint.bin', VAE: 'vae-checkpoint.json' } as const;

/** What a training command trains: 'GAN' (`demo gan`) or 'VAE' (`demo vae train`). */
export type TrainingKind = keyof typeof checkpointNames;
