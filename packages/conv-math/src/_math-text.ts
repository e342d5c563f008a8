import { formatValue } from './_format-number';

// Rendering helpers shared by the explain* functions.

/** A value as a factor in a product: negatives in parentheses. */
export function factor(value: number, latex = false): string {
  const text = formatValue(value);
  if (value < 0) return latex ? `(${text})` : `(${text.replace('-', '−')})`;
  return text;
}

/** A value as a term: Unicode minus in text. */
export function term(value: number, latex = false): string {
  const text = formatValue(value);
  return latex ? text : text.replace('-', '−');
}

/** A matrix as an aligned plain-text block. */
export function matrixText(rows: readonly (readonly number[])[]): string {
  const cells = rows.map((row) => row.map((v) => term(v)));
  const width = Math.max(...cells.flat().map((c) => c.length));
  return cells.map((row) => row.map((c) => c.padStart(width)).join(' ')).join('\n');
}

/** A matrix as a LaTeX bmatrix. */
export function matrixLatex(rows: readonly (readonly number[])[]): string {
  return `\\begin{bmatrix}\n${rows.map((row) => row.map((v) => term(v, true)).join(' & ')).join(' \\\\\n')}\n\\end{bmatrix}`;
}
