// kernels.wat → WebAssembly bytes, once for each kind of memory it imports.
import createWabt from 'wabt';

/** Values per side of the tiles the transpose kernel walks (16: fastest of 8–64 measured on WASM). */
const transposeTile = 16;
const features = { simd: true, threads: true };

export async function compileKernels(source) {
  const wabt = await createWabt();
  const compile = (memory) => {
    const text = source.replaceAll('{{MEMORY}}', memory).replaceAll('{{TILE}}', String(transposeTile));
    const module = wabt.parseWat('kernels.wat', text, features);
    try {
      module.validate(features);
      return module.toBinary({}).buffer;
    } finally {
      module.destroy();
    }
  };
  // A shared memory must declare a maximum; 65536 pages is all of wasm32's 4 GiB.
  return { shared: compile('1 65536 shared'), unshared: compile('1') };
}
