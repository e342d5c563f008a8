import type { BackendPreference } from '@dlkit/backend';
import { type GanVariant, ganVariantNames } from '../../src/gan/gan-variants';
import type { ModelKind, RunSettings } from './worker-protocol';

/** The embedded training split's size: the most digits a run can train on. */
export const embeddedTrainingDigits = 8000;

/** The form's fields as typed. */
export interface SettingsForm {
  backend: string;
  model: string;
  epochs: string;
  batchSize: string;
  learningRate: string;
  seed: string;
  digits: string;
}

/**
 * Checks the form and returns the run's settings, or the one message that says what to fix (the CLI's
 * rules: counts are whole numbers ≥ 1, the learning rate is in (0, 1), the seed a whole number).
 */
export function readSettings(kind: ModelKind, form: SettingsForm): { settings: RunSettings } | { message: string } {
  const problems: string[] = [];
  const whole = (field: string, text: string, min: number, max: number) => {
    const n = Number(text);
    if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n) || n < min || n > max) {
      problems.push(
        `${field} must be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')} (found ${shown(text)})`,
      );
    }
    return n;
  };
  const epochs = whole('Epochs', form.epochs, 1, 100_000);
  const digits = whole('Digits', form.digits, 1, embeddedTrainingDigits);
  const batchSize = whole('Batch size', form.batchSize, 1, 4096);
  const seed = whole('Seed', form.seed, 0, 0xffffffff);
  const learningRate = Number(form.learningRate);
  if (form.learningRate.trim() === '' || !Number.isFinite(learningRate) || learningRate <= 0 || learningRate >= 1) {
    problems.push(`Learning rate must be a number between 0 and 1, such as 2e-4 (found ${shown(form.learningRate)})`);
  }
  if (problems.length === 0 && batchSize > digits) {
    problems.push(`Batch size ${batchSize} is more than the ${digits} digits: not one batch to train on (lower it, or raise Digits)`);
  }
  if (!['auto', 'webgpu', 'webgl', 'wasm', 'cpu'].includes(form.backend)) problems.push(`unknown backend ${shown(form.backend)}`);
  if (!(ganVariantNames as string[]).includes(form.model)) problems.push(`unknown model ${shown(form.model)}`);
  if (problems.length > 0) return { message: problems.join('; ') };
  return {
    settings: {
      kind,
      backend: form.backend as BackendPreference,
      model: form.model as GanVariant,
      epochs,
      batchSize,
      learningRate,
      seed,
      digits,
    },
  };
}

const shown = (text: string) => (text.trim() === '' ? 'nothing' : `“${text.trim().slice(0, 40)}”`);
