/**
 * The MNIST score, the Inception score with an MNIST classifier: exp(E_x KL(p(y|x) ‖ p(y))) from
 * `count` rows of class probabilities. 1 when every image gets the same prediction (or the classifier
 * is unsure of all of them), up to `classes` (10) when each image is one confident class and the
 * classes are balanced. Computed in float64; rows need not be perfectly normalized (each is rescaled).
 */
export function mnistScore(probabilities: ArrayLike<number>, count: number, classes = 10): number {
  if (!Number.isInteger(count) || count < 1 || probabilities.length !== count * classes) {
    throw new RangeError(`mnistScore: expected ${count} × ${classes} probabilities, found ${probabilities.length}`);
  }
  const rows = new Float64Array(count * classes);
  const marginal = new Float64Array(classes);
  for (let i = 0; i < count; i++) {
    let total = 0;
    for (let c = 0; c < classes; c++) {
      const p = probabilities[i * classes + c]!;
      if (!(p >= 0)) throw new RangeError(`mnistScore: probability (${i}, ${c}) is ${p}`);
      total += p;
    }
    if (!(total > 0)) throw new RangeError(`mnistScore: row ${i} sums to ${total}`);
    for (let c = 0; c < classes; c++) {
      const p = probabilities[i * classes + c]! / total;
      rows[i * classes + c] = p;
      marginal[c]! += p / count;
    }
  }
  let divergence = 0;
  for (let i = 0; i < count; i++) {
    for (let c = 0; c < classes; c++) {
      const p = rows[i * classes + c]!;
      if (p > 0) divergence += p * (Math.log(p) - Math.log(marginal[c]!));
    }
  }
  return Math.exp(divergence / count);
}
