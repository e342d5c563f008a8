import type { ModelKind } from './worker-protocol';

/**
 * Which model a checkpoint file holds, from its first bytes: the GAN's binary checkpoint starts with
 * `DLKITGAN`, the VAE's is JSON. Anything else is no checkpoint of either (the worker checks the rest
 * when it restores the run: checksum, shapes, config).
 */
export function checkpointKind(bytes: Uint8Array): ModelKind | undefined {
  const head = new TextDecoder().decode(bytes.subarray(0, 64));
  if (head.startsWith('DLKITGAN')) return 'gan';
  if (/^\s*\{/.test(head) && head.includes('dlkit-vae-checkpoint')) return 'vae';
  return undefined;
}
