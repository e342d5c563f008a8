export { type Float64Tensor, float64Tensor } from './float64-tensor';
export { LstmShapeError } from './lstm-shape-error';
export { type LstmShapes, type LstmSizes, lstmSizes } from './lstm-sizes';
export { type LstmForwardResult, type LstmGates, type LstmReferenceParams, type LstmReferenceState, lstmForward } from './lstm-forward';
export { type LstmBackwardOptions, type LstmGradients, lstmBackward } from './lstm-backward';
export { type CompareGradientsOptions, type GradientCheckResult, type GradientCheckRow, compareGradients } from './compare-gradients';
export { type GradCheckOptions, type GradCheckValue, gradCheck } from './grad-check';
export { type LstmGradCheckOptions, lstmGradCheck } from './lstm-grad-check';
export { type LstmGradientFormula, type SeedMistake, lstmGradientFormulas } from './lstm-gradient-formulas';
