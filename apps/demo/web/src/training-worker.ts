// The module Web Worker that trains: the page posts requests (worker-protocol.ts) and shows what comes
// back; a step never runs on the page's thread, so the page never freezes. One worker per run.
import { createRunControl } from './run-control';
import { startBackend } from './start-backend';
import { trainGanSession } from './train-gan';
import { trainVaeSession } from './train-vae';
import type { TrainingSession } from './training-session';
import type { FromWorker, ToWorker } from './worker-protocol';
import { errorText } from './error-text';

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const post = (message: FromWorker, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

const control = createRunControl();
let session: TrainingSession | undefined;

scope.onmessage = ({ data: request }) => {
  switch (request.type) {
    case 'start':
      void start(request.settings, request.checkpoint);
      break;
    case 'pause':
      control.pause();
      post({ type: 'paused' });
      break;
    case 'resume':
      control.resume();
      post({ type: 'resumed' });
      break;
    case 'stop':
      control.stop();
      break;
    case 'save-checkpoint':
      void reply(async () => {
        const { bytes, name } = await need(session).checkpoint();
        post({ type: 'checkpoint', bytes, name }, [bytes.buffer]);
      });
      break;
    case 'export-model':
      void reply(async () => {
        const artifacts = await need(session).exportModel();
        const { weightData, weightSpecs, modelTopology, ...rest } = artifacts;
        const weights = weightData instanceof ArrayBuffer ? weightData : new Blob(weightData as ArrayBuffer[]).arrayBuffer();
        const modelJson = JSON.stringify(
          { ...rest, modelTopology, weightsManifest: [{ paths: ['weights.bin'], weights: weightSpecs }] },
          null,
          1,
        );
        post({ type: 'model', modelJson, weights: await weights });
      });
      break;
  }
};

async function start(settings: Extract<ToWorker, { type: 'start' }>['settings'], checkpoint: Uint8Array | undefined) {
  try {
    post({ type: 'status', text: `starting ${settings.backend}…` });
    post({ type: 'backend', ...(await startBackend(settings.backend)) });
    const open = settings.kind === 'gan' ? trainGanSession : trainVaeSession;
    session = await open(settings, checkpoint, control, post);
    await session.run();
  } catch (error) {
    post({ type: 'error', message: errorText(error) });
  }
}

async function reply(work: () => Promise<void>) {
  try {
    await work();
  } catch (error) {
    post({ type: 'error', message: errorText(error) });
  }
}

function need(current: TrainingSession | undefined): TrainingSession {
  if (!current) throw new Error('nothing to save yet: the run has not started training');
  return current;
}
