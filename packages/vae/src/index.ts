export { bernoulliLogLikelihood } from './bernoulli-log-likelihood';
export { createVae, type Vae } from './create-vae';
export { createVaeTrainer, type VaeTrainer } from './create-vae-trainer';
export { gaussianKl } from './gaussian-kl';
export { defaultVaeConfig, resolveVaeConfig, type VaeConfig } from './vae-config';
export { VaeError } from './vae-error';
export type { VaeEpochRecord, VaeHistory, VaeStepRecord, VaeStepResult } from './vae-history';
