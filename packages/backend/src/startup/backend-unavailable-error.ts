import { BackendError } from '../backend-error';
import type { BackendAttempt } from './backend-info';
import type { BackendPreference } from './backend-name';

/**
 * Thrown by initBackend when the requested backend cannot start: a BackendError of kind
 * 'unavailable' whose `message` says why in words a user can act on, with what was asked for
 * (`requested`) and every attempt (`tried`).
 */
export class BackendUnavailableError extends BackendError {
  constructor(
    readonly requested: BackendPreference,
    readonly tried: readonly BackendAttempt[],
  ) {
    const reasons = tried.map((attempt) => `${attempt.name}: ${attempt.reason ?? 'failed'}`).join('; ');
    super(`backend '${requested}' is not available: ${reasons}`, { kind: 'unavailable' });
  }
}
