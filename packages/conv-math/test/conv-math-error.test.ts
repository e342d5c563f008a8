import { describe, expect, test } from 'vitest';
import { ConvMathError } from '../src/index';

describe('new ConvMathError(message, { cause }?)', () => {
  test('is an Error named ConvMathError with the message and cause, like Error its own options', () => {
    const cause = new RangeError('inner');
    const error = new ConvMathError('convOutputSize: kernel 7 is larger than the padded input 5', { cause });
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.message, error.cause]).toEqual([
      'ConvMathError',
      'convOutputSize: kernel 7 is larger than the padded input 5',
      cause,
    ]);
  });
});
