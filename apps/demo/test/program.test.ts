import { describe, expect, test } from 'vitest';
import { runCli } from './run-cli';

describe('dlkit-demo --help', () => {
  test('--help lists every flag, the subcommands and examples, and exits 0', () => {
    const result = runCli(['--help']);
    expect(result.status).toBe(0);
    for (const flag of [
      '--epochs',
      '--batch-size',
      '--lr',
      '--limit',
      '--backend',
      '--data',
      '--model',
      '--ema',
      '--top-k',
      '--seed',
      '--out',
      '--resume',
      '--force',
      '--quiet',
    ]) {
      expect(result.stdout).toContain(flag);
    }
    for (const command of ['gan', 'report', 'conv', 'lstm', 'vae']) expect(result.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(result.stdout).toContain('Examples:');
  });

  test('help lists vae train and vae lab with examples', () => {
    const result = runCli(['vae', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ {2}lab\b/m);
    expect(result.stdout).toMatch(/^ {2}train\b/m);
    expect(result.stdout).toContain('pnpm demo vae train');
  });

  test('vae train --help lists --force and --resume; the backend choices come from @dlkit/backend', () => {
    const result = runCli(['vae', 'train', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--force');
    expect(result.stdout).toContain('--resume');
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('(choices: "auto", "gpu", "node", "wasm", "cpu", default: "auto")');
  });
});
