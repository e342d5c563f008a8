import { describe, expect, test } from 'vitest';
import { LstmShapeError } from '../src/index';

describe('new LstmShapeError(message, { argument, expected, found, cause? })', () => {
  test('carries the message and the fields, and copies found', () => {
    const found = [4];
    const cause = new Error('inner');
    const error = new LstmShapeError('lstm: b must have shape [8]; found [4]', { argument: 'b', expected: '[8]', found, cause });
    found[0] = 5;
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.message, error.argument, error.expected, error.found, error.cause]).toEqual([
      'LstmShapeError',
      'lstm: b must have shape [8]; found [4]',
      'b',
      '[8]',
      [4],
      cause,
    ]);
  });
});
