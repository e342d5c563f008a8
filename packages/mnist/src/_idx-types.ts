import type { IdxData, IdxType } from './idx-array';

export interface IdxTypeInfo {
  readonly type: IdxType;
  readonly code: number;
  readonly bytes: number;
  create(length: number): IdxData;
  /** Reads element `i` of a big-endian block (multi-byte types only). */
  get(view: DataView, offset: number): number;
  set(view: DataView, offset: number, value: number): void;
}

// The IDX format's own type codes; 0x0A is not assigned by the format.
export const idxTypes: readonly IdxTypeInfo[] = [
  {
    type: 'uint8',
    code: 0x08,
    bytes: 1,
    create: (n) => new Uint8Array(n),
    get: (v, o) => v.getUint8(o),
    set: (v, o, x) => v.setUint8(o, x),
  },
  { type: 'int8', code: 0x09, bytes: 1, create: (n) => new Int8Array(n), get: (v, o) => v.getInt8(o), set: (v, o, x) => v.setInt8(o, x) },
  {
    type: 'int16',
    code: 0x0b,
    bytes: 2,
    create: (n) => new Int16Array(n),
    get: (v, o) => v.getInt16(o),
    set: (v, o, x) => v.setInt16(o, x),
  },
  {
    type: 'int32',
    code: 0x0c,
    bytes: 4,
    create: (n) => new Int32Array(n),
    get: (v, o) => v.getInt32(o),
    set: (v, o, x) => v.setInt32(o, x),
  },
  {
    type: 'float32',
    code: 0x0d,
    bytes: 4,
    create: (n) => new Float32Array(n),
    get: (v, o) => v.getFloat32(o),
    set: (v, o, x) => v.setFloat32(o, x),
  },
  {
    type: 'float64',
    code: 0x0e,
    bytes: 8,
    create: (n) => new Float64Array(n),
    get: (v, o) => v.getFloat64(o),
    set: (v, o, x) => v.setFloat64(o, x),
  },
];

export function idxTypeByCode(code: number): IdxTypeInfo | undefined {
  return idxTypes.find((t) => t.code === code);
}

export function idxTypeByName(type: IdxType): IdxTypeInfo | undefined {
  return idxTypes.find((t) => t.type === type);
}

export function idxTypeOfData(data: IdxData): IdxTypeInfo | undefined {
  if (data instanceof Uint8Array) return idxTypes[0];
  if (data instanceof Int8Array) return idxTypes[1];
  if (data instanceof Int16Array) return idxTypes[2];
  if (data instanceof Int32Array) return idxTypes[3];
  if (data instanceof Float32Array) return idxTypes[4];
  if (data instanceof Float64Array) return idxTypes[5];
  return undefined;
}

export const hex = (n: number, digits = 2) => `0x${n.toString(16).toUpperCase().padStart(digits, '0')}`;

export const knownTypeCodes = idxTypes.map((t) => `${hex(t.code)} (${t.type})`).join(', ');

/** The most dimensions a file may declare before its header is taken for garbage. */
export const maxIdxRank = 16;
