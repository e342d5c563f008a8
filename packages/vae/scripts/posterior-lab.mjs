#!/usr/bin/env node
// Runs the posterior-approximation lab (the assignment's Q3) and writes its figures (drawn with @dlkit/plot,
// a devDependency: the package itself draws nothing) and answer to docs/posterior-lab/.
// Usage (after `pnpm turbo run build --filter=@dlkit/vae...`): node scripts/posterior-lab.mjs [--out docs/posterior-lab]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { contourPlot, writeFileAtomic } from '@dlkit/plot';
import { runPosteriorLab } from '@dlkit/vae';

const { values } = parseArgs({ options: { out: { type: 'string', default: new URL('../docs/posterior-lab', import.meta.url).pathname } } });
const started = performance.now();
const lab = await runPosteriorLab();
console.log(`posterior lab: ${lab.cases.length} cases in ${((performance.now() - started) / 1000).toFixed(1)} s`);
for (const c of lab.cases) {
  await writeFileAtomic(join(values.out, `${c.id}.svg`), await contourPlot(c.figure));
  console.log(
    `${c.id.padEnd(30)} ${c.covers.padEnd(10)} KL(q‖p) ${c.reverseKl.toFixed(4).padStart(7)}  KL(p‖q) ${c.forwardKl.toFixed(3).padStart(7)}`,
  );
}
await writeFileAtomic(join(values.out, 'answer.md'), `${lab.answer.markdown}\n`);
console.log(`wrote ${values.out}/*.svg and answer.md`);
