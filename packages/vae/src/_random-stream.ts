/**
 * The VAE's independent random streams (deriveSeed's `stream`; the index in brackets), so that
 * initialization, training noise, shuffling and evaluation never share draws.
 */
export const randomStream = {
  /** One IWAE chunk's noise, from the IWAE call's seed [chunk]. */
  iwaeChunk: 0,
  /** A layer's initial weights [layer]. */
  weights: 1,
  /** A layer's initial biases [layer]. */
  biases: 2,
  /** A training step's reparameterization noise [step]. */
  stepNoise: 3,
  /** An epoch's batch order [epoch]. */
  shuffle: 5,
  /** Noise of model calls given no seed [call count]. */
  defaultNoise: 7,
  /** evaluateVae's −ELBO noise [batch]. */
  evaluationNoise: 11,
  /** evaluateVae's IWAE noise [batch]. */
  evaluationIwae: 13,
  /** The seed of trainVae's test evaluation at each epoch's end [0]. */
  testEvaluation: 17,
} as const;
