import { browserBundle } from '@dlkit/test-utils';
import { expect, test } from 'vitest';

test('the main entry bundles for a browser with no Node built-in', async () => {
  const { builtins, inputs } = await browserBundle(import.meta.url);
  expect(builtins).toEqual([]);
  expect(inputs.filter((path) => /write-file-atomic|training\/dist\/node\./.test(path))).toEqual([]);
});
