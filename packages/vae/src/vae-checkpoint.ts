import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import writeFileAtomic from 'write-file-atomic';
import { VaeModel } from './_vae-model';
import { VaeTrainerState } from './_vae-trainer';
import type { VaeTrainer } from './create-vae-trainer';
import { resolveVaeConfig } from './vae-config';
import { VaeError } from './vae-error';
import type { VaeHistory } from './vae-history';

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
  history: VaeHistory;
  weights: EncodedArray[];
  optimizer: { iterations: number; moments: EncodedArray[] };
}

/**
 * Writes the trainer (weights, Adam state, step count, loss history, config) to one JSON file,
 * atomically (npm's write-file-atomic: a temporary file in the same folder, fsync, rename), so a crash
 * never leaves half a file.
 * Resolves to the path written.
 * @example
 * await saveVaeCheckpoint(trainer, 'out/vae-checkpoint.json');
 */
export async function saveVaeCheckpoint(trainer: VaeTrainer, path: string): Promise<string> {
  const state = trainer as VaeTrainerState;
  if (!(state instanceof VaeTrainerState))
    throw new VaeError('saveVaeCheckpoint: trainer must come from createVaeTrainer or loadVaeCheckpoint');
  if (state.vae.isDisposed) throw new VaeError('saveVaeCheckpoint: this trainer has been disposed');
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
    history: state.history,
    weights,
    optimizer: {
      iterations: optimizer.step,
      moments: await Promise.all(moments.map(async (m, i) => encode(momentNames[i]!, m.shape, (await m.data()) as Float32Array))),
    },
  };
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, JSON.stringify(file));
    return path;
  } catch (error) {
    throw new VaeError(`saveVaeCheckpoint: could not write ${path}: ${error instanceof Error ? error.message : String(error)}`, {
      kind: 'input',
      cause: error,
    });
  }
}

/**
 * Reads a checkpoint written by saveVaeCheckpoint back into a trainer that continues exactly where
 * the saved one stopped (same weights bit for bit, Adam state, step count, history).
 * A missing, malformed or mismatched file is one VaeError naming what is wrong.
 */
export async function loadVaeCheckpoint(path: string): Promise<VaeTrainer> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new VaeError(`loadVaeCheckpoint: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`, {
      kind: 'input',
      cause: error,
    });
  }
  let file: CheckpointFile;
  try {
    file = JSON.parse(text);
  } catch {
    throw new VaeError(`loadVaeCheckpoint: ${path} is not JSON, so not a VAE checkpoint`);
  }
  const where = `loadVaeCheckpoint: ${path}`;
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
  state.history.steps.push(...(file.history?.steps ?? []));
  state.history.epochs.push(...(file.history?.epochs ?? []));
  return state;
}

function encode(name: string, shape: number[], values: Float32Array): EncodedArray {
  return { name, shape, data: Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64') };
}

function decode(array: EncodedArray, where: string): Float32Array {
  if (typeof array?.data !== 'string') throw new VaeError(`${where}: array ${String(array?.name)} has no data`);
  const bytes = Buffer.from(array.data, 'base64');
  if (bytes.byteLength % 4 !== 0) throw new VaeError(`${where}: array ${array.name} is not float32 data (${bytes.byteLength} bytes)`);
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Float32Array(copy.buffer);
}
