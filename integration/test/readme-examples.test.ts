import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedTempDir } from '@dlkit/test-utils';
import { describe, expect, inject, test } from 'vitest';
import { codeBlocks, examples, installCommands } from './_readme';
import { createUserFolder, install, type PackageManager, sh, typecheck } from './_user-folder';

// Each package as a new user meets it: installed alone into an empty folder by its README's install
// line (npm, then pnpm, whose strict layout catches an import of something the line does not name),
// then every example of its README run as written: ```js as .mjs, ```ts as .mts, type-checked first.
const packed = inject('packed');
const packagesDir = fileURLToPath(new URL('../../packages', import.meta.url));
const base = sharedTempDir('dlkit-readme-');

const managers: PackageManager[] = ['npm', 'pnpm'];
const cases = packed.flatMap(({ name, folder }) => managers.map((manager) => [name, manager, folder] as const));

describe.concurrent('README examples, each package installed alone', () => {
  test.each(cases)('%s with %s: the install line, then every example as written', async (name, manager, folder) => {
    const blocks = codeBlocks(readFileSync(join(packagesDir, folder, 'README.md'), 'utf8'));
    const commands = installCommands(blocks);
    expect(commands[0], 'the first install line names the package').toContain(name);
    const runnable = examples(blocks);
    expect(runnable.length, 'the README has an example').toBeGreaterThan(0);

    const dir = join(base, `${manager}-${folder}`);
    createUserFolder(
      dir,
      manager,
      packed,
      commands.flat().filter((spec) => spec.startsWith('@dlkit/')),
    );
    for (const specs of commands) await install(dir, manager, specs, packed);

    const files = runnable.map((block) => {
      const file = `readme-line-${block.line}.${block.language === 'ts' ? 'mts' : 'mjs'}`;
      writeFileSync(join(dir, file), block.code);
      return file;
    });
    const typescript = files.filter((file) => file.endsWith('.mts'));
    if (typescript.length > 0) await typecheck(dir, typescript);
    for (const file of files) await sh(dir, process.execPath, [file], 120_000);
  });
});
