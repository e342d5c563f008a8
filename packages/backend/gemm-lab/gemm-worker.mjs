// A GEMM worker: instantiates the kernel module on the shared memory it is given and serves jobs from
// the control block (control.mjs). In Node it reads workerData; in a browser it takes the same object
// from its first message (new Worker(url, { type: 'module' }) then postMessage({ module, memory, ... })).
import { serveJobs } from './control.mjs';

function start({ module, memory, controlAddress, id }) {
  const { gemm } = new WebAssembly.Instance(module, { env: { memory } }).exports;
  serveJobs(gemm, memory, controlAddress, id);
}

if (typeof process === 'object' && process.versions?.node) {
  const { workerData } = await import('node:worker_threads');
  start(workerData);
} else {
  self.onmessage = (event) => start(event.data);
}
