import { describe, expect, test } from 'vitest';
import { defaultGanConfig, GanError, resolveGanConfig } from '../src/node';

describe('resolveGanConfig', () => {
  test('defaults are the reference MLP GAN', () => {
    const config = resolveGanConfig();
    expect(config).toMatchObject({
      model: 'mlp',
      latentDim: 100,
      generatorUnits: [256, 512, 1024],
      discriminatorUnits: [1024, 512, 256],
      leakyAlpha: 0.2,
      dropout: 0.3,
      learningRate: 2e-4,
      beta1: 0.5,
      batchSize: 128,
      imageShape: [28, 28],
      discriminatorLearningRate: null,
      emaDecay: 0,
      generatorNormalization: 'none',
      reuseFakes: false,
      generatorLowPass: false,
    });
    expect(config.generatorUnits).not.toBe(defaultGanConfig.generatorUnits);
  });

  test.each([
    [{ batchSize: 0 }, /batchSize must be an integer ≥ 1, found 0/],
    [{ dropout: 1 }, /dropout must be in \[0, 1\), found 1/],
    [{ model: 'rnn' as 'mlp' }, /model must be 'mlp' or 'dcgan', found rnn/],
    [{ generatorUnits: [16, 0] }, /every entry of generatorUnits must be an integer ≥ 1, found 0/],
    [{ learningRate: Number.NaN }, /learningRate must be a positive finite number, found NaN/],
    [{ model: 'dcgan' as const, imageShape: [30, 28] as [number, number] }, /divisible by 4, found \[30, 28\]/],
    [{ batchsize: 3 } as object, /unknown option 'batchsize'/],
    [{ emaDecay: 1 }, /emaDecay must be in \[0, 1\), found 1/],
    [{ emaDecay: -0.1 }, /emaDecay must be in \[0, 1\), found -0.1/],
    [{ discriminatorLearningRate: 0 }, /discriminatorLearningRate must be a positive finite number, found 0/],
    [{ generatorNormalization: 'layer' as 'batch' }, /generatorNormalization must be 'none' or 'batch', found layer/],
    [{ reuseFakes: 'yes' as unknown as boolean }, /reuseFakes must be true or false, found yes/],
    [{ model: 'dcgan' as const, generatorLowPass: 1 as unknown as boolean }, /generatorLowPass must be true or false, found 1/],
    [{ generatorLowPass: true }, /generatorLowPass needs model 'dcgan', found 'mlp'/],
  ])('rejects %j with one clear GanError', (config, message) => {
    expect(() => resolveGanConfig(config)).toThrow(GanError);
    expect(() => resolveGanConfig(config)).toThrow(message);
  });
});
