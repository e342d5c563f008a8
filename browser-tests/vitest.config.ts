import { defineConfig } from 'vitest/config';

// One Chromium at a time: SwiftShader renders WebGPU and WebGL on the CPU, and the machine may have two cores.
export default defineConfig({ test: { fileParallelism: false, testTimeout: 120_000, hookTimeout: 120_000 } });
