import { ConvMathError } from './conv-math-error';
import { type ConvParamsOptions, convParams } from './conv-params';
import { type DenseParamsOptions, denseParams } from './dense-params';
import { type DepthwiseSeparableParamsOptions, depthwiseSeparableParams } from './depthwise-separable-params';
import type { Explanation } from './explanation';
import { groupDigits } from './_format-number';
import { requireInteger, requirePair } from './_validate';

/** A layer to count: a convolution (the default type), a dense layer, or a depthwise-separable conv. */
export type ParamCountLayer =
  | ({ type?: 'conv2d' } & ConvParamsOptions)
  | ({ type: 'dense' } & DenseParamsOptions)
  | ({ type: 'depthwiseSeparable' } & DepthwiseSeparableParamsOptions);

/** {@link explainParamCount}'s result: the count and its derivation. */
export interface ParamCountExplanation extends Explanation {
  params: number;
}

/**
 * The parameter count of a layer with the formula and its numbers, as Markdown and LaTeX, e.g.
 * `params = C_out · (C_in/g · k_h · k_w + 1) = 6 · (1 · 5 · 5 + 1) = 6 · 26 = 156`.
 * Errors as {@link convParams}, {@link denseParams} and {@link depthwiseSeparableParams}.
 *
 * @example
 * explainParamCount({ inChannels: 1, outChannels: 6, kernel: 5 }).params // 156
 */
export function explainParamCount(layer: ParamCountLayer): ParamCountExplanation {
  if (typeof layer !== 'object' || layer === null) throw new ConvMathError('explainParamCount expects a layer object');
  if (layer.type === 'dense') {
    const params = denseParams(layer);
    const b = layer.bias !== false;
    const md = b
      ? `params = out · (in + 1) = ${layer.outFeatures} · (${layer.inFeatures} + 1) = ${groupDigits(params)}`
      : `params = out · in = ${layer.outFeatures} · ${layer.inFeatures} = ${groupDigits(params)}`;
    const tex = b
      ? `n_{\\text{out}} (n_{\\text{in}} + 1) = ${layer.outFeatures} \\cdot (${layer.inFeatures} + 1) = ${params}`
      : `n_{\\text{out}} \\, n_{\\text{in}} = ${layer.outFeatures} \\cdot ${layer.inFeatures} = ${params}`;
    return {
      params,
      markdown: `${md}  \n(${groupDigits(layer.outFeatures * layer.inFeatures)} weights${b ? ` and ${layer.outFeatures} biases` : ', no bias'})`,
      latex: `\\[ \\text{params} = ${tex} \\]`,
    };
  }
  if (layer.type === 'depthwiseSeparable') {
    const params = depthwiseSeparableParams(layer);
    const [kh, kw] = requirePair('kernel', layer.kernel, 1, 1);
    const m = layer.depthMultiplier ?? 1;
    const cin = layer.inChannels;
    const b = layer.bias === false ? 0 : 1;
    const depthwise = cin * m * (kh * kw + b);
    const pointwise = layer.outChannels * (cin * m + b);
    const plus = b ? ' + 1' : '';
    return {
      params,
      markdown:
        `params = depthwise C_in·M·(k_h·k_w${plus}) + pointwise C_out·(C_in·M${plus}) = ` +
        `${cin}·${m}·(${kh}·${kw}${plus}) + ${layer.outChannels}·(${cin}·${m}${plus}) = ${groupDigits(depthwise)} + ${groupDigits(pointwise)} = ${groupDigits(params)}`,
      latex:
        `\\[ \\text{params} = C_{\\text{in}} M (k_h k_w${plus}) + C_{\\text{out}} (C_{\\text{in}} M${plus}) = ` +
        `${cin} \\cdot ${m} \\cdot (${kh} \\cdot ${kw}${plus}) + ${layer.outChannels} \\cdot (${cin} \\cdot ${m}${plus}) = ${depthwise} + ${pointwise} = ${params} \\]`,
    };
  }
  if (layer.type !== undefined && layer.type !== 'conv2d') {
    throw new ConvMathError(`layer type must be 'conv2d', 'dense' or 'depthwiseSeparable'; found ${JSON.stringify(layer.type)}`);
  }
  const params = convParams(layer);
  const [kh, kw] = requirePair('kernel', layer.kernel, 1, 1);
  const groups = requireInteger('groups', layer.groups ?? 1, 1);
  const b = layer.bias !== false;
  const perFilter = (layer.inChannels / groups) * kh * kw + (b ? 1 : 0);
  const cinText = groups === 1 ? 'C_in' : 'C_in/g';
  const cinValue = groups === 1 ? `${layer.inChannels}` : `${layer.inChannels}/${groups}`;
  const plus = b ? ' + 1' : '';
  const weights = layer.outChannels * (layer.inChannels / groups) * kh * kw;
  return {
    params,
    markdown:
      `params = C_out · (${cinText} · k_h · k_w${plus}) = ${layer.outChannels} · (${cinValue} · ${kh} · ${kw}${plus}) = ` +
      `${layer.outChannels} · ${perFilter} = ${groupDigits(params)}  \n(${groupDigits(weights)} weights${b ? ` and ${layer.outChannels} biases` : ', no bias'})`,
    latex:
      `\\[ \\text{params} = C_{\\text{out}} \\left(${groups === 1 ? 'C_{\\text{in}}' : '\\frac{C_{\\text{in}}}{g}'} \\, k_h k_w${plus}\\right) = ` +
      `${layer.outChannels} \\cdot (${groups === 1 ? layer.inChannels : `\\frac{${layer.inChannels}}{${groups}}`} \\cdot ${kh} \\cdot ${kw}${plus}) = ${layer.outChannels} \\cdot ${perFilter} = ${params} \\]`,
  };
}
