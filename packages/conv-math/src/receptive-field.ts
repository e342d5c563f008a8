import { ConvMathError } from './conv-math-error';
import { requireInteger } from './_validate';

/** One layer of a stack, along one axis: a convolution or pooling window. */
export interface ReceptiveFieldLayer {
  /** Kernel length F. */
  kernel: number;
  /** Stride S. Default 1. */
  stride?: number;
  /** Dilation D. Default 1. */
  dilation?: number;
  /** Padding before the input (left/top), which shifts where windows start. Default 0. */
  padding?: number;
}

/** What one output unit of a layer sees of the network's input. */
export interface ReceptiveFieldStep {
  /** How many input positions one output unit depends on. */
  receptiveField: number;
  /** Distance in input positions between neighbouring output units (the effective stride). */
  jump: number;
  /** Input coordinate of the centre of the first output unit's field (negative in the padding). */
  start: number;
}

/** The receptive field after each layer and through the whole stack. */
export interface ReceptiveFieldResult extends ReceptiveFieldStep {
  layers: ReceptiveFieldStep[];
}

/**
 * Receptive field and jump (effective stride) through a stack of layers, along one axis:
 * r_out = r_in + D·(F − 1)·j_in, j_out = j_in·S, start_out = start_in + (D·(F − 1)/2 − P)·j_in,
 * starting from r = 1, j = 1, start = 0.5 (the centre of the first input pixel).
 * An empty stack gives r = 1, j = 1.
 *
 * @example
 * receptiveField([{ kernel: 5 }, { kernel: 2, stride: 2 }, { kernel: 5 }, { kernel: 2, stride: 2 }])
 * // { receptiveField: 16, jump: 4, ... }: each unit after LeNet's S4 sees 16×16 input pixels
 */
export function receptiveField(layers: readonly ReceptiveFieldLayer[]): ReceptiveFieldResult {
  if (!Array.isArray(layers)) throw new ConvMathError('receptiveField expects an array of layers { kernel, stride?, dilation?, padding? }');
  let field = 1;
  let jump = 1;
  let start = 0.5;
  const steps: ReceptiveFieldStep[] = [];
  layers.forEach((layer, index) => {
    const kernel = requireInteger(`layers[${index}].kernel`, layer.kernel, 1);
    const stride = requireInteger(`layers[${index}].stride`, layer.stride ?? 1, 1);
    const dilation = requireInteger(`layers[${index}].dilation`, layer.dilation ?? 1, 1);
    const padding = requireInteger(`layers[${index}].padding`, layer.padding ?? 0, 0);
    const reach = dilation * (kernel - 1);
    field += reach * jump;
    start += (reach / 2 - padding) * jump;
    jump *= stride;
    steps.push({ receptiveField: field, jump, start });
  });
  return { receptiveField: field, jump, start, layers: steps };
}
