import { describe, expect, test } from 'vitest';
import { ConvMathError, convParams, depthwiseSeparableParams, lenet5, suggestReductions } from '../src/index';

describe('suggestReductions(target, options)', () => {
  const c1 = suggestReductions(lenet5, { layer: 'C1' });
  const byTechnique = (technique: string) => c1.find((r) => r.technique === technique);

  test("LeNet's C1: the seed's answer, 5 filters of 4×4 with stride 2, has 85 params and a 5×15×15 output", () => {
    const seed = byTechnique('fewer-smaller-strided')!;
    expect(seed.title).toBe('5 filters of 4×4, stride 2');
    expect(seed.before).toEqual({ params: 156, outputShape: [6, 28, 28], macs: 117600 });
    expect(seed.after).toEqual({ params: 85, outputShape: [5, 15, 15], macs: 15 * 15 * 5 * 16 });
  });

  test('every suggestion for C1 carries exact counts', () => {
    expect(c1.map((r) => r.technique)).toEqual([
      'fewer-filters',
      'smaller-kernel',
      'stride',
      'fewer-smaller-strided',
      'depthwise-separable',
    ]);
    expect(byTechnique('fewer-filters')!.after.params).toBe(convParams({ inChannels: 1, outChannels: 5, kernel: 5 }));
    expect(byTechnique('smaller-kernel')!.after).toMatchObject({ params: 102, outputShape: [6, 29, 29] });
    expect(byTechnique('stride')!.after).toMatchObject({ params: 156, outputShape: [6, 14, 14] });
    expect(byTechnique('depthwise-separable')!.after).toMatchObject({
      params: depthwiseSeparableParams({ inChannels: 1, outChannels: 6, kernel: 5 }),
      outputShape: [6, 28, 28],
    });
  });

  test('downstream: fewer filters shrink C3; a stride breaks C5, which is said with the reason', () => {
    const fewer = byTechnique('fewer-filters')!;
    // C3 now sees 5 channels: 16·(5·25 + 1) = 2016 instead of 2416.
    expect(fewer.network).toEqual({
      paramsBefore: 61706,
      paramsAfter: 61706 - 26 - 400,
      macsBefore: 416520,
      macsAfter: 416520 - 19600 - 40000,
    });
    expect(fewer.downstream).toContain('later layers go from 61,550 to 61,150 params');
    const strided = byTechnique('stride')!;
    expect(strided.network.paramsAfter).toBeNull();
    expect(strided.network.error).toMatch(/layer 4 \(C5, input \[16, 1, 1\]\): height: kernel F = 5 is larger than the padded input/);
    expect(strided.downstream).toMatch(/breaks a later layer/);
    expect(byTechnique('depthwise-separable')!.downstream).toMatch(/^Output shape unchanged \(6×28×28\), so later layers cost the same\./);
  });

  test('C3 also gets grouped, shared-kernel and (with 8+ channels) bottleneck suggestions', () => {
    const c3 = suggestReductions(lenet5, { layer: 2 });
    const grouped = c3.find((r) => r.technique === 'grouped')!;
    expect(grouped.after.params).toBe(16 * (3 * 25 + 1));
    const shared = c3.find((r) => r.technique === 'shared-kernel')!;
    expect(shared.after.params).toBe(16 * 26);
    expect(shared.network.paramsAfter).toBe(61706 - 2416 + 416);
    expect(c3.some((r) => r.technique === 'bottleneck')).toBe(false);
    const wide = suggestReductions({ input: [64, 8, 8], layer: { type: 'conv2d', outChannels: 64, kernel: 3, padding: 1 } });
    const bottleneck = wide.find((r) => r.technique === 'bottleneck')!;
    expect(bottleneck.after).toEqual({
      params: 64 * 16 + 16 + 64 * (16 * 9 + 1),
      outputShape: [64, 8, 8],
      macs: 64 * 16 * 64 + 64 * 64 * 16 * 9,
    });
  });

  test('dense layers: fewer units and a low-rank factorization; no layer given means every conv and dense layer', () => {
    const f6 = suggestReductions(lenet5, { layer: 'F6' });
    expect(f6.map((r) => r.technique)).toEqual(['fewer-units', 'low-rank']);
    expect(f6[1]!.after.params).toBe(120 * 21 + 84 * 22);
    const all = suggestReductions(lenet5);
    expect(new Set(all.map((r) => r.layer))).toEqual(new Set(['C1', 'C3', 'C5', 'F6', 'output']));
  });

  test('options change the targets: 3 filters of 3×3, stride 3', () => {
    const custom = suggestReductions(lenet5, { layer: 'C1', filters: 3, kernel: 3, stride: 3 }).find(
      (r) => r.technique === 'fewer-smaller-strided',
    )!;
    expect(custom.after).toMatchObject({ params: 30, outputShape: [3, 10, 10] });
  });

  test('rejects an unknown layer, a pooling layer and a bad target', () => {
    expect(() => suggestReductions(lenet5, { layer: 'C9' })).toThrow(/no layer "C9" in LeNet-5; its layers are C1, S2, C3/);
    expect(() => suggestReductions(lenet5, { layer: 'S2' })).toThrow(/layer "S2" is avgPool; suggestions are for conv2d and dense layers/);
    expect(() => suggestReductions(null as never)).toThrow(ConvMathError);
  });
});
