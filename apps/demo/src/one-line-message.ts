/** Collapses an error's message to one line (libraries and commander sometimes add a second line). */
export function oneLineMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  return raw
    .replace(/^error:\s*/i, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join(' ');
}

/**
 * Rewrites commander's wordy messages into the shape every other error has:
 * `--epochs abc: expected a whole number ≥ 1`.
 */
export function conciseCommanderMessage(message: string): string {
  const line = oneLineMessage(message);
  const invalid = /^option '(?:-\w, )?(--[\w-]+)[^']*' argument '(.*)' is invalid\. (.*)$/.exec(line);
  if (invalid) {
    const [, flag, value, why] = invalid;
    const reason = why!.replace(/^Allowed choices are (.*)\.$/, 'expected one of $1').replace(/\.$/, '');
    return `${flag} ${value}: ${reason}`;
  }
  return line.replace(/\.$/, '');
}
