#!/usr/bin/env node
// The `conv-math` command: everything happens in runCli, which turns every failure into one stderr line.
import { readFileSync } from 'node:fs';
import { version } from '../package.json';
import { runCli } from './cli/run-cli';

process.exitCode = runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: () => {
    if (process.stdin.isTTY) return '';
    try {
      return readFileSync(0, 'utf8');
    } catch {
      return '';
    }
  },
  version,
});
