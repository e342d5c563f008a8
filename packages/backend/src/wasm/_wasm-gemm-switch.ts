import { BackendError } from '../backend-error';
import { relaxedSimdValidates, simdValidates } from './_wasm-probes';

/** The two builds of dlkit's GEMM: relaxed SIMD's fused multiply-add, or a multiply then an add. */
export type WasmGemmVariant = 'fma' | 'mul-add';
/** What setWasmGemm accepts: a variant, 'auto' (the best this engine validates) or 'off' (tfjs's XNNPACK). */
export type WasmGemmChoice = 'auto' | WasmGemmVariant | 'off';

const choices: readonly WasmGemmChoice[] = ['auto', 'fma', 'mul-add', 'off'];
let choice: WasmGemmChoice = 'auto';

/** Records the choice after checking this engine can run it; setWasmGemm calls it, then re-registers kernels. */
export function switchWasmGemm(next: WasmGemmChoice): void {
  if (!choices.includes(next)) {
    throw new BackendError(`setWasmGemm: expected one of ${choices.join(', ')}, found ${String(next)}`, { kind: 'input' });
  }
  if (next === 'fma' && !relaxedSimdValidates()) {
    throw new BackendError("setWasmGemm('fma'): this WebAssembly engine does not validate relaxed SIMD (f32x4.relaxed_madd)", {
      kind: 'unavailable',
    });
  }
  if (next === 'mul-add' && !simdValidates()) {
    throw new BackendError("setWasmGemm('mul-add'): this WebAssembly engine does not validate SIMD", { kind: 'unavailable' });
  }
  choice = next;
}

/** The choice setWasmGemm last recorded ('auto' until then). */
export function wasmGemmChoice(): WasmGemmChoice {
  return choice;
}

/** The variant the choice means on this engine: undefined for 'off', or 'auto' on an engine without SIMD. */
export function resolvedGemmVariant(): WasmGemmVariant | undefined {
  if (choice !== 'auto') return choice === 'off' ? undefined : choice;
  if (relaxedSimdValidates()) return 'fma';
  return simdValidates() ? 'mul-add' : undefined;
}
