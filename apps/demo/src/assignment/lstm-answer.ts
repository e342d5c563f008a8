import {
  type Float64Tensor,
  float64Tensor,
  type GradientCheckResult,
  gradCheck,
  type LstmGradientFormula,
  lstmBackward,
  lstmForward,
  lstmGradientFormulas,
} from '@dlkit/lstm-grad';
import { seededRandom } from '@dlkit/random';

/** The seed's Q2, answered by @dlkit/lstm-grad at run time. */
export interface LstmAnswer {
  formulas: LstmGradientFormula[];
  /** Sizes of the random LSTM the gradient check ran on. */
  sizes: { steps: number; batch: number; input: number; hidden: number };
  check: GradientCheckResult;
}

/**
 * The corrected BPTT formulas, and a gradient check of the float64 reference backward pass against
 * fourth-order central differences on a random LSTM (batch > 1, H ≠ X), loss L = Σ_t ⟨h_t, r_t⟩ with
 * a random r, so every ∂L/∂h_t is non-zero.
 */
export function lstmAnswer(seed: number): LstmAnswer {
  const sizes = { steps: 4, batch: 2, input: 3, hidden: 5 };
  const { steps: T, batch: B, input: X, hidden: H } = sizes;
  const random = seededRandom(seed);
  const tensor = (shape: number[], scale = 1): Float64Tensor =>
    float64Tensor(
      shape,
      Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => (random() * 2 - 1) * scale),
    );
  const W = tensor([4 * H, H + X], 0.6);
  const b = tensor([4 * H], 0.2);
  const x = tensor([T, B, X]);
  const h0 = tensor([B, H], 0.5);
  const c0 = tensor([B, H], 0.5);
  const r = tensor([T, B, H]);
  const check = gradCheck(
    () => {
      const run = lstmForward(x, { W, b }, { h0, c0 });
      const grads = lstmBackward(run, r);
      let loss = 0;
      for (let k = 0; k < r.data.length; k++) loss += run.h.data[k]! * r.data[k]!;
      return { loss, gradients: { W: grads.dW.data, b: grads.db.data, x: grads.dx.data, h0: grads.dh0.data, c0: grads.dc0.data } };
    },
    { W: W.data, b: b.data, x: x.data, h0: h0.data, c0: c0.data },
  );
  return { formulas: lstmGradientFormulas(), sizes, check };
}
