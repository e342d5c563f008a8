import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomicOnDisk from 'write-file-atomic';

/**
 * Writes `data` to `path` (Node only) so that readers see either the old file or the whole new one, never a
 * half-written file, creating the parent folder when missing. The writing is npm's `write-file-atomic`
 * (the one implementation every dlkit package uses): a temporary file next to `path`, fsync, rename over
 * `path`; on failure the temporary file is removed and the old file is untouched. The folder itself is
 * not fsynced: after a power cut the rename may be lost, leaving the old file (whole, never a mix).
 *
 * @example
 * await writeFileAtomic('out/report.html', report.toHtml());
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomicOnDisk(path, typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength));
}
