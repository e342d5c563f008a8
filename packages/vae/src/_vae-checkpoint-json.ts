import * as tf from '@tensorflow/tfjs-core';
import { fromBase64, toBase64 } from './_base64';
import { VaeModel } from './_vae-model';
import { VaeTrainerState } from './_vae-trainer';
import type { VaeTrainer } from './create-vae-trainer';
import { resolveVaeConfig } from './vae-config';
import { VaeError } from './vae-error';
import type { VaeHistory } from './vae-history';

// The checkpoint as JSON text, browser-safe: vae-checkpoint-bytes.ts keeps it as bytes, vae-checkpoint.ts (Node) as a file.

const format = 'dlkit-vae-checkpoint';
const version = 1;

interface EncodedArray {
  name: string;
  shape: number[];
  /** Little-endian float32 bytes, base64: bit-exact. */
  data: string;
}

interface CheckpointFile {
  format: typeof format;
  version: typeof version;
  config: unknown;
  stepCount: number;
  stepsPerEpoch: number | null;
  /** Images of the data trainVae trained on; absent from files written before it was kept (still version 1). */
  imageCount?: number | null;
  history: VaeHistory;
  weights: EncodedArray[];
  optimizer: { iterations: number; moments: EncodedArray[] };
}

/** The checkpoint JSON; errors name `caller`. */
export async function checkpointText(trainer: VaeTrainer, caller: string): Promise<string> {
  const state = trainer as VaeTrainerState;
  if (!(state instanceof VaeTrainerState)) throw new VaeError(`${caller}: trainer must come from createVaeTrainer or loadVaeCheckpoint`);
  if (state.vae.isDisposed) throw new VaeError(`${caller}: this trainer has been disposed`);
  const names = state.vae.variableNames;
  const weights = await Promise.all(state.vae.variables.map(async (v, i) => encode(names[i]!, v.shape, (await v.data()) as Float32Array)));
  const { optimizer } = state;
  const momentNames = names.flatMap((name) => [`${name}/m`, `${name}/v`]);
  const moments = optimizer.firstMoments.flatMap((m, i) => [m, optimizer.secondMoments[i]!]);
  const file: CheckpointFile = {
    format,
    version,
    config: state.config,
    stepCount: state.stepCount,
    stepsPerEpoch: state.stepsPerEpoch,
    imageCount: state.imageCount,
    history: state.history,
    weights,
    optimizer: {
      iterations: optimizer.step,
      moments: await Promise.all(moments.map(async (m, i) => encode(momentNames[i]!, m.shape, (await m.data()) as Float32Array))),
    },
  };
  return JSON.stringify(file);
}

/** The trainer a checkpoint JSON holds; errors start with `where` (the caller and the source). */
export function trainerFromText(text: string, where: string): VaeTrainer {
  let file: CheckpointFile;
  try {
    file = JSON.parse(text);
  } catch {
    throw new VaeError(`${where} is not JSON, so not a VAE checkpoint`);
  }
  if (file?.format !== format)
    throw new VaeError(`${where} is not a VAE checkpoint (format '${String(file?.format)}', expected '${format}')`);
  if (file.version !== version) throw new VaeError(`${where} has version ${file.version}; this @dlkit/vae reads version ${version}`);
  const config = resolveVaeConfig(file.config as never);
  const initial = new Map<string, Float32Array>();
  for (const w of file.weights ?? []) initial.set(w.name, decode(w, where));
  if (!Number.isSafeInteger(file.stepCount) || file.stepCount < 0)
    throw new VaeError(`${where} has stepCount ${file.stepCount}, expected an integer ≥ 0`);
  let model: VaeModel;
  try {
    model = new VaeModel(config, initial);
  } catch (error) {
    throw new VaeError(`${where}: ${error instanceof Error ? error.message : String(error)}`, { kind: 'input', cause: error });
  }
  const missing = model.variableNames.filter((name) => !initial.has(name));
  if (missing.length > 0) {
    model.dispose();
    throw new VaeError(`${where} lacks weights ${missing.join(', ')}`);
  }
  const state = new VaeTrainerState(model);
  const moments = file.optimizer?.moments ?? [];
  const iterations = file.optimizer?.iterations;
  if (moments.length !== 2 * model.variables.length || !Number.isSafeInteger(iterations) || iterations < 0) {
    state.dispose();
    throw new VaeError(
      `${where} has ${moments.length} Adam moments and step ${iterations}, expected ${2 * model.variables.length} and an integer ≥ 0`,
    );
  }
  moments.forEach((m, i) => {
    const target = (i % 2 === 0 ? state.optimizer.firstMoments : state.optimizer.secondMoments)[Math.floor(i / 2)]!;
    const values = decode(m, where);
    if (values.length !== target.size) {
      state.dispose();
      throw new VaeError(`${where}: Adam moment ${m.name} has ${values.length} values, expected ${target.size}`);
    }
    tf.tidy(() => target.assign(tf.tensor(values, target.shape)));
  });
  state.optimizer.step = iterations;
  state.stepCount = file.stepCount;
  state.stepsPerEpoch = Number.isSafeInteger(file.stepsPerEpoch) ? file.stepsPerEpoch : null;
  state.imageCount = Number.isSafeInteger(file.imageCount) && file.imageCount! > 0 ? file.imageCount! : null;
  state.history.steps.push(...(file.history?.steps ?? []));
  state.history.epochs.push(...(file.history?.epochs ?? []));
  return state;
}

function encode(name: string, shape: number[], values: Float32Array): EncodedArray {
  return { name, shape, data: toBase64(new Uint8Array(values.buffer, values.byteOffset, values.byteLength)) };
}

function decode(array: EncodedArray, where: string): Float32Array {
  if (typeof array?.data !== 'string') throw new VaeError(`${where}: array ${String(array?.name)} has no data`);
  const bytes = fromBase64(array.data);
  if (bytes === undefined) throw new VaeError(`${where}: array ${array.name} is not base64`);
  if (bytes.byteLength % 4 !== 0) throw new VaeError(`${where}: array ${array.name} is not float32 data (${bytes.byteLength} bytes)`);
  return new Float32Array(bytes.buffer);
}
