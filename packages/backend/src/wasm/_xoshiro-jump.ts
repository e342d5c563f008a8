// xoshiro128**'s state transition is linear over GF(2) (xors, shifts and a rotation of its four 32-bit
// words), so n steps at once are one 128×128 bit matrix, T^n. The dropout kernel draws four segments of
// a mask's sequence at once, each lane starting from the state jumped to its segment's first draw.

/** A 128×128 bit matrix: column j (the image of state bit j) in words 4j … 4j + 3. */
type BitMatrix = Uint32Array;

/** One step of the state (a, b, c, d), in place. */
function step(s: Uint32Array): void {
  const t = s[1]! << 9;
  s[2]! ^= s[0]!;
  s[3]! ^= s[1]!;
  s[1]! ^= s[2]!;
  s[0]! ^= s[3]!;
  s[2]! ^= t;
  s[3] = (s[3]! << 11) | (s[3]! >>> 21);
}

/** M·v for a state v of four words, into out. */
function apply(m: BitMatrix, v: ArrayLike<number>, out: Uint32Array): void {
  out.fill(0);
  for (let word = 0; word < 4; word++) {
    let bits = v[word]! >>> 0;
    while (bits !== 0) {
      const low = bits & -bits;
      const column = 4 * (word * 32 + 31 - Math.clz32(low));
      out[0]! ^= m[column]!;
      out[1]! ^= m[column + 1]!;
      out[2]! ^= m[column + 2]!;
      out[3]! ^= m[column + 3]!;
      bits = (bits ^ low) >>> 0;
    }
  }
}

/** A·B (B's steps, then A's). */
function multiply(a: BitMatrix, b: BitMatrix): BitMatrix {
  const product = new Uint32Array(512);
  const column = new Uint32Array(4);
  for (let j = 0; j < 128; j++) {
    apply(a, b.subarray(4 * j, 4 * j + 4), column);
    product.set(column, 4 * j);
  }
  return product;
}

// T^(2^i), squared as needed; the jump matrices of recent segment lengths.
const powers: BitMatrix[] = [];
const jumps = new Map<number, BitMatrix>();
// a step's dropouts split over threads use up to three lengths a tensor size (part, its segments, the last part's)
const keptJumps = 64;

function power(i: number): BitMatrix {
  if (powers.length === 0) {
    const t = new Uint32Array(512);
    const state = new Uint32Array(4);
    for (let j = 0; j < 128; j++) {
      state.fill(0);
      state[j >> 5] = 2 ** (j & 31);
      step(state);
      t.set(state, 4 * j);
    }
    powers.push(t);
  }
  while (powers.length <= i) powers.push(multiply(powers.at(-1)!, powers.at(-1)!));
  return powers[i]!;
}

/** T^steps, for 0 < steps < 2^31. */
function jumpMatrix(steps: number): BitMatrix {
  let m = jumps.get(steps);
  if (!m) {
    for (let i = 0; steps >>> i !== 0; i++) if ((steps >>> i) & 1) m = m ? multiply(power(i), m) : power(i);
    if (jumps.size >= keptJumps) jumps.delete(jumps.keys().next().value!);
    jumps.set(steps, m!);
  }
  return m!;
}

/**
 * The states of four lanes drawing one sequence in segments of `segment` draws: the given state, then
 * that state `segment`, 2·`segment` and 3·`segment` steps on, as 16 words (a, b, c, d of each lane).
 */
export function laneStates(state: readonly [number, number, number, number], segment: number): number[] {
  const lanes = [Uint32Array.from(state)];
  const m = segment > 0 ? jumpMatrix(segment) : undefined;
  for (let lane = 1; lane < 4; lane++) {
    const next = new Uint32Array(4);
    if (m) apply(m, lanes[lane - 1]!, next);
    else next.set(lanes[lane - 1]!);
    lanes.push(next);
  }
  return lanes.flatMap((words) => Array.from(words, (word) => word | 0));
}

/** The state `steps` draws on from `state` (0 ≤ steps < 2^31), as four words. */
export function jumpedState(state: readonly [number, number, number, number], steps: number): [number, number, number, number] {
  const out = Uint32Array.from(state);
  if (steps > 0) apply(jumpMatrix(steps), Uint32Array.from(state), out);
  return [out[0]! | 0, out[1]! | 0, out[2]! | 0, out[3]! | 0];
}
