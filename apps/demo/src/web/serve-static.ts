import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { pageHeaders } from './page-headers';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

/**
 * An HTTP server for the files under `root` (a built page): GET and HEAD only, `/` is index.html, nothing
 * outside `root` is reachable, and every response carries {@link pageHeaders}. Not listening yet.
 */
export function createStaticServer(root: string): Server {
  return createServer((request, response) => {
    const send = (status: number, text: string, extra: Record<string, string> = {}) => {
      response.writeHead(status, { ...pageHeaders, 'content-type': 'text/plain; charset=utf-8', ...extra });
      response.end(request.method === 'HEAD' ? undefined : text);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'method not allowed', { allow: 'GET, HEAD' });
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      return send(400, 'bad request');
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return send(404, 'not found');
    let size: number;
    try {
      const stats = statSync(file);
      if (!stats.isFile()) return send(404, 'not found');
      size = stats.size;
    } catch {
      return send(404, 'not found');
    }
    response.writeHead(200, {
      ...pageHeaders,
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'content-length': String(size),
    });
    if (request.method === 'HEAD') return response.end();
    createReadStream(file).pipe(response);
  });
}
