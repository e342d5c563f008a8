import { describe, expect, test } from 'vitest';
import { conciseCommanderMessage, oneLineMessage } from '../src/one-line-message';

describe('one-line-message', () => {
  test.each([
    ["error: option '-e, --epochs <n>' argument 'x' is invalid. expected a whole number ≥ 1.", '--epochs x: expected a whole number ≥ 1'],
    [
      "error: option '--backend <name>' argument 'tpu' is invalid. Allowed choices are auto, gpu.",
      '--backend tpu: expected one of auto, gpu',
    ],
    ["error: unknown option '--epoch'\n(Did you mean --epochs?)", "unknown option '--epoch' (Did you mean --epochs?)"],
  ])('conciseCommanderMessage(%j)', (input, expected) => {
    expect(conciseCommanderMessage(input)).toBe(expected);
  });

  test('oneLineMessage(error) joins the lines of any thrown value', () => {
    expect(oneLineMessage(new Error('first\n  second\n'))).toBe('first second');
    expect(oneLineMessage('plain')).toBe('plain');
  });
});
