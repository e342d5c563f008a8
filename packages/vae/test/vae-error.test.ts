import { describe, expect, test } from 'vitest';
import { VaeError } from '../src/node';

describe('new VaeError(message, { kind, cause }?)', () => {
  test('carries the message, the kind and the cause, like Error its own options', () => {
    const cause = new Error('loss NaN');
    const error = new VaeError('trainVae: training diverged', { kind: 'diverged', cause });
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.message, error.kind, error.cause]).toEqual(['VaeError', 'trainVae: training diverged', 'diverged', cause]);
  });

  test("the kind is 'input' when no options are given, and there is no cause", () => {
    const error = new VaeError('bad');
    expect(error.kind).toBe('input');
    expect('cause' in error).toBe(false);
  });
});
