import { describe, expect, test } from 'vitest';
import { MnistDataError } from '../src/node';

describe('new MnistDataError(message, { file, cause }?)', () => {
  test('carries the message, the file and the cause, like Error its own options', () => {
    const cause = new Error('EACCES');
    const error = new MnistDataError('Cannot read IDX file a-idx1-ubyte: EACCES', { file: 'a-idx1-ubyte', cause });
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.message, error.file, error.cause]).toEqual([
      'MnistDataError',
      'Cannot read IDX file a-idx1-ubyte: EACCES',
      'a-idx1-ubyte',
      cause,
    ]);
  });

  test('file is undefined when no options are given', () => {
    expect(new MnistDataError('bad').file).toBeUndefined();
  });
});
