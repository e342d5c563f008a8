import { checkFloat64 } from './_check-float64';
import { type Float64Tensor, float64Tensor } from './float64-tensor';
import { type LstmSizes, lstmSizes } from './lstm-sizes';

/** LSTM weights for the float64 reference: W [4H, H+X] acting on [h_{t−1}; x_t], rows in gate order i, f, o, g; b [4H]. */
export interface LstmReferenceParams {
  W: Float64Tensor;
  b?: Float64Tensor | undefined;
}

/** Initial state, each [batch, H]; zeros where left out. */
export interface LstmReferenceState {
  h0?: Float64Tensor | undefined;
  c0?: Float64Tensor | undefined;
}

/** The four gates (or anything indexed by gate), each [T, batch, H]. */
export interface LstmGates {
  i: Float64Tensor;
  f: Float64Tensor;
  o: Float64Tensor;
  g: Float64Tensor;
}

/** Everything the forward pass computed, kept for the backward pass and for inspection. */
export interface LstmForwardResult {
  sizes: LstmSizes;
  x: Float64Tensor;
  W: Float64Tensor;
  b: Float64Tensor | undefined;
  h0: Float64Tensor;
  c0: Float64Tensor;
  /** Pre-activations î, f̂, ô, ĝ = W·[h_{t−1}; x_t] + b, split by gate, each [T, batch, H]. */
  preactivation: LstmGates;
  /** Gate activations i, f, o = σ(·), g = tanh(ĝ), each [T, batch, H]. */
  gate: LstmGates;
  /** Cell states c_1 … c_T, [T, batch, H]. */
  c: Float64Tensor;
  /** tanh(c_t), [T, batch, H]. */
  tanhC: Float64Tensor;
  /** Hidden states h_1 … h_T, [T, batch, H]. */
  h: Float64Tensor;
}

const sigmoid = (value: number) => 1 / (1 + Math.exp(-value));

/**
 * Runs an LSTM over a sequence in float64: [i; f; o; g] = [σ; σ; σ; tanh](W·[h_{t−1}; x_t] + b),
 * c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t, h_t = o_t ⊙ tanh(c_t), for x [T, batch, X].
 * Returns every pre-activation, gate and state. Throws LstmShapeError for wrong shapes and RangeError for NaN.
 *
 * @example
 * const run = lstmForward(float64Tensor([1, 1, 2], [0.5, -1]), { W: float64Tensor([4, 3], weights) });
 * run.h.data; // h_1, [1, 1, 1]
 */
export function lstmForward(x: Float64Tensor, params: LstmReferenceParams, state: LstmReferenceState = {}): LstmForwardResult {
  const { W, b } = params;
  const sizes = lstmSizes({ x: x.shape, W: W.shape, b: b?.shape, h0: state.h0?.shape, c0: state.c0?.shape });
  const { steps: T, batch: B, input: X, hidden: H } = sizes;
  checkFloat64('x', x);
  checkFloat64('W', W);
  if (b) checkFloat64('b', b);
  const h0 = state.h0 ?? float64Tensor([B, H]);
  const c0 = state.c0 ?? float64Tensor([B, H]);
  checkFloat64('h0', h0);
  checkFloat64('c0', c0);

  const seq = () => float64Tensor([T, B, H]);
  const preactivation: LstmGates = { i: seq(), f: seq(), o: seq(), g: seq() };
  const gate: LstmGates = { i: seq(), f: seq(), o: seq(), g: seq() };
  const c = seq();
  const tanhC = seq();
  const h = seq();
  const width = H + X;
  const gates = [preactivation.i, preactivation.f, preactivation.o, preactivation.g].map((tensor) => tensor.data);

  for (let t = 0; t < T; t++) {
    for (let n = 0; n < B; n++) {
      const previous = t === 0 ? n * H : ((t - 1) * B + n) * H;
      const hPrevious = t === 0 ? h0.data : h.data;
      const cPrevious = t === 0 ? c0.data : c.data;
      const xOffset = (t * B + n) * X;
      const out = (t * B + n) * H;
      for (let gateIndex = 0; gateIndex < 4; gateIndex++) {
        for (let k = 0; k < H; k++) {
          const row = gateIndex * H + k;
          let sum = b ? b.data[row]! : 0;
          const rowOffset = row * width;
          for (let j = 0; j < H; j++) sum += W.data[rowOffset + j]! * hPrevious[previous + j]!;
          for (let j = 0; j < X; j++) sum += W.data[rowOffset + H + j]! * x.data[xOffset + j]!;
          gates[gateIndex]![out + k] = sum;
        }
      }
      for (let k = 0; k < H; k++) {
        const at = out + k;
        const i = sigmoid(preactivation.i.data[at]!);
        const f = sigmoid(preactivation.f.data[at]!);
        const o = sigmoid(preactivation.o.data[at]!);
        const g = Math.tanh(preactivation.g.data[at]!);
        const cell = f * cPrevious[previous + k]! + i * g;
        const tanhCell = Math.tanh(cell);
        gate.i.data[at] = i;
        gate.f.data[at] = f;
        gate.o.data[at] = o;
        gate.g.data[at] = g;
        c.data[at] = cell;
        tanhC.data[at] = tanhCell;
        h.data[at] = o * tanhCell;
      }
    }
  }
  return { sizes, x, W, b, h0, c0, preactivation, gate, c, tanhC, h };
}
