import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CliError } from '../cli-error';
import { pageFolder } from '../web/page-folder';
import { createStaticServer } from '../web/serve-static';

/** Options of {@link runWeb}, as the command line gives them. */
export interface WebOptions {
  port: number;
  host: string;
}

/** What {@link runWeb} started: the page's URL, and a way to stop serving (what Ctrl-C does). */
export interface RunningWeb {
  url: string;
  close(): Promise<void>;
}

/**
 * `demo web`: serves the page that trains the GAN and the VAE in the browser (built by `pnpm build`
 * into dist/web/) on --host:--port, cross-origin isolated so that WASM runs threads, prints its URL and
 * serves until Ctrl-C or SIGTERM, which close the server and end the process with code 0.
 */
export async function runWeb(options: WebOptions, { exitOnSignal = true } = {}): Promise<RunningWeb> {
  const root = pageFolder();
  if (!existsSync(join(root, 'index.html'))) {
    throw new CliError(`the page is not built (no ${join(root, 'index.html')}): run pnpm build, or pnpm demo web, which builds it`);
  }
  const server = createStaticServer(root);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const where = `${options.host}:${options.port}`;
      if (error.code === 'EADDRINUSE')
        reject(new CliError(`port ${options.port} is in use on ${options.host}: pick another with --port <n>`));
      else if (error.code === 'EACCES') reject(new CliError(`no permission to listen on ${where}: pick a port above 1023 with --port <n>`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
        reject(new CliError(`cannot listen on ${options.host}: not an address of this machine (try --host 127.0.0.1)`));
      else reject(new CliError(`cannot listen on ${where}: ${error.message}`));
    });
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${host}:${port}/`;
  // Browsers keep connections open; closing them lets close() finish at once.
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  process.stdout.write(`dlkit demo page: ${url}\nopen it in a browser (WebGPU needs 127.0.0.1 or localhost); Ctrl-C stops the server\n`);
  if (exitOnSignal) {
    const stop = (signal: NodeJS.Signals) => {
      process.stderr.write(`\n${signal === 'SIGINT' ? 'Ctrl-C' : signal}: stopping the server\n`);
      void close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
  return { url, close };
}
