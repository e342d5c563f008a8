import { describe, expect, test } from 'vitest';
import { GanError } from '../src/node';

describe('new GanError(message, { kind, cause }?)', () => {
  test('carries the message, the kind and the cause, like Error its own options', () => {
    const cause = new Error('ENOSPC');
    const error = new GanError('could not write checkpoint out/gan.bin', { kind: 'checkpoint', cause });
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.message, error.kind, error.cause]).toEqual([
      'GanError',
      'could not write checkpoint out/gan.bin',
      'checkpoint',
      cause,
    ]);
    expect(String(error)).toBe('GanError: could not write checkpoint out/gan.bin');
  });

  test("the kind is 'input' when no options are given, and there is no cause", () => {
    const error = new GanError('bad');
    expect(error.kind).toBe('input');
    expect('cause' in error).toBe(false);
  });
});
