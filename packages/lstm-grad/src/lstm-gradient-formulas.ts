/** How the seed derivation (the assignment's Q2) wrote a formula, and what is wrong with it. */
export interface SeedMistake {
  markdown: string;
  latex: string;
  /** What is wrong, in one sentence. */
  explanation: string;
}

/** One equation of the LSTM or of its backpropagation through time. */
export interface LstmGradientFormula {
  /** Stable key, e.g. 'dc' for δc_t or 'dW' for ∂L/∂W (matches LstmGradients' fields where one exists). */
  id: string;
  /** 'forward' for the model's equations, 'backward' for the gradients (in the order BPTT computes them). */
  stage: 'forward' | 'backward';
  /** The quantity defined, e.g. 'δc_t'. */
  quantity: string;
  /** The correct formula in Markdown (Unicode, no math markup). */
  markdown: string;
  /** The same formula in LaTeX (no surrounding $ signs). */
  latex: string;
  /** Why it holds, briefly. */
  note: string;
  /** Present where the seed derivation gets this formula wrong. */
  seedMistake?: SeedMistake;
}

const FORMULAS: readonly LstmGradientFormula[] = [
  {
    id: 'gates',
    stage: 'forward',
    quantity: '[i_t; f_t; o_t; g_t]',
    markdown: '[i_t; f_t; o_t; g_t] = [σ; σ; σ; tanh](W · [h_{t−1}; x_t] + b)',
    latex:
      '\\begin{bmatrix} i_t \\\\ f_t \\\\ o_t \\\\ g_t \\end{bmatrix} = \\begin{bmatrix} \\sigma \\\\ \\sigma \\\\ \\sigma \\\\ \\tanh \\end{bmatrix}\\!\\left(W \\begin{bmatrix} h_{t-1} \\\\ x_t \\end{bmatrix} + b\\right)',
    note: 'W is [4H, H+X] with rows in gate order i, f, o, g; the pre-activations are î_t, f̂_t, ô_t, ĝ_t. The candidate g_t uses tanh so the cell can move both ways.',
    seedMistake: {
      markdown: 'g_t = σ(ĝ_t)',
      latex: 'g_t = \\sigma(\\hat g_t)',
      explanation: 'g_t is the candidate cell value and uses tanh, not the sigmoid: g_t = tanh(ĝ_t).',
    },
  },
  {
    id: 'c',
    stage: 'forward',
    quantity: 'c_t',
    markdown: 'c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t',
    latex: 'c_t = f_t \\odot c_{t-1} + i_t \\odot g_t',
    note: 'The forget gate scales the old cell; the input gate admits the candidate.',
    seedMistake: {
      markdown: 'c_t = f_t ⊙ c_{t−1} + i_t ⊙ + g_t',
      latex: 'c_t = f_t \\odot c_{t-1} + i_t \\odot + g_t',
      explanation: "A stray '+': the input gate multiplies the candidate, i_t ⊙ g_t.",
    },
  },
  {
    id: 'h',
    stage: 'forward',
    quantity: 'h_t',
    markdown: 'h_t = o_t ⊙ tanh(c_t)',
    latex: 'h_t = o_t \\odot \\tanh(c_t)',
    note: 'The output gate exposes a squashed copy of the cell.',
  },
  {
    id: 'dh',
    stage: 'backward',
    quantity: 'δh_t',
    markdown: 'δh_t = ∂L/∂h_t + W_hᵀ · δẑ_{t+1},  with δẑ_{t+1} = [δî_{t+1}; δf̂_{t+1}; δô_{t+1}; δĝ_{t+1}] (zero at t = T)',
    latex:
      '\\delta h_t = \\frac{\\partial L}{\\partial h_t} + W_h^\\top \\delta\\hat z_{t+1}, \\quad \\delta\\hat z_{t+1} = \\begin{bmatrix} \\delta\\hat i_{t+1} \\\\ \\delta\\hat f_{t+1} \\\\ \\delta\\hat o_{t+1} \\\\ \\delta\\hat g_{t+1} \\end{bmatrix}',
    note: 'h_t feeds the loss directly and, through W_h (the first H columns of W), all four pre-activations of step t+1.',
  },
  {
    id: 'do',
    stage: 'backward',
    quantity: 'δo_t',
    markdown: 'δo_t = δh_t ⊙ tanh(c_t)',
    latex: '\\delta o_t = \\delta h_t \\odot \\tanh(c_t)',
    note: 'o_t reaches the loss only through h_t = o_t ⊙ tanh(c_t). The seed has this one right.',
  },
  {
    id: 'dc',
    stage: 'backward',
    quantity: 'δc_t',
    markdown: 'δc_t = δh_t ⊙ o_t ⊙ (1 − tanh²(c_t)) + δc_{t+1} ⊙ f_{t+1}',
    latex: '\\delta c_t = \\delta h_t \\odot o_t \\odot \\left(1 - \\tanh^2(c_t)\\right) + \\delta c_{t+1} \\odot f_{t+1}',
    note: 'c_t reaches the loss through h_t and through c_{t+1} = f_{t+1} ⊙ c_t + …; at t = T the second term is ∂L/∂c_T (zero unless the loss reads c_T).',
    seedMistake: {
      markdown: 'δc_t = δh_t ⊙ o_t ⊙ (1 − tanh²(c_t)) + δc_{t+1} ⊙ f_t',
      latex: '\\delta c_t = \\delta h_t \\odot o_t \\odot \\left(1 - \\tanh^2(c_t)\\right) + \\delta c_{t+1} \\odot f_t',
      explanation: 'c_t is carried into c_{t+1} by the next step’s forget gate, so the recursion needs f_{t+1}, not f_t.',
    },
  },
  {
    id: 'di',
    stage: 'backward',
    quantity: 'δi_t',
    markdown: 'δi_t = δc_t ⊙ g_t',
    latex: '\\delta i_t = \\delta c_t \\odot g_t',
    note: 'i_t acts only through c_t = … + i_t ⊙ g_t, so its gradient comes from δc_t.',
    seedMistake: {
      markdown: 'δi_t = δh_t ⊙ g_t',
      latex: '\\delta i_t = \\delta h_t \\odot g_t',
      explanation: 'i_t does not touch h_t directly; the gradient must come through the cell, δc_t.',
    },
  },
  {
    id: 'df',
    stage: 'backward',
    quantity: 'δf_t',
    markdown: 'δf_t = δc_t ⊙ c_{t−1}',
    latex: '\\delta f_t = \\delta c_t \\odot c_{t-1}',
    note: 'f_t acts only through c_t = f_t ⊙ c_{t−1} + ….',
    seedMistake: {
      markdown: 'δf_t = δh_t ⊙ c_{t−1}',
      latex: '\\delta f_t = \\delta h_t \\odot c_{t-1}',
      explanation: 'f_t does not touch h_t directly; the gradient must come through the cell, δc_t.',
    },
  },
  {
    id: 'dg',
    stage: 'backward',
    quantity: 'δg_t',
    markdown: 'δg_t = δc_t ⊙ i_t',
    latex: '\\delta g_t = \\delta c_t \\odot i_t',
    note: 'g_t acts only through c_t = … + i_t ⊙ g_t.',
    seedMistake: {
      markdown: 'δg_t = δh_t ⊙ i_t',
      latex: '\\delta g_t = \\delta h_t \\odot i_t',
      explanation: 'g_t does not touch h_t directly; the gradient must come through the cell, δc_t.',
    },
  },
  ...(['i', 'f', 'o'] as const).map(
    (gate): LstmGradientFormula => ({
      id: `dPreactivation.${gate}`,
      stage: 'backward',
      // NFC, so î and ô come out as single characters (f̂ has none) and compare equal to typed text.
      quantity: `δ${gate}\u0302_t`.normalize('NFC'),
      markdown: `δ${gate}\u0302_t = δ${gate}_t ⊙ ${gate}_t ⊙ (1 − ${gate}_t)`.normalize('NFC'),
      latex: `\\delta\\hat ${gate}_t = \\delta ${gate}_t \\odot ${gate}_t \\odot (1 - ${gate}_t)`,
      note: `σ′(x) = σ(x)(1 − σ(x)), evaluated at the same step as δ${gate}_t (so at step t+1: δ${gate}_{t+1} ⊙ ${gate}_{t+1} ⊙ (1 − ${gate}_{t+1})).`,
      seedMistake: {
        markdown: `δ${gate}\u0302_{t+1} = δ${gate}_{t+1} ⊙ ${gate}_t ⊙ (1 − ${gate}_{t+1})`.normalize('NFC'),
        latex: `\\delta\\hat ${gate}_{t+1} = \\delta ${gate}_{t+1} \\odot ${gate}_t \\odot (1 - ${gate}_{t+1})`,
        explanation: `The sigmoid derivative mixes two steps: it is ${gate}_{t+1} ⊙ (1 − ${gate}_{t+1}), both factors at step t+1.`,
      },
    }),
  ),
  {
    id: 'dPreactivation.g',
    stage: 'backward',
    quantity: 'δĝ_t',
    markdown: 'δĝ_t = δg_t ⊙ (1 − g_t²)',
    latex: '\\delta\\hat g_t = \\delta g_t \\odot (1 - g_t^2)',
    note: 'tanh′(x) = 1 − tanh²(x); with the seed’s σ for g_t this would wrongly become g_t(1 − g_t).',
  },
  {
    id: 'dx',
    stage: 'backward',
    quantity: 'δx_t',
    markdown: 'δx_t = W_xᵀ · δẑ_t',
    latex: '\\delta x_t = W_x^\\top \\delta\\hat z_t',
    note: 'W_x: the last X columns of W, those that multiply x_t.',
  },
  {
    id: 'dW',
    stage: 'backward',
    quantity: '∂L/∂W',
    markdown: '∂L/∂W = Σ_t δẑ_t · [h_{t−1}; x_t]ᵀ',
    latex: '\\frac{\\partial L}{\\partial W} = \\sum_t \\delta\\hat z_t \\begin{bmatrix} h_{t-1} \\\\ x_t \\end{bmatrix}^\\top',
    note: 'W is shared by every step, so its gradient sums over steps (and over the batch).',
  },
  {
    id: 'db',
    stage: 'backward',
    quantity: '∂L/∂b',
    markdown: '∂L/∂b = Σ_t δẑ_t',
    latex: '\\frac{\\partial L}{\\partial b} = \\sum_t \\delta\\hat z_t',
    note: 'The bias adds to every pre-activation of every step (and batch row).',
  },
  {
    id: 'dh0',
    stage: 'backward',
    quantity: 'δh_0',
    markdown: 'δh_0 = W_hᵀ · δẑ_1',
    latex: '\\delta h_0 = W_h^\\top \\delta\\hat z_1',
    note: 'The initial hidden state feeds only the first step’s pre-activations.',
  },
  {
    id: 'dc0',
    stage: 'backward',
    quantity: 'δc_0',
    markdown: 'δc_0 = δc_1 ⊙ f_1',
    latex: '\\delta c_0 = \\delta c_1 \\odot f_1',
    note: 'The initial cell state reaches the loss only through c_1 = f_1 ⊙ c_0 + ….',
  },
];

/**
 * The LSTM's equations and its exact backpropagation-through-time gradients, as data: the forward
 * model first, then each gradient in the order BPTT computes it at step t, in Markdown and LaTeX,
 * with the seed derivation's mistakes beside the corrections (`seedMistake`). Returns fresh copies.
 *
 * @example lstmGradientFormulas().filter((formula) => formula.seedMistake).map((formula) => formula.quantity)
 */
export function lstmGradientFormulas(): LstmGradientFormula[] {
  return structuredClone(FORMULAS) as LstmGradientFormula[];
}
