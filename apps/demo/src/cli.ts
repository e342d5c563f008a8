#!/usr/bin/env node
import { CommanderError } from 'commander';
import { version } from '../package.json';
import { CliError } from './cli-error';
import { oneLineMessage } from './one-line-message';
import { createProgram } from './program';

// A reader that goes away (`pnpm demo 2>&1 | head -1`) ends the process as SIGPIPE would, but through
// process.exit, so exit handlers still run (a run's folder lock is removed); unhandled, the EPIPE
// crashes Node's own error handler, which skips them.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(141);
  });
}

// The one place errors reach the user: one line and a non-zero exit, never a stack trace
// (DEBUG=1 adds it, for bug reports).
try {
  await createProgram(version).parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // commander has already printed its one line (or the help/version text).
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`dlkit-demo: ${oneLineMessage(error)}\n`);
    if (process.env.DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
  }
}
