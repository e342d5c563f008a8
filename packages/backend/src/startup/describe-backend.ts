import type { BackendInfo } from './backend-info';

/** One line per backend tried, for logs and --help output: what runs and why the others did not. */
export function describeBackend(info: BackendInfo): string {
  const extras =
    info.name === 'wasm' ? ` (SIMD ${info.simd ? 'on' : 'off'}, ${info.threads ?? 1} thread${info.threads === 1 ? '' : 's'})` : '';
  const lines = [
    `backend: ${info.name}${extras}, requested ${info.requested}${info.requestedBy === 'DLKIT_BACKEND' ? ' by DLKIT_BACKEND' : ''}`,
  ];
  for (const attempt of info.tried) {
    if (!attempt.ok) lines.push(`  skipped ${attempt.name}: ${attempt.reason}`);
  }
  return lines.join('\n');
}
