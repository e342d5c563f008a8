import type { BackendInfo } from '@dlkit/backend';

/**
 * What initBackend reported, as HTML: the backend that runs (and on what), each one tried before it and
 * why it was skipped, and its notes (e.g. why WASM runs fewer threads).
 */
export function backendReportHtml(info: BackendInfo): string {
  const details = [
    info.device,
    info.simd === undefined ? undefined : `SIMD ${info.simd ? 'on' : 'off'}`,
    info.threads === undefined ? undefined : `${info.threads} thread${info.threads === 1 ? '' : 's'}`,
    info.gemm ? `dlkit GEMM ${info.gemm}` : undefined,
  ].filter(Boolean);
  const skipped = info.tried.filter((attempt) => !attempt.ok);
  return [
    `<p><strong>backend: ${escapeHtml(info.name)}</strong>${details.length ? ` (${escapeHtml(details.join(', '))})` : ''}, requested ${escapeHtml(info.requested)}</p>`,
    skipped.length
      ? `<ul class="skipped">${skipped.map((a) => `<li>skipped ${escapeHtml(a.name)}: ${escapeHtml(a.reason ?? 'no reason given')}</li>`).join('')}</ul>`
      : '',
    info.notes?.length ? `<ul class="notes">${info.notes.map((note) => `<li>note: ${escapeHtml(note)}</li>`).join('')}</ul>` : '',
  ].join('');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
