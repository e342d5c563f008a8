/**
 * Where a trainer's checkpoints go when no file path is given (browsers, or any store): called with the
 * checkpoint's bytes (what the path form would write to the file) and the step they hold; resolves to
 * where they went (a URL, a key), which the checkpoint event and the divergence message show.
 * @example
 * const sink: CheckpointSink = async (bytes, step) => {
 *   await cache.put(`run/step-${step}`, new Response(bytes));
 *   return `cache:run/step-${step}`;
 * };
 */
export type CheckpointSink = (bytes: Uint8Array, step: number) => string | Promise<string>;
