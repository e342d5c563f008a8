import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtPackage } from '@dlkit/test-utils';
import { describe, expect, test } from 'vitest';

const { root, runNode } = builtPackage(import.meta.url);

const program = `console.log(Object.keys(random).sort().join(','), random.deriveSeed(0, 1, 0), Array.from(random.shuffledIndices(10, 7)).join(''));`;
const expected = 'deriveSeed,isSeed,randomSeed,seededRandom,shuffledIndices 2041196861 6581234790\n';

describe('the built package (dist)', () => {
  test('loads from ESM', () => {
    expect(runNode(`import * as random from '@dlkit/random'; ${program}`, 'module')).toBe(expected);
  });

  test('loads from CommonJS', () => {
    expect(runNode(`const random = require('@dlkit/random'); ${program}`, 'commonjs')).toBe(expected);
  });

  test('imports nothing at all, so it runs in a browser as it is', () => {
    for (const file of ['index.js', 'index.cjs']) {
      const source = readFileSync(join(root, 'dist', file), 'utf8');
      const imported = [...source.matchAll(/(?:from |import |import\(|require\()\s*["']([^"']+)["']/g)].map((match) => match[1]);
      expect(imported).toEqual([]);
    }
  });
});
