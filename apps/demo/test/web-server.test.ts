import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, test } from 'vitest';
import { cliPath, runCli } from './run-cli';

/** `dlkit-demo web …` in the background, resolved once it prints its URL. */
async function startServer(args: string[] = ['--port', '0']) {
  const child = spawn(process.execPath, [cliPath, 'web', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const found = /http:\/\/\S+\//.exec(stdout)?.[0];
      if (found) resolve(found);
    });
    void exited.then((code) => reject(new Error(`exited ${code} before printing a URL: ${stderr}`)));
  });
  return { child, url, exited, output: () => ({ stdout, stderr }) };
}

describe('dlkit-demo web', { timeout: 30_000 }, () => {
  test('serves the built page on 127.0.0.1 with the headers that make it cross-origin isolated, and its assets; nothing outside it', async () => {
    const server = await startServer();
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(server.output().stdout).toContain('Ctrl-C stops the server');
      const page = await fetch(server.url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(page.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
      const html = await page.text();
      expect(html).toContain('<title>dlkit: train the MNIST GAN in your browser</title>');
      const script = /src="\.\/(assets\/index-[\w-]+\.js)"/.exec(html)?.[1];
      expect(script).toBeDefined();
      const asset = await fetch(new URL(script!, server.url));
      expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(asset.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
      // The worker is its own module; tfjs-backend-wasm's binaries and the packages' assets are served too.
      const worker = /training-worker-[\w-]+\.js/.exec(await asset.text())?.[0];
      expect(worker).toBeDefined();
      const workerSource = await (await fetch(new URL(`assets/${worker}`, server.url))).text();
      for (const wasm of /tfjs-backend-wasm-threaded-simd-[\w-]+\.wasm/.exec(workerSource) ?? []) {
        const binary = await fetch(new URL(`assets/${wasm}`, server.url));
        expect(binary.headers.get('content-type')).toBe('application/wasm');
      }
      expect((await fetch(new URL('/nothing-here.js', server.url))).status).toBe(404);
      expect((await fetch(new URL('/%2e%2e/package.json', server.url))).status).toBe(404);
      expect((await fetch(server.url, { method: 'POST' })).status).toBe(405);
    } finally {
      server.child.kill('SIGKILL');
    }
  });

  test.each(['SIGINT', 'SIGTERM'] as const)('%s (Ctrl-C) closes the server and exits 0, with an open connection', async (signal) => {
    const server = await startServer();
    // A browser keeps its connection open: closing must not wait for it.
    const held = await fetch(server.url, { keepalive: true });
    expect(held.status).toBe(200);
    server.child.kill(signal);
    expect(await server.exited).toBe(0);
    expect(server.output().stderr).toBe(`\n${signal === 'SIGINT' ? 'Ctrl-C' : 'SIGTERM'}: stopping the server\n`);
    await expect(fetch(server.url)).rejects.toThrow();
  });

  test('a port in use is one line, exit 1, no stack trace', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const result = runCli(['web', '--port', String(port)]);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(`dlkit-demo: port ${port} is in use on 127.0.0.1: pick another with --port <n>\n`);
      expect(result.stdout).toBe('');
    } finally {
      blocker.close();
    }
  });

  test.each(['abc', '70000', '-1', '8080.5', ''])('--port %j is one line, exit 1', (port) => {
    const result = runCli(['web', '--port', port]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`dlkit-demo: --port ${port}: expected a port number from 0 to 65535 (0: any free port) (see --help)\n`);
  });

  test('a --host that is not this machine is one line', () => {
    const result = runCli(['web', '--port', '0', '--host', '192.0.2.1']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('dlkit-demo: cannot listen on 192.0.2.1: not an address of this machine (try --host 127.0.0.1)\n');
  });
});
