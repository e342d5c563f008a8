import { browserBundle } from '@dlkit/test-utils';
import { expect, test } from 'vitest';

test('the main entry bundles for a browser with no Node built-in (fflate gunzips, the embedded digits are fetched)', async () => {
  const { builtins, inputs } = await browserBundle(import.meta.url);
  expect(builtins).toEqual([]);
  expect(inputs.filter((path) => /platform\.web\.js$/.test(path))).toHaveLength(1);
  expect(inputs.filter((path) => /platform\.node\.js$|write-file-atomic/.test(path))).toEqual([]);
});
