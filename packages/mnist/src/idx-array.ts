/** The element types an IDX file can hold, by their name (type codes 0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E). */
export type IdxType = 'uint8' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';

/** The typed array that holds each IDX element type. */
export type IdxData = Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;

/** An n-dimensional array as an IDX file stores it: element type, dimensions (outermost first), values row-major. */
export interface IdxArray {
  readonly type: IdxType;
  readonly dims: readonly number[];
  readonly data: IdxData;
}
