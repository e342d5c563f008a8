import type { BackendInfo } from './backend-info';
import { summarizeBackend } from './summarize-backend';

/**
 * Lines for logs and --help output: what runs, why each backend tried before it did not, and any note on
 * how it runs (e.g. why WASM runs one thread).
 */
export function describeBackend(info: BackendInfo): string {
  const lines = [
    `backend: ${summarizeBackend(info)}, requested ${info.requested}${info.requestedBy === 'DLKIT_BACKEND' ? ' by DLKIT_BACKEND' : ''}`,
  ];
  for (const attempt of info.tried) {
    if (!attempt.ok) lines.push(`  skipped ${attempt.name}: ${attempt.reason}`);
  }
  for (const note of info.notes ?? []) lines.push(`  note: ${note}`);
  return lines.join('\n');
}
