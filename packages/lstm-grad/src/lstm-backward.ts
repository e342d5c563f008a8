import { checkFloat64 } from './_check-float64';
import { type Float64Tensor, float64Tensor } from './float64-tensor';
import type { LstmForwardResult, LstmGates } from './lstm-forward';
import { shapeError } from './_shape-error';

/** Gradients at the end of the sequence that do not come through h_t. */
export interface LstmBackwardOptions {
  /** ∂L/∂c_T, [batch, H], for losses that read the final cell state; zero when left out. */
  dc?: Float64Tensor | undefined;
}

/** Every gradient backpropagation through time computes; per-step tensors are [T, batch, H] unless noted. */
export interface LstmGradients {
  /** δh_t: the total gradient of h_t, the given ∂L/∂h_t plus what flows back from step t+1. */
  dh: Float64Tensor;
  /** δc_t: the total gradient of c_t, through h_t and through c_{t+1}. */
  dc: Float64Tensor;
  /** δi_t, δf_t, δo_t, δg_t: gradients of the gate activations. */
  dGate: LstmGates;
  /** δî_t, δf̂_t, δô_t, δĝ_t: gradients of the pre-activations (what reaches W and b). */
  dPreactivation: LstmGates;
  /** ∂L/∂W, [4H, H+X]. */
  dW: Float64Tensor;
  /** ∂L/∂b, [4H] (the gradient a bias would get, also when the forward ran without one). */
  db: Float64Tensor;
  /** ∂L/∂x_t, [T, batch, X]. */
  dx: Float64Tensor;
  /** ∂L/∂h_0 and ∂L/∂c_0, [batch, H]. */
  dh0: Float64Tensor;
  dc0: Float64Tensor;
}

/**
 * Backpropagation through time in float64 for the loss whose gradient with respect to every hidden
 * state is `dh` ([T, batch, H], ∂L/∂h_t for each step) and, optionally, to the final cell state `dc`.
 * Uses the corrected formulas of lstmGradientFormulas(): δc_t = δh_t ⊙ o_t ⊙ (1 − tanh²(c_t)) + δc_{t+1} ⊙ f_{t+1},
 * δi_t = δc_t ⊙ g_t, δf_t = δc_t ⊙ c_{t−1}, δo_t = δh_t ⊙ tanh(c_t), δg_t = δc_t ⊙ i_t.
 *
 * @example
 * const run = lstmForward(x, { W, b });
 * const grads = lstmBackward(run, dh); // grads.dW, grads.dx, grads.dGate.f, …
 */
export function lstmBackward(forward: LstmForwardResult, dh: Float64Tensor, options: LstmBackwardOptions = {}): LstmGradients {
  const { steps: T, batch: B, input: X, hidden: H } = forward.sizes;
  if (dh.shape.length !== 3 || dh.shape[0] !== T || dh.shape[1] !== B || dh.shape[2] !== H) {
    throw shapeError('dh', `[${T}, ${B}, ${H}]`, dh.shape, '∂L/∂h_t for every step: [T, batch, H]');
  }
  checkFloat64('dh', dh);
  const dcLast = options.dc;
  if (dcLast !== undefined) {
    if (dcLast.shape.length !== 2 || dcLast.shape[0] !== B || dcLast.shape[1] !== H) {
      throw shapeError('dc', `[${B}, ${H}]`, dcLast.shape, '∂L/∂c_T: [batch, H]');
    }
    checkFloat64('dc', dcLast);
  }
  const { x, W, gate, c, tanhC, h, h0, c0 } = forward;
  const width = H + X;
  const seq = () => float64Tensor([T, B, H]);
  const grads: LstmGradients = {
    dh: seq(),
    dc: seq(),
    dGate: { i: seq(), f: seq(), o: seq(), g: seq() },
    dPreactivation: { i: seq(), f: seq(), o: seq(), g: seq() },
    dW: float64Tensor([4 * H, width]),
    db: float64Tensor([4 * H]),
    dx: float64Tensor([T, B, X]),
    dh0: float64Tensor([B, H]),
    dc0: float64Tensor([B, H]),
  };
  // What flows into step t from step t+1: W_hᵀ·δẑ_{t+1} into h_t and δc_{t+1} ⊙ f_{t+1} into c_t.
  const dhNext = new Float64Array(B * H);
  const dcNext = dcLast ? Float64Array.from(dcLast.data) : new Float64Array(B * H);
  const dz = new Float64Array(4 * H);
  const dPre = [grads.dPreactivation.i, grads.dPreactivation.f, grads.dPreactivation.o, grads.dPreactivation.g];

  for (let t = T - 1; t >= 0; t--) {
    for (let n = 0; n < B; n++) {
      const at0 = (t * B + n) * H;
      const previous = t === 0 ? n * H : ((t - 1) * B + n) * H;
      const hPrevious = t === 0 ? h0.data : h.data;
      const cPrevious = t === 0 ? c0.data : c.data;
      for (let k = 0; k < H; k++) {
        const at = at0 + k;
        const state = n * H + k;
        const i = gate.i.data[at]!;
        const f = gate.f.data[at]!;
        const o = gate.o.data[at]!;
        const g = gate.g.data[at]!;
        const tanhCell = tanhC.data[at]!;
        const dhTotal = dh.data[at]! + dhNext[state]!;
        const dcTotal = dhTotal * o * (1 - tanhCell * tanhCell) + dcNext[state]!;
        const di = dcTotal * g;
        const df = dcTotal * cPrevious[previous + k]!;
        const dout = dhTotal * tanhCell;
        const dg = dcTotal * i;
        grads.dh.data[at] = dhTotal;
        grads.dc.data[at] = dcTotal;
        grads.dGate.i.data[at] = di;
        grads.dGate.f.data[at] = df;
        grads.dGate.o.data[at] = dout;
        grads.dGate.g.data[at] = dg;
        dz[k] = di * i * (1 - i);
        dz[H + k] = df * f * (1 - f);
        dz[2 * H + k] = dout * o * (1 - o);
        dz[3 * H + k] = dg * (1 - g * g);
        dcNext[state] = dcTotal * f;
      }
      for (let gateIndex = 0; gateIndex < 4; gateIndex++) dPre[gateIndex]!.data.set(dz.subarray(gateIndex * H, (gateIndex + 1) * H), at0);
      // dW += δẑ ⊗ [h_{t−1}; x_t], db += δẑ, and the products with W that flow to h_{t−1} and x_t.
      const xOffset = (t * B + n) * X;
      const hBack = new Float64Array(H);
      for (let row = 0; row < 4 * H; row++) {
        const d = dz[row]!;
        if (d === 0) continue;
        grads.db.data[row]! += d;
        const rowOffset = row * width;
        for (let j = 0; j < H; j++) {
          grads.dW.data[rowOffset + j]! += d * hPrevious[previous + j]!;
          hBack[j]! += d * W.data[rowOffset + j]!;
        }
        for (let j = 0; j < X; j++) {
          grads.dW.data[rowOffset + H + j]! += d * x.data[xOffset + j]!;
          grads.dx.data[xOffset + j]! += d * W.data[rowOffset + H + j]!;
        }
      }
      dhNext.set(hBack, n * H);
    }
  }
  grads.dh0.data.set(dhNext);
  grads.dc0.data.set(dcNext);
  return grads;
}
