import { shapeError } from './_shape-error';

/** The sizes of one LSTM call: T steps, a batch, X inputs and H hidden units. */
export interface LstmSizes {
  steps: number;
  batch: number;
  input: number;
  hidden: number;
}

/** The shapes of an LSTM call's arguments, as plain arrays (shared by the float64 and tfjs paths). */
export interface LstmShapes {
  x: readonly number[];
  W: readonly number[];
  b?: readonly number[] | undefined;
  h0?: readonly number[] | undefined;
  c0?: readonly number[] | undefined;
}

const show = (shape: readonly number[]) => `[${shape.join(', ')}]`;

/**
 * Checks an LSTM call's shapes — x [T, batch, X], W [4H, H+X], b [4H], h0 and c0 [batch, H] — and
 * returns T, batch, X and H. H comes from W's rows, X from x; every mismatch throws an LstmShapeError
 * that names the expected and the found shape.
 */
export function lstmSizes(shapes: LstmShapes): LstmSizes {
  const { x, W, b, h0, c0 } = shapes;
  if (x.length !== 3) throw shapeError('x', '[T, batch, X]', x, `rank ${x.length} instead of 3`);
  const [steps, batch, input] = x as [number, number, number];
  if (steps === 0) throw shapeError('x', '[T, batch, X] with T ≥ 1', x, 'a sequence of length 0');
  if (batch === 0 || input === 0) throw shapeError('x', '[T, batch, X] with batch ≥ 1 and X ≥ 1', x);
  if (W.length !== 2) throw shapeError('W', `[4H, H+${input}]`, W, `rank ${W.length} instead of 2`);
  const [rows, columns] = W as [number, number];
  if (rows === 0 || rows % 4 !== 0) throw shapeError('W', `[4H, H+${input}] with 4H a positive multiple of 4`, W);
  const hidden = rows / 4;
  if (columns !== hidden + input) {
    // Either W or x is at fault; name both so the caller can tell which.
    const why =
      columns > hidden
        ? `H = ${hidden} from W's ${rows} rows and X = ${input} from x ${show(x)}; W's ${columns} columns fit inputs of width ${columns - hidden}`
        : `H = ${hidden} from W's ${rows} rows and X = ${input} from x ${show(x)}`;
    throw shapeError('W', show([rows, hidden + input]), W, why);
  }
  if (b !== undefined && (b.length !== 1 || b[0] !== rows)) throw shapeError('b', show([rows]), b, `4H with H = ${hidden}`);
  for (const [name, shape] of [
    ['h0', h0],
    ['c0', c0],
  ] as const) {
    if (shape !== undefined && (shape.length !== 2 || shape[0] !== batch || shape[1] !== hidden)) {
      throw shapeError(name, show([batch, hidden]), shape, `[batch, H] with batch = ${batch}, H = ${hidden}`);
    }
  }
  return { steps, batch, input, hidden };
}
