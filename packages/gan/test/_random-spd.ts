// Seeded random symmetric positive definite matrices for the metrics' linear algebra tests.
function randomMatrix(n: number, seed: number): Float64Array {
  let state = seed;
  const m = new Float64Array(n * n);
  for (let i = 0; i < m.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    m[i] = state / 2 ** 32 - 0.5;
  }
  return m;
}

/** X·Xᵀ/n + ridge·I: symmetric positive definite. */
export function randomSpd(n: number, seed: number, ridge = 0.01): Float64Array {
  const x = randomMatrix(n, seed);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) out[i * n + j]! += (x[i * n + k]! * x[j * n + k]!) / n;
  for (let i = 0; i < n; i++) out[i * n + i]! += ridge;
  return out;
}
