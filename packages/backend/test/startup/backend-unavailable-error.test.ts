import { describe, expect, test } from 'vitest';
import { BackendError, BackendUnavailableError, initBackend } from '../../src/index';

describe('BackendUnavailableError', () => {
  test("new BackendUnavailableError(requested, tried) is a BackendError of kind 'unavailable' naming every attempt", () => {
    const error = new BackendUnavailableError('auto', [
      { name: 'gpu', ok: false, reason: 'no CUDA' },
      { name: 'cpu', ok: false },
    ]);
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toBeInstanceOf(Error);
    expect(error.kind).toBe('unavailable');
    expect(error.name).toBe('BackendError');
    expect(error.requested).toBe('auto');
    expect(error.tried.map((attempt) => attempt.name)).toEqual(['gpu', 'cpu']);
    expect(error.message).toBe("backend 'auto' is not available: gpu: no CUDA; cpu: failed");
  });

  test('initBackend rejects with it for a backend that cannot start: requested and tried say what and why', async () => {
    const failure = await initBackend('node', { env: {} }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BackendUnavailableError);
    expect(failure).toMatchObject({ kind: 'unavailable', requested: 'node', tried: [{ name: 'node', ok: false }] });
    expect((failure as BackendUnavailableError).tried[0]?.reason).toMatch(/@tensorflow\/tfjs-node is not installed/);
  });
});
