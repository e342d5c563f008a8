import { GanError } from './gan-error';
import type { GanSnapshot } from './gan-snapshot';

// Browser-safe: a checkpoint as bytes, wherever they are kept (gan-checkpoint.ts writes them to files in Node).
const magic = 'DLKITGAN';
/**
 * 2 added `config.emaDecay` and, when it is > 0, the 'ema/generator/…' tensors; 3 added
 * `config.generatorNormalization` and, when it is 'batch', the 'generator/norm…/gamma|beta' tensors in
 * place of the normalized layers' biases. An older file is a newer one without them (its config
 * resolves to emaDecay 0 and generatorNormalization 'none'), so all are read. 4 added `imageCount` (the
 * data's size, checked on resume; null when read from an older file) and the config fields `reuseFakes`
 * and `generatorTopFraction` (their defaults when absent). 5 added the config field `generatorLowPass`
 * (false when absent).
 */
const formatVersion = 5;
const readableVersions = [1, 2, 3, 4, 5];
const prefixBytes = 16; // magic (8) + version (4) + header length (4)

interface CheckpointHeader {
  format: 'dlkit-gan-checkpoint';
  config: GanSnapshot['config'];
  step: number;
  stepsPerEpoch: number | null;
  /** Absent before version 4. */
  imageCount?: number | null;
  history: GanSnapshot['history'];
  tensors: { name: string; shape: number[]; offset: number; length: number }[];
  /** float32 values that follow the header. */
  valueCount: number;
  /** FNV-1a over the value bytes: catches truncated or corrupted files. */
  checksum: number;
}

/**
 * Encodes a snapshot as one binary file: 'DLKITGAN', version, JSON header (config, step, history,
 * tensor table, checksum), then every tensor's float32 values (little-endian), bit-exact.
 */
export function encodeGanCheckpoint(snapshot: GanSnapshot): Uint8Array {
  let offset = 0;
  const tensors = snapshot.tensors.map(({ name, shape, values }) => {
    const entry = { name, shape: [...shape], offset, length: values.length };
    offset += values.length;
    return entry;
  });
  const values = new Float32Array(offset);
  snapshot.tensors.forEach((tensor, i) => {
    values.set(tensor.values, tensors[i]!.offset);
  });
  const valueBytes = new Uint8Array(values.buffer);
  const header: CheckpointHeader = {
    format: 'dlkit-gan-checkpoint',
    config: snapshot.config,
    step: snapshot.step,
    stepsPerEpoch: snapshot.stepsPerEpoch,
    imageCount: snapshot.imageCount ?? null,
    history: snapshot.history,
    tensors,
    valueCount: offset,
    checksum: fnv1a(valueBytes),
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const valuesStart = align4(prefixBytes + headerBytes.length);
  const bytes = new Uint8Array(valuesStart + valueBytes.length);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(magic), 0);
  view.setUint32(8, formatVersion, true);
  view.setUint32(12, headerBytes.length, true);
  bytes.set(headerBytes, prefixBytes);
  bytes.set(valueBytes, valuesStart);
  return bytes;
}

/** Decodes what encodeGanCheckpoint wrote; throws one GanError naming what is wrong with a bad file. */
export function decodeGanCheckpoint(bytes: Uint8Array, source = 'checkpoint'): GanSnapshot {
  const bad = (why: string): never => {
    throw new GanError(`${source} is not a valid GAN checkpoint: ${why}`, { kind: 'checkpoint' });
  };
  if (bytes.length < prefixBytes) bad(`it has ${bytes.length} bytes, fewer than the ${prefixBytes}-byte prefix`);
  const foundMagic = new TextDecoder().decode(bytes.subarray(0, 8));
  if (foundMagic !== magic) bad(`it starts with ${JSON.stringify(foundMagic)}, expected ${JSON.stringify(magic)}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (!readableVersions.includes(version))
    bad(
      `format version ${version}, this version of @dlkit/gan reads versions ${readableVersions.slice(0, -1).join(', ')} and ${readableVersions.at(-1)} (a newer @dlkit/gan wrote it?)`,
    );
  const headerLength = view.getUint32(12, true);
  if (prefixBytes + headerLength > bytes.length)
    bad(`its header claims ${headerLength} bytes but the file has ${bytes.length} in all (truncated?)`);
  let header: CheckpointHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(prefixBytes, prefixBytes + headerLength)));
  } catch (error) {
    return bad(`its header is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (header?.format !== 'dlkit-gan-checkpoint' || !Array.isArray(header.tensors) || !Number.isInteger(header.valueCount)) {
    bad('its header lacks format, tensors or valueCount');
  }
  if (!Number.isInteger(header.step) || header.step < 0) bad(`its step is ${JSON.stringify(header.step)}, expected an integer ≥ 0`);
  if (header.stepsPerEpoch !== null && !(Number.isInteger(header.stepsPerEpoch) && header.stepsPerEpoch > 0)) {
    bad(`its stepsPerEpoch is ${JSON.stringify(header.stepsPerEpoch)}, expected null or an integer ≥ 1`);
  }
  const imageCount = header.imageCount ?? null;
  if (imageCount !== null && !(Number.isInteger(imageCount) && imageCount > 0)) {
    bad(`its imageCount is ${JSON.stringify(imageCount)}, expected null or an integer ≥ 1`);
  }
  if (!Array.isArray(header.history?.steps) || !Array.isArray(header.history?.epochs)) bad('its history lacks the steps or epochs array');
  if (typeof header.config !== 'object' || header.config === null) bad('its header has no config');
  const valuesStart = align4(prefixBytes + headerLength);
  const expectedLength = valuesStart + header.valueCount * 4;
  if (bytes.length !== expectedLength)
    bad(`expected ${expectedLength} bytes for ${header.valueCount} values, found ${bytes.length} (truncated?)`);
  // Copy to a fresh, aligned buffer: the file's bytes may sit at any offset (and Buffer#slice is a view).
  const valueBytes = new Uint8Array(expectedLength - valuesStart);
  valueBytes.set(bytes.subarray(valuesStart, expectedLength));
  const checksum = fnv1a(valueBytes);
  if (checksum !== header.checksum) bad(`checksum ${checksum} does not match the stored ${header.checksum} (corrupted?)`);
  const values = new Float32Array(valueBytes.buffer);
  const tensors = header.tensors.map(({ name, shape, offset, length }) => {
    const size = shape.reduce((a, b) => a * b, 1);
    if (size !== length || offset < 0 || offset + length > values.length)
      bad(`tensor '${name}' (shape ${shape.join('×')}) does not fit the data`);
    return { name, shape, values: values.slice(offset, offset + length) };
  });
  return { config: header.config, step: header.step, stepsPerEpoch: header.stepsPerEpoch, imageCount, history: header.history, tensors };
}

function align4(n: number): number {
  return Math.ceil(n / 4) * 4;
}

function fnv1a(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i]!;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
