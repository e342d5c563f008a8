// The products of the MLP GAN's training step at batch 128 (G 100→256→512→1024→784, D 784→1024→512→256→1),
// each dense layer y = x·W giving three: forward x·W (NN), input gradient dy·Wᵀ (NT), weight gradient xᵀ·dy (TN).
// `perStep`: how often a step (one D step + one G step, as bench/gan.bench.mjs counts FLOPs) runs each.
export const batch = 128;
const generator = [100, 256, 512, 1024, 784];
const discriminator = [784, 1024, 512, 256, 1];

function layerProducts(sizes, net) {
  return sizes.slice(1).flatMap((out, i) => {
    const input = sizes[i];
    const layer = `${net}${i + 1} ${input}→${out}`;
    // G: forward in both steps, backward once (G step). D: forward on reals and fakes (D step) and fakes
    // (G step); weight gradients twice (D step); input gradients in the D step's two passes except layer 1, and once in the G step.
    const g = net === 'G';
    return [
      { layer, kind: 'fwd', transA: 0, transB: 0, m: batch, n: out, k: input, perStep: g ? 2 : 3 },
      { layer, kind: 'dx', transA: 0, transB: 1, m: batch, n: input, k: out, perStep: g ? 1 : i === 0 ? 1 : 3 },
      { layer, kind: 'dW', transA: 1, transB: 0, m: input, n: out, k: batch, perStep: g ? 1 : 2 },
    ];
  });
}

export const ganProducts = [...layerProducts(generator, 'G'), ...layerProducts(discriminator, 'D')];
export const square = { layer: 'square', kind: '512³', transA: 0, transB: 0, m: 512, n: 512, k: 512, perStep: 0 };
export const allShapes = [...ganProducts, square];

export const flops = ({ m, n, k }) => 2 * m * n * k;
export const label = ({ transA, transB, m, n, k }) =>
  `${transA ? `[${k},${m}]ᵀ` : `[${m},${k}]`}·${transB ? `[${n},${k}]ᵀ` : `[${k},${n}]`}`;
