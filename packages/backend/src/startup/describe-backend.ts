import type { BackendInfo } from './backend-info';
import { summarizeBackend } from './summarize-backend';

/** One line per backend tried, for logs and --help output: what runs and why the others did not. */
export function describeBackend(info: BackendInfo): string {
  const lines = [
    `backend: ${summarizeBackend(info)}, requested ${info.requested}${info.requestedBy === 'DLKIT_BACKEND' ? ' by DLKIT_BACKEND' : ''}`,
  ];
  for (const attempt of info.tried) {
    if (!attempt.ok) lines.push(`  skipped ${attempt.name}: ${attempt.reason}`);
  }
  return lines.join('\n');
}
