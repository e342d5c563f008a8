import { ConvMathError } from './conv-math-error';
import { type Conv2dOptions, conv2d } from './conv2d';
import { resolveConv2dGeometry } from './conv2d-output-shape';
import { resolveOutputSize } from './conv-output-size';
import type { Explanation } from './explanation';
import { outputSizeLatex, outputSizeMarkdown } from './explain-output-size';
import { fromNested } from './from-nested';
import { factor, matrixLatex, matrixText, term } from './_math-text';
import { describeValue } from './_validate';

/** {@link explainConv2d}'s result: the output and its derivation. */
export interface Conv2dExplanation extends Explanation {
  /** The convolution's output, exactly as {@link conv2d} computes it. */
  result: number[][];
  /** The zero-padded input the windows slide over. */
  padded: number[][];
}

/**
 * The worked solution of a single-channel 2-D convolution: the output-size formula with its numbers,
 * the zero-padded input, every output cell as its sum of products with the numbers filled in, and
 * the final matrix, as Markdown and as LaTeX (amsmath). Options as {@link conv2d} (one channel, so a
 * single number as bias and no groups); errors as conv2d's.
 *
 * @example
 * const { result, markdown } = explainConv2d(
 *   [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]], [[4, 2], [5, 1]], { padding: 1, stride: 2 })
 * // markdown has the line "O[1][1] = 6·4 + 7·2 + 10·5 + 11·1 = 99"
 */
export function explainConv2d(
  x: readonly (readonly number[])[],
  w: readonly (readonly number[])[],
  options: Conv2dOptions = {},
): Conv2dExplanation {
  const xs = fromNested(x, { name: 'x' });
  const ws = fromNested(w, { name: 'w' });
  if (xs.shape.length !== 2 || ws.shape.length !== 2) {
    throw new ConvMathError(`explainConv2d takes a single-channel 2-D x and w; found x ${xs.shape.length}-D and w ${ws.shape.length}-D`);
  }
  if (options.bias !== undefined && typeof options.bias !== 'number') {
    throw new ConvMathError(`bias must be a single number for a single-channel explanation; found ${describeValue(options.bias)}`);
  }
  const result = conv2d(x, w, options);
  const g = resolveConv2dGeometry([1, 1, ...xs.shape], [1, 1, ...ws.shape], options);
  const [top, bottom, left, right] = g.padding;
  const [sh, sw] = g.stride;
  const [dh, dw] = g.dilation;
  const ph = g.height + top + bottom;
  const pw = g.width + left + right;
  const padded = Array.from({ length: ph }, (_, r) =>
    Array.from({ length: pw }, (_, c) => {
      const i = r - top;
      const j = c - left;
      return i >= 0 && i < g.height && j >= 0 && j < g.width ? xs.data[i * g.width + j]! : 0;
    }),
  );
  const flip = options.flipKernel === true;
  const kernel = Array.from({ length: g.kernelHeight }, (_, k) =>
    Array.from({ length: g.kernelWidth }, (_, l) =>
      flip ? ws.data[(g.kernelHeight - 1 - k) * g.kernelWidth + (g.kernelWidth - 1 - l)]! : ws.data[k * g.kernelWidth + l]!,
    ),
  );
  const bias = options.bias;
  const cells: { i: number; j: number; text: string; tex: string }[] = [];
  for (let i = 0; i < g.outHeight; i++) {
    for (let j = 0; j < g.outWidth; j++) {
      const text: string[] = [];
      const tex: string[] = [];
      for (let k = 0; k < g.kernelHeight; k++) {
        for (let l = 0; l < g.kernelWidth; l++) {
          const xv = padded[i * sh + k * dh]![j * sw + l * dw]!;
          const wv = kernel[k]![l]!;
          text.push(`${factor(xv)}·${factor(wv)}`);
          tex.push(`${factor(xv, true)} \\cdot ${factor(wv, true)}`);
        }
      }
      if (bias !== undefined) {
        text.push(factor(bias));
        tex.push(factor(bias, true));
      }
      const value = result[i]![j]!;
      cells.push({
        i,
        j,
        text: `O[${i}][${j}] = ${text.join(' + ')} = ${term(value)}`,
        tex: `O_{${i},${j}} &= ${tex.join(' + ')} = ${term(value, true)}`,
      });
    }
  }

  const size = (axis: 0 | 1) =>
    resolveOutputSize({
      input: axis === 0 ? g.height : g.width,
      kernel: axis === 0 ? g.kernelHeight : g.kernelWidth,
      stride: g.stride[axis],
      dilation: g.dilation[axis],
      padding: axis === 0 ? [top, bottom] : [left, right],
    });
  const heightSize = size(0);
  const widthSize = size(1);
  const sameAxes = g.height === g.width && g.kernelHeight === g.kernelWidth && sh === sw && dh === dw && top === left && bottom === right;

  const paddingText =
    top === bottom && bottom === left && left === right
      ? top === 0
        ? 'no padding'
        : `padding ${top}`
      : `padding top ${top}, bottom ${bottom}, left ${left}, right ${right}`;
  const strideText = sh === sw ? `stride ${sh}` : `stride ${sh}×${sw}`;
  const dilationText = dh === 1 && dw === 1 ? '' : dh === dw ? `, dilation ${dh}` : `, dilation ${dh}×${dw}`;
  const title = `Convolution of a ${g.height}×${g.width} input with a ${g.kernelHeight}×${g.kernelWidth} kernel (${paddingText}, ${strideText}${dilationText})`;
  const index = (s: number, d: number, a: string, b: string) => `${s === 1 ? '' : `${s}·`}${a} + ${d === 1 ? '' : `${d}·`}${b}`;
  const definition = `O[i][j] = Σ_k Σ_l x_p[${index(sh, dh, 'i', 'k')}][${index(sw, dw, 'j', 'l')}] · w[k][l]${bias === undefined ? '' : ' + b'}`;
  const definitionTex = `O_{i,j} = \\sum_k \\sum_l x^{p}_{${index(sh, dh, 'i', 'k').replace(/·/g, '')},\\, ${index(sw, dw, 'j', 'l').replace(/·/g, '')}} \\, w_{k,l}${bias === undefined ? '' : ' + b'}`;

  const md: string[] = [
    `### ${title}`,
    '',
    flip
      ? `The mathematical convolution flips the kernel in both axes and then slides it like a cross-correlation: ${definition}, with the flipped kernel w.`
      : `Deep-learning frameworks' convolution is a cross-correlation: ${definition}, indices from 0.`,
    '',
    '**1. Output size**, per axis:',
    '',
    ...(sameAxes
      ? [outputSizeMarkdown(heightSize, 'O')]
      : [`- height: ${outputSizeMarkdown(heightSize, 'O_h')}`, `- width: ${outputSizeMarkdown(widthSize, 'O_w')}`]),
    '',
    `**2. Padded input** (${ph}×${pw}${top + bottom + left + right === 0 ? ', no padding' : ', zeros around x'}):`,
    '',
    '```text',
    matrixText(padded),
    '```',
    ...(flip ? ['', '**Flipped kernel:**', '', '```text', matrixText(kernel), '```'] : []),
    '',
    `**3. Every output cell**: the window's values times the kernel's${bias === undefined ? '' : ', plus the bias'}:`,
    '',
    ...cells.map((cell) => `- ${cell.text}`),
    '',
    `**4. Result** (${g.outHeight}×${g.outWidth}):`,
    '',
    '```text',
    matrixText(result),
    '```',
  ];
  const tex: string[] = [
    `\\paragraph{${title}}`,
    `${flip ? 'With the kernel flipped in both axes, ' : ''}\\( ${definitionTex} \\).`,
    '',
    '\\textbf{Output size.}',
    ...(sameAxes ? [outputSizeLatex(heightSize)] : [outputSizeLatex(heightSize, 'O_h'), outputSizeLatex(widthSize, 'O_w')]),
    '',
    '\\textbf{Padded input.}',
    `\\[ x^{p} = ${matrixLatex(padded)} \\]`,
    ...(flip ? ['\\textbf{Flipped kernel.}', `\\[ w = ${matrixLatex(kernel)} \\]`] : []),
    '',
    '\\textbf{Output cells.}',
    '\\begin{align*}',
    cells.map((cell) => cell.tex).join(' \\\\\n'),
    '\\end{align*}',
    '',
    '\\textbf{Result.}',
    `\\[ O = ${matrixLatex(result)} \\]`,
  ];
  return { result, padded, markdown: md.join('\n'), latex: tex.join('\n') };
}
