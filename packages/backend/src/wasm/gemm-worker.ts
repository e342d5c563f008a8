// A GEMM worker: instantiates dlkit's GEMM modules on the shared WebAssembly memory it is given and
// serves jobs from the control block (_gemm-control.ts) until the pool closes. Node starts it with
// worker_threads (the data comes as workerData), a browser as a module Web Worker (the same data as its
// first message). No Node import: Node's worker_threads is reached through process.getBuiltinModule,
// so bundlers see nothing of Node here.
import {
  type AdamKernel,
  controlBytes,
  type DropoutKernel,
  jobFunctions,
  PARAMS,
  type RunChunk,
  runAdamChunk,
  runDropoutParts,
  serveJobs,
} from './_gemm-control.ts';

/** What a GEMM worker is started with. */
export interface GemmWorkerData {
  /** Compiled modules by variant index (_gemm-control.ts's variantIndex); null where the engine cannot run one. */
  modules: (WebAssembly.Module | null)[];
  /** kernels.wat compiled for a shared memory (adamJob and dropoutJob run its adam and dropout), or null. */
  kernels: WebAssembly.Module | null;
  memory: WebAssembly.Memory;
  controlAddress: number;
  /** 1 … threads − 1 (the caller is thread 0). */
  id: number;
}

type JobExports = Record<(typeof jobFunctions)[number], (params: number, from: number, to: number, scratch: number) => void>;

function start({ modules, kernels, memory, controlAddress, id }: GemmWorkerData): void {
  const instances = modules.map((module) =>
    module ? (new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as JobExports) : null,
  );
  const own = kernels
    ? (new WebAssembly.Instance(kernels, { env: { memory } }).exports as unknown as { adam: AdamKernel; dropout: DropoutKernel })
    : null;
  const words = new Int32Array(memory.buffer, controlAddress, controlBytes / 4);
  const params = controlAddress + PARAMS * 4;
  const run: RunChunk = (kind, variant, from, to, scratch) => {
    const name = jobFunctions[kind]!;
    if (name === 'adamJob') runAdamChunk(own!.adam, memory.buffer, params, from, to);
    else if (name === 'dropoutJob') runDropoutParts(own!.dropout, memory.buffer, params, from, to);
    else instances[variant]![name](params, from, to, scratch);
  };
  serveJobs(run, words, id);
}

interface NodeWorkerThreads {
  isMainThread: boolean;
  workerData: unknown;
}
const nodeProcess = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
const workerThreads = nodeProcess?.getBuiltinModule?.('node:worker_threads') as NodeWorkerThreads | undefined;
if (workerThreads && !workerThreads.isMainThread) {
  start(workerThreads.workerData as GemmWorkerData);
} else {
  (globalThis as unknown as { onmessage: ((event: MessageEvent<GemmWorkerData>) => void) | null }).onmessage = (event) => {
    (globalThis as unknown as { onmessage: null }).onmessage = null;
    start(event.data);
  };
}
