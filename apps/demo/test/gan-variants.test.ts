import { defaultGanConfig, resolveGanConfig } from '@dlkit/gan';
import { describe, expect, test } from 'vitest';
import { ganArchitectureName, ganModelName, isReferenceGan } from '../src/gan/gan-model-name';
import { ganVariantConfig, ganVariantNames, ganVariantOf, ganVariants } from '../src/gan/gan-variants';

describe('GAN variants (--model and the page menu)', () => {
  test.each(ganVariantNames)('%s: its config names it again, as a resumed run is checked', (name) => {
    const config = resolveGanConfig(ganVariantConfig(name));
    expect(ganVariantOf(config)).toBe(name);
  });

  test('cmlp-bn-small-d and cdcgan-bn are mlp-bn-small-d and dcgan-bn (4×4 kernels, no dropout, reused fakes) with the ten digits as classes; the others are unconditional', () => {
    expect(resolveGanConfig(ganVariantConfig('cmlp-bn-small-d'))).toEqual(
      resolveGanConfig({ ...ganVariantConfig('mlp-bn-small-d'), classCount: 10 }),
    );
    expect(resolveGanConfig(ganVariantConfig('cdcgan-bn'))).toEqual(
      resolveGanConfig({ ...ganVariantConfig('dcgan-bn'), classCount: 10, kernelSize: 4, dropout: 0, reuseFakes: true }),
    );
    for (const name of ganVariantNames.filter((name) => !name.startsWith('c'))) {
      expect(resolveGanConfig(ganVariantConfig(name)).classCount).toBe(0);
    }
  });

  test("mlp-bn-small-d is mlp-bn with a 512-256 discriminator; the others keep the reference's", () => {
    expect(resolveGanConfig(ganVariantConfig('mlp-bn-small-d'))).toEqual(
      resolveGanConfig({ ...ganVariantConfig('mlp-bn'), discriminatorUnits: [512, 256] }),
    );
    expect(resolveGanConfig(ganVariantConfig('mlp')).discriminatorUnits).toEqual(defaultGanConfig.discriminatorUnits);
    // A config gets its own arrays, never the table's.
    const config = ganVariantConfig('mlp-bn-small-d');
    config.discriminatorUnits!.push(1);
    expect(ganVariants['mlp-bn-small-d'].discriminatorUnits).toEqual([512, 256]);
  });

  test('older and hand-made configs get the nearest name: no normalization field is the reference', () => {
    expect(ganVariantOf({ model: 'mlp' })).toBe('mlp');
    expect(ganVariantOf({ model: 'dcgan', generatorNormalization: 'batch' })).toBe('dcgan-bn');
    expect(ganVariantOf({ model: 'mlp', generatorNormalization: 'batch', discriminatorUnits: [64] })).toBe('mlp-bn');
    // Classes name the conditional variant; a conditional GAN the table lacks gets its nearest unconditional name.
    expect(ganVariantOf({ model: 'mlp', generatorNormalization: 'batch', discriminatorUnits: [512, 256], classCount: 10 })).toBe(
      'cmlp-bn-small-d',
    );
    expect(ganVariantOf({ model: 'mlp', generatorNormalization: 'batch', discriminatorUnits: [64], classCount: 10 })).toBe(
      'cmlp-bn-small-d',
    );
    expect(ganVariantOf({ model: 'mlp', generatorNormalization: 'none', classCount: 10 })).toBe('mlp');
    // The DCGAN has no MLP discriminator: its widths do not name it.
    expect(ganVariantOf({ model: 'dcgan', generatorNormalization: 'none', discriminatorUnits: [512, 256] })).toBe('dcgan');
  });

  test('the architecture name says what differs from the reference', () => {
    expect(ganArchitectureName(resolveGanConfig(ganVariantConfig('mlp')))).toBe('MLP GAN');
    expect(ganArchitectureName(resolveGanConfig(ganVariantConfig('mlp-bn')))).toBe('MLP GAN (batch-normalized generator)');
    expect(ganArchitectureName(resolveGanConfig(ganVariantConfig('mlp-bn-small-d')))).toBe(
      'MLP GAN (batch-normalized generator, discriminator 784-512-256-1)',
    );
    expect(ganArchitectureName({ model: 'dcgan', generatorNormalization: 'batch' })).toBe('DCGAN (batch-normalized generator)');
    expect(ganArchitectureName(resolveGanConfig(ganVariantConfig('cmlp-bn-small-d')))).toBe(
      'class-conditional MLP GAN (batch-normalized generator, discriminator 784-512-256-1)',
    );
  });

  test('the model name adds the EMA and top-k training; only the reference MLP learning from every fake is the reference', () => {
    const reference = resolveGanConfig(ganVariantConfig('mlp'));
    expect(ganModelName(reference)).toBe('MLP GAN');
    expect(isReferenceGan(reference)).toBe(true);
    expect(ganModelName({ ...reference, emaDecay: 0.995, generatorTopFraction: 0.75 })).toBe(
      'MLP GAN with an EMA generator (β 0.995) and top-k training (0.75)',
    );
    expect(ganModelName({ ...reference, generatorTopFraction: 0.5 })).toBe('MLP GAN with top-k training (0.5)');
    expect(isReferenceGan({ ...reference, generatorTopFraction: 0.75 })).toBe(false);
    expect(isReferenceGan(resolveGanConfig(ganVariantConfig('mlp-bn-small-d')))).toBe(false);
    expect(isReferenceGan({ ...reference, classCount: 10 })).toBe(false);
    // A summary written before top-k existed: G learned from every fake.
    expect(isReferenceGan({ model: 'mlp' })).toBe(true);
  });
});
