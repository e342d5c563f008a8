// What this WebAssembly engine validates, from tiny modules: relaxed SIMD picks the FMA GEMM, SIMD the
// mul+add one. A module of its own so that tests can pretend an engine lacks either.

const header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const v128Zero = [0xfd, 0x0c, ...new Array<number>(16).fill(0)]; // v128.const 0

/** A module with one function `() -> v128` whose body is `body` (without the final `end`). */
function v128Function(body: number[]): Uint8Array<ArrayBuffer> {
  const code = [0x00, ...body, 0x0b];
  return new Uint8Array([
    ...header,
    ...[0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b], // types: () -> v128
    ...[0x03, 0x02, 0x01, 0x00], // functions: one of type 0
    ...[0x0a, code.length + 2, 0x01, code.length, ...code], // code
  ]);
}

/** f32x4.relaxed_madd(0, 0, 0): validates exactly where relaxed SIMD is on (V8 11.4+: Node 22+, Chrome 114+). */
export const relaxedSimdProbe = v128Function([...v128Zero, ...v128Zero, ...v128Zero, 0xfd, 0x85, 0x02]);
/** f32x4.add(0, 0): validates where fixed-width SIMD is on. */
export const simdProbe = v128Function([...v128Zero, ...v128Zero, 0xfd, 0xe4, 0x01]);

/** Whether this engine validates relaxed SIMD (f32x4.relaxed_madd). */
export function relaxedSimdValidates(): boolean {
  return WebAssembly.validate(relaxedSimdProbe);
}

/** Whether this engine validates 128-bit SIMD. */
export function simdValidates(): boolean {
  return WebAssembly.validate(simdProbe);
}
