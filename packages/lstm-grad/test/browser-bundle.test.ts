import { browserBundle } from '@dlkit/test-utils';
import { expect, test } from 'vitest';

test('the main entry bundles for a browser with no Node built-in', async () => {
  const { builtins, bytes } = await browserBundle(import.meta.url);
  expect(builtins).toEqual([]);
  expect(bytes).toBeGreaterThan(0);
});
