import { type ConvOutputSizeOptions, type ResolvedOutputSize, resolveOutputSize } from './conv-output-size';
import type { Explanation } from './explanation';

/** {@link explainOutputSize}'s result: the size and its derivation. */
export interface OutputSizeExplanation extends Explanation {
  output: number;
}

/**
 * The output-size formula with the numbers filled in, as Markdown and LaTeX. With symmetric padding
 * and no dilation it uses the form taught, O = (L + 2P − F)/S + 1 (floored, ceiled or exact as `mode`
 * says); otherwise O = ⌊(L + P_before + P_after − D·(F − 1) − 1)/S⌋ + 1. Errors as {@link convOutputSize}.
 *
 * @example
 * explainOutputSize({ input: 32, kernel: 5 }).markdown
 * // "O = ⌊(L + 2P − F) / S⌋ + 1 = ⌊(32 + 2·0 − 5) / 1⌋ + 1 = ⌊27 / 1⌋ + 1 = 28 …"
 */
export function explainOutputSize(options: ConvOutputSizeOptions): OutputSizeExplanation {
  const r = resolveOutputSize(options);
  return { output: r.output, markdown: outputSizeMarkdown(r), latex: outputSizeLatex(r) };
}

function simple(r: ResolvedOutputSize): boolean {
  return r.dilation === 1 && r.padding[0] === r.padding[1];
}

function values(r: ResolvedOutputSize): string {
  const eq = '=';
  const p = r.padding[0] === r.padding[1] ? `${r.padding[0]}` : `[${r.padding[0]}, ${r.padding[1]}]`;
  const parts = [`L ${eq} ${r.input}`, `F ${eq} ${r.kernel}`, `P ${eq} ${p}`, `S ${eq} ${r.stride}`];
  if (r.dilation !== 1) parts.push(`D ${eq} ${r.dilation}`);
  return parts.join(', ');
}

/** Markdown lines for one axis, shared with explainConv2d. */
export function outputSizeMarkdown(r: ResolvedOutputSize, label = 'O'): string {
  const [open, close] = r.mode === 'floor' ? ['⌊', '⌋'] : r.mode === 'ceil' ? ['⌈', '⌉'] : ['', ''];
  const formula = simple(r) ? '(L + 2P − F) / S' : '(L + P_before + P_after − D·(F − 1) − 1) / S';
  const filled = simple(r)
    ? `(${r.input} + 2·${r.padding[0]} − ${r.kernel}) / ${r.stride}`
    : `(${r.input} + ${r.padding[0]} + ${r.padding[1]} − ${r.dilation}·(${r.kernel} − 1) − 1) / ${r.stride}`;
  const raw = r.mode === 'ceil' ? Math.ceil(r.span / r.stride) + 1 : null;
  const corrected =
    raw !== null && raw !== r.output
      ? ` → ${r.output} (the last window would start in the padding, so it is dropped, as PyTorch's ceil_mode does)`
      : '';
  const shown = r.mode === 'exact' ? `${r.span} / ${r.stride} + 1` : `${open}${r.span} / ${r.stride}${close} + 1`;
  const mode = r.mode === 'floor' ? 'rounded down' : r.mode === 'ceil' ? 'rounded up (ceil mode)' : 'exact: S divides evenly';
  return `${label} = ${open}${formula}${close} + 1 = ${open}${filled}${close} + 1 = ${shown} = ${raw ?? r.output}${corrected}  \n(${values(r)}; ${mode})`;
}

/** LaTeX for one axis, shared with explainConv2d. */
export function outputSizeLatex(r: ResolvedOutputSize, label = 'O'): string {
  const [open, close] =
    r.mode === 'floor' ? ['\\left\\lfloor ', ' \\right\\rfloor'] : r.mode === 'ceil' ? ['\\left\\lceil ', ' \\right\\rceil'] : ['', ''];
  const formula = simple(r) ? '\\frac{L + 2P - F}{S}' : '\\frac{L + P_{\\text{before}} + P_{\\text{after}} - D(F - 1) - 1}{S}';
  const filled = simple(r)
    ? `\\frac{${r.input} + 2 \\cdot ${r.padding[0]} - ${r.kernel}}{${r.stride}}`
    : `\\frac{${r.input} + ${r.padding[0]} + ${r.padding[1]} - ${r.dilation}(${r.kernel} - 1) - 1}{${r.stride}}`;
  const raw = r.mode === 'ceil' ? Math.ceil(r.span / r.stride) + 1 : r.output;
  const corrected = raw !== r.output ? ` \\to ${r.output}` : '';
  return `\\[ ${label} = ${open}${formula}${close} + 1 = ${open}${filled}${close} + 1 = ${open}\\frac{${r.span}}{${r.stride}}${close} + 1 = ${raw}${corrected} \\]\n% ${values(r)}, mode ${r.mode}`;
}
