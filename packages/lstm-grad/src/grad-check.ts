import { type GradientCheckResult, compareGradients } from './compare-gradients';

/** What a checked function returns: the loss, and (at least at the unperturbed point) its analytic gradients. */
export type GradCheckValue<P> = number | { loss: number; gradients?: { [K in keyof P]?: ArrayLike<number> } };

export interface GradCheckOptions<P> {
  /**
   * Stencil: 4 (default) for fourth-order central differences, (−f(θ+2ε) + 8f(θ+ε) − 8f(θ−ε) + f(θ−2ε)) / 12ε;
   * 2 for the classic (f(θ+ε) − f(θ−ε)) / 2ε. The classic one's truncation error (~1e-11 at its best ε)
   * can exceed 1e-7 relative on gradient entries near 1e-4; the fourth-order one stays near 1e-13.
   */
  order?: 2 | 4;
  /** Step: default 1e-3 for order 4 and 1e-5 for order 2 (near each stencil's float64 optimum). */
  eps?: number;
  /** Largest relative error that passes; default 1e-7. */
  tolerance?: number;
  /** Smallest denominator of the relative error (see compareGradients); default 1e-6. */
  floor?: number;
  /** The analytic gradients to check, when `f` returns only a number. */
  gradients?: { [K in keyof P]?: ArrayLike<number> };
  /** Check only these parameters (default: all keys of `params`). */
  only?: ReadonlyArray<keyof P & string>;
}

/**
 * Checks analytic gradients against central differences in float64, entry by entry of each
 * parameter (fourth-order by default, see `order`). `params` are perturbed in place and restored,
 * so `f` must read them afresh on every call. The analytic gradients come from `f(params).gradients`
 * (evaluated once, unperturbed) or from `options.gradients`. Returns one row per parameter with its
 * max absolute and relative error; `passed` when every relative error is ≤ tolerance.
 *
 * @example
 * const params = { W: W.data, b: b.data };
 * const result = gradCheck(() => {
 *   const run = lstmForward(x, { W, b });
 *   const grads = lstmBackward(run, dh);
 *   return { loss: dot(run.h.data, dh.data), gradients: { W: grads.dW.data, b: grads.db.data } };
 * }, params, { eps: 1e-5 });
 */
export function gradCheck<P extends Record<string, Float64Array>>(
  f: (params: P) => GradCheckValue<P>,
  params: P,
  options: GradCheckOptions<P> = {},
): GradientCheckResult {
  const { order = 4, tolerance = 1e-7, floor = 1e-6 } = options;
  const eps = options.eps ?? (order === 4 ? 1e-3 : 1e-5);
  if (order !== 2 && order !== 4) throw new RangeError(`gradCheck: order must be 2 or 4; found ${order}`);
  if (!(eps > 0) || !Number.isFinite(eps)) throw new RangeError(`gradCheck: eps must be a positive finite number; found ${eps}`);
  const names = options.only ?? (Object.keys(params) as Array<keyof P & string>);
  const loss = (value: GradCheckValue<P>): number => {
    const result = typeof value === 'number' ? value : value.loss;
    if (!Number.isFinite(result)) throw new RangeError(`gradCheck: f returned a loss of ${result}; expected a finite number`);
    return result;
  };

  const first = f(params);
  const analytic: Record<string, ArrayLike<number>> = {};
  for (const name of names) {
    const gradient = options.gradients?.[name] ?? (typeof first === 'number' ? undefined : first.gradients?.[name]);
    if (gradient === undefined) {
      throw new RangeError(`gradCheck: no analytic gradient for '${name}': return { loss, gradients } from f or pass options.gradients`);
    }
    analytic[name] = Float64Array.from(gradient as ArrayLike<number>);
  }

  const numeric: Record<string, Float64Array> = {};
  for (const name of names) {
    const values = params[name];
    if (!(values instanceof Float64Array)) throw new RangeError(`gradCheck: params.${name} must be a Float64Array`);
    const estimate = new Float64Array(values.length);
    for (let k = 0; k < values.length; k++) {
      const original = values[k]!;
      const at = (step: number) => {
        values[k] = original + step;
        return loss(f(params));
      };
      try {
        estimate[k] =
          order === 2 ? (at(eps) - at(-eps)) / (2 * eps) : (8 * (at(eps) - at(-eps)) - (at(2 * eps) - at(-2 * eps))) / (12 * eps);
      } finally {
        values[k] = original;
      }
    }
    numeric[name] = estimate;
  }
  return { ...compareGradients(analytic, numeric, { tolerance, floor }), eps };
}
