/** x's matrices transposed by index arithmetic, the reference for the kernel. */
export function transposedByIndex(values: Float32Array | Int32Array, matrices: number, rows: number, columns: number): number[] {
  const out = new Array<number>(values.length);
  for (let m = 0; m < matrices; m++) {
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) out[m * rows * columns + c * rows + r] = values[m * rows * columns + r * columns + c]!;
    }
  }
  return out;
}
