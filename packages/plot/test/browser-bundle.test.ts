import { browserBundle } from '@dlkit/test-utils';
import { expect, test } from 'vitest';

test('the main entry bundles for a browser with no Node built-in: no resvg, no write-file-atomic, fflate deflates', async () => {
  const { builtins, inputs } = await browserBundle(import.meta.url);
  expect(builtins).toEqual([]);
  expect(inputs.filter((path) => /platform\.web\.js$/.test(path))).toHaveLength(1);
  expect(inputs.filter((path) => /platform\.node\.js$|resvg|write-file-atomic|pngjs/.test(path))).toEqual([]);
});
