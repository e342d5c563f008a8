import type { NetworkSpec } from './layer-spec';
import { lenet5 } from './presets/lenet5';
import { lenet5Reduced } from './presets/lenet5-reduced';

/** The presets by the names the CLI takes: `conv-math summary lenet5`. */
export const networkPresets: Readonly<Record<'lenet5' | 'lenet5-reduced', NetworkSpec>> = {
  lenet5,
  'lenet5-reduced': lenet5Reduced,
};
