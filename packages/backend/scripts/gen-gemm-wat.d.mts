/** Blocking and build options of the generated GEMM (defaults: 6×8 FMA, unroll 4, KC 256, MC 256). */
export interface GemmOptions {
  mr?: number;
  nr?: number;
  unroll?: number;
  kc?: number;
  mc?: number;
  fma?: boolean;
  shared?: boolean;
  im2colFloats?: number;
}
export const defaults: Required<GemmOptions>;
export function resolveOptions(options?: GemmOptions): Required<GemmOptions>;
export function gemmScratchBytes(options?: GemmOptions): number;
export function scratchBytes(options?: GemmOptions): number;
export const gemmParams: Record<string, number>;
export const convParams: Record<string, number>;
export function generateGemmWat(options?: GemmOptions): string;
export function compileGemm(options?: GemmOptions): Promise<Uint8Array>;
export function compileGemmVariants(): Promise<{
  fmaShared: Uint8Array;
  fmaUnshared: Uint8Array;
  mulAddShared: Uint8Array;
  mulAddUnshared: Uint8Array;
}>;
export const packParams: Record<string, number>;
