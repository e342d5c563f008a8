import { BackendError, type BackendInfo, type BackendPreference, initBackend } from '@dlkit/backend';
import { CliError } from './cli-error';

/**
 * Starts the tfjs backend for a command. A `--backend` typed on the command line beats DLKIT_BACKEND
 * (the flag is the more specific wish); one that cannot start is one clear line, never a fallback.
 */
export async function startBackend(preference: BackendPreference, fromCli: boolean): Promise<BackendInfo> {
  const env = { ...process.env };
  if (fromCli) delete env.DLKIT_BACKEND;
  try {
    return await initBackend(preference, { env });
  } catch (error) {
    // 'unavailable' and 'input' are the user's to act on; 'internal' is a bug and keeps its own name.
    if (error instanceof BackendError && error.kind !== 'internal') throw new CliError(error.message, { cause: error });
    throw error;
  }
}
