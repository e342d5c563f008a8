import { describe, expect, test } from 'vitest';
import { PlotInputError } from '../src/node';

describe('new PlotInputError(message, { cause }?)', () => {
  test('is an Error named PlotInputError with the message and cause, like Error its own options', () => {
    const cause = new TypeError('inner');
    const error = new PlotInputError('lineChart: series must be a non-empty array', { cause });
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.message, error.cause]).toEqual(['PlotInputError', 'lineChart: series must be a non-empty array', cause]);
  });
});
