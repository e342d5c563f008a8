import { describe, expect, test } from 'vitest';
import { receptiveField } from '../src/index';

describe('receptiveField(layers)', () => {
  test("LeNet's C1–S4 stack: each unit sees 16×16 pixels, 4 apart", () => {
    const result = receptiveField([{ kernel: 5 }, { kernel: 2, stride: 2 }, { kernel: 5 }, { kernel: 2, stride: 2 }]);
    expect(result.layers.map((l) => [l.receptiveField, l.jump])).toEqual([
      [5, 1],
      [6, 2],
      [14, 2],
      [16, 4],
    ]);
    expect(result.receptiveField).toBe(16);
    expect(result.jump).toBe(4);
  });

  test('dilation and padding: three 3×3 convs with dilation 1, 2, 4 see 15 pixels; padding moves the start', () => {
    const result = receptiveField([
      { kernel: 3, dilation: 1, padding: 1 },
      { kernel: 3, dilation: 2, padding: 2 },
      { kernel: 3, dilation: 4, padding: 4 },
    ]);
    expect(result.receptiveField).toBe(15);
    expect(result.start).toBe(0.5); // 'same' padding keeps the first unit centred on the first pixel
  });

  test('an empty stack is one pixel; a bad layer names its index', () => {
    expect(receptiveField([])).toMatchObject({ receptiveField: 1, jump: 1 });
    expect(() => receptiveField([{ kernel: 3 }, { kernel: 0 }])).toThrow(/layers\[1\].kernel must be a positive integer; found 0/);
  });
});
