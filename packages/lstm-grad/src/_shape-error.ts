import { LstmShapeError } from './lstm-shape-error';

/** The LstmShapeError for `argument`, with the message every check uses. */
export function shapeError(argument: string, expected: string, found: readonly number[], why?: string): LstmShapeError {
  return new LstmShapeError(`lstm: ${argument} must have shape ${expected}; found [${found.join(', ')}]${why ? ` (${why})` : ''}`, {
    argument,
    expected,
    found,
  });
}
