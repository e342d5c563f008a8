import { describe, expect, test } from 'vitest';
import { lstmGradientFormulas } from '../src/index';

describe('lstmGradientFormulas()', () => {
  test('lists the model, then the gradients in BPTT order', () => {
    const formulas = lstmGradientFormulas();
    expect(formulas.map((formula) => formula.id)).toEqual([
      'gates',
      'c',
      'h',
      'dh',
      'do',
      'dc',
      'di',
      'df',
      'dg',
      'dPreactivation.i',
      'dPreactivation.f',
      'dPreactivation.o',
      'dPreactivation.g',
      'dx',
      'dW',
      'db',
      'dh0',
      'dc0',
    ]);
    expect(formulas.slice(0, 3).every((formula) => formula.stage === 'forward')).toBe(true);
    expect(formulas.slice(3).every((formula) => formula.stage === 'backward')).toBe(true);
  });

  test('gives the corrected formulas beside the seed mistakes the issue lists', () => {
    const byId = new Map(lstmGradientFormulas().map((formula) => [formula.id, formula]));
    expect(byId.get('c')!.markdown).toBe('c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t');
    expect(byId.get('c')!.seedMistake!.markdown).toBe('c_t = f_t ⊙ c_{t−1} + i_t ⊙ + g_t');
    expect(byId.get('gates')!.seedMistake!.markdown).toBe('g_t = σ(ĝ_t)');
    expect(byId.get('dc')!.markdown).toBe('δc_t = δh_t ⊙ o_t ⊙ (1 − tanh²(c_t)) + δc_{t+1} ⊙ f_{t+1}');
    expect(byId.get('dc')!.seedMistake!.markdown).toMatch(/⊙ f_t$/);
    expect(byId.get('di')!.markdown).toBe('δi_t = δc_t ⊙ g_t');
    expect(byId.get('df')!.markdown).toBe('δf_t = δc_t ⊙ c_{t−1}');
    expect(byId.get('dg')!.markdown).toBe('δg_t = δc_t ⊙ i_t');
    for (const id of ['di', 'df', 'dg']) expect(byId.get(id)!.seedMistake!.markdown).toContain('δh_t');
    expect(byId.get('do')!.seedMistake).toBeUndefined();
    expect(byId.get('dPreactivation.i')!.markdown).toBe('δî_t = δi_t ⊙ i_t ⊙ (1 − i_t)');
    for (const gate of ['i', 'f', 'o']) {
      expect(byId.get(`dPreactivation.${gate}`)!.seedMistake!.markdown).toContain(`${gate}_t ⊙ (1 − ${gate}_{t+1})`);
    }
    const withMistakes = [...byId.values()].filter((formula) => formula.seedMistake);
    expect(withMistakes.map((formula) => formula.id)).toEqual([
      'gates',
      'c',
      'dc',
      'di',
      'df',
      'dg',
      'dPreactivation.i',
      'dPreactivation.f',
      'dPreactivation.o',
    ]);
  });

  test('every formula has Markdown, LaTeX and a note; results are fresh copies', () => {
    const formulas = lstmGradientFormulas();
    for (const formula of formulas) {
      expect(formula.markdown.length).toBeGreaterThan(5);
      expect(formula.latex).toMatch(/\\|_/);
      expect(formula.note.length).toBeGreaterThan(10);
    }
    formulas[0]!.markdown = 'changed';
    expect(lstmGradientFormulas()[0]!.markdown).not.toBe('changed');
  });
});
