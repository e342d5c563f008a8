import { defineConfig } from 'vitest/config';

// npm installs from the registry inside the test: give it time on a slow network.
export default defineConfig({ test: { testTimeout: 300_000, hookTimeout: 300_000 } });
