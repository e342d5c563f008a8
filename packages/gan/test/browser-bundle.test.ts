import { browserBundle } from '@dlkit/test-utils';
import { expect, test } from 'vitest';

test('the main entry bundles for a browser with no Node built-in: checkpoints as bytes, the classifier fetched', async () => {
  const { builtins, inputs } = await browserBundle(import.meta.url);
  expect(builtins).toEqual([]);
  expect(inputs.filter((path) => /^dist\/platform\.web\.js$/.test(path))).toHaveLength(1);
  expect(inputs.filter((path) => /platform\.node\.js$|write-file-atomic|dist\/node\.js$/.test(path))).toEqual([]);
});
