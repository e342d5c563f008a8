import './register-gradients';

export { Adam, type AdamSettings } from './adam';
export { BackendUnavailableError } from './backend-error';
export type { BackendAttempt, BackendInfo } from './backend-info';
export { type BackendName, type BackendPreference, backendOrder } from './backend-name';
export { describeBackend } from './describe-backend';
export { type InitBackendOptions, initBackend } from './init-backend';
export { type DenseActivation, type DenseOptions, dense } from './dense';
export { denseByColumns } from './dense-by-columns';
export { dropout } from './dropout';
export { fastKernelsEnabled, setFastKernels } from './fast-kernels';
export { type KernelTime, kernelBreakdown } from './kernel-breakdown';
