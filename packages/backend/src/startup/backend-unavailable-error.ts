import type { BackendAttempt } from './backend-info';
import type { BackendPreference } from './backend-name';

/** Thrown when the requested backend cannot start; `message` says why in words a user can act on. */
export class BackendUnavailableError extends Error {
  override readonly name = 'BackendUnavailableError';
  constructor(
    readonly requested: BackendPreference,
    readonly tried: readonly BackendAttempt[],
  ) {
    const reasons = tried.map((attempt) => `${attempt.name}: ${attempt.reason ?? 'failed'}`).join('; ');
    super(`backend '${requested}' is not available: ${reasons}`);
  }
}
