export { BackendError, type BackendErrorKind } from './backend-error';
export {
  fastKernelsEnabled,
  setFastKernels,
  setWasmGemm,
  type WasmGemmChoice,
  type WasmGemmVariant,
  wasmGemmVariant,
} from './fast-kernels';
export { Adam, type AdamSettings } from './ops/adam';
export { type Conv2DOptions, conv2d } from './ops/conv2d';
export { conv2dTranspose } from './ops/conv2d-transpose';
export { type DenseActivation, type DenseOptions, dense } from './ops/dense';
export { denseByColumns } from './ops/dense-by-columns';
export { dropout } from './ops/dropout';
export { type KernelTime, kernelBreakdown } from './ops/kernel-breakdown';
export { movingAverage } from './ops/moving-average';
export type { BackendAttempt, BackendInfo } from './startup/backend-info';
export { type BackendName, type BackendPreference, backendNames, backendOrder, backendOrders } from './startup/backend-name';
export { BackendUnavailableError } from './startup/backend-unavailable-error';
export { describeBackend } from './startup/describe-backend';
export { type InitBackendOptions, initBackend } from './startup/init-backend';
export { summarizeBackend } from './startup/summarize-backend';
