/** An error for the page: its message (never a stack), or what was thrown. */
export function errorText(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).trim();
  return text || 'an unexpected error (no message)';
}
