// A web app as its author writes it, built by Vite with no dlkit-specific configuration: the packages'
// assets come through new URL('../assets/…', import.meta.url), tfjs-backend-wasm's binaries through ?url.
import { describeBackend, initBackend } from '@dlkit/backend';
import { loadMnistClassifier } from '@dlkit/gan';
import { loadMnist } from '@dlkit/mnist';
import { imageGridSvg } from '@dlkit/plot';
import wasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

globalThis.__dlkitResult = (async () => {
  const wasmPaths = {
    'tfjs-backend-wasm.wasm': wasm,
    'tfjs-backend-wasm-simd.wasm': simd,
    'tfjs-backend-wasm-threaded-simd.wasm': threadedSimd,
  };
  const backend = describeBackend(await initBackend('wasm', { wasmPaths, threads: 2 }));
  const digits = await loadMnist({ limit: 16 });
  const classifier = await loadMnistClassifier();
  document.body.insertAdjacentHTML('beforeend', imageGridSvg(digits.images, { width: 28, height: 28 }));
  const result = {
    backend,
    labels: Array.from(digits.labels),
    accuracy: classifier.testAccuracy,
    grid: document.querySelectorAll('svg image').length,
  };
  classifier.dispose();
  return result;
})().catch((error) => ({ error: String(error?.message ?? error) }));
