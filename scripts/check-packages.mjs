#!/usr/bin/env node
// Checks every published package as npm will see it: each is packed with `pnpm pack` (the packing
// `changeset publish` uses, which rewrites workspace: ranges) and its tarball must hold a LICENSE equal
// to the root's and a manifest without a workspace: range; publint --strict and arethetypeswrong must
// find nothing in it. Its package.json must carry the metadata derived from the root package.json (the
// one place that names the repository: `repository.url`), and its README must link only to absolute
// URLs, those into the repository naming files that exist.
//
//   node scripts/check-packages.mjs          check (packages must be built: `pnpm check-packages` builds first)
//   node scripts/check-packages.mjs --fix    first write the derived metadata into every package.json
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify, stripVTControlCharacters } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const run = promisify(execFile);
const rootDir = fileURLToPath(new URL('..', import.meta.url));
const root = JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8'));
const license = readFileSync(join(rootDir, 'LICENSE'), 'utf8');

// Everything below follows from the root's repository URL (an assumption until the repository exists).
const repositoryUrl = root.repository.url; // git+https://github.com/dlkit/dlkit.git
const web = repositoryUrl.replace(/^git\+/, '').replace(/\.git$/, '');
const raw = web.replace('https://github.com/', 'https://raw.githubusercontent.com/');
const branch = 'main';

function expectedMetadata(folder) {
  return {
    homepage: `${web}/tree/${branch}/packages/${folder}#readme`,
    bugs: { url: `${web}/issues` },
    repository: { type: 'git', url: repositoryUrl, directory: `packages/${folder}` },
    license: root.license,
    engines: { node: root.engines.node },
    publishConfig: { access: 'public' },
  };
}

// Stops `npm publish`, which would ship workspace: ranges as they are.
const guard = 'node ../../scripts/require-pnpm-publish.mjs';
const problems = [];
const fix = process.argv.includes('--fix');
const folders = readdirSync(join(rootDir, 'packages')).filter((folder) => existsSync(join(rootDir, 'packages', folder, 'package.json')));
const manifests = Object.fromEntries(
  folders.map((folder) => [folder, JSON.parse(readFileSync(join(rootDir, 'packages', folder, 'package.json'), 'utf8'))]),
);

for (const folder of folders) {
  const file = join(rootDir, 'packages', folder, 'package.json');
  const pkg = manifests[folder];
  const report = (message) => problems.push(`${pkg.name}: ${message}`);
  const expected = expectedMetadata(folder);
  if (fix) {
    Object.assign(pkg, expected);
    pkg.scripts = { ...pkg.scripts, prepublishOnly: guard };
    writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
  }
  if (pkg.scripts?.prepublishOnly !== guard) report(`package.json "scripts.prepublishOnly" must be "${guard}" (--fix writes it)`);
  for (const [field, value] of Object.entries(expected)) {
    if (JSON.stringify(pkg[field]) !== JSON.stringify(value)) {
      report(`package.json "${field}" is ${JSON.stringify(pkg[field])}; expected ${JSON.stringify(value)} (--fix writes it)`);
    }
  }
  if (pkg.private) report('is private but lives in packages/, the published folder');
  if (!pkg.description) report('package.json has no description');
  if (!Array.isArray(pkg.keywords) || pkg.keywords.length === 0) report('package.json has no keywords');
  if (pkg.sideEffects === undefined) report('package.json does not say "sideEffects"');
  checkPeerRanges(pkg, report);
  if (readFileSync(join(rootDir, 'packages', folder, 'LICENSE'), { encoding: 'utf8', flag: 'r' }) !== license) {
    report('LICENSE differs from the root LICENSE');
  }
  checkReadme(folder, pkg, report);
}

// tfjs-core peers are ranges from the oldest version integration/ tests against. The exception is
// @dlkit/backend and whatever depends on it: tfjs-backend-wasm pins tfjs-core exactly (and the backend
// patches its worker script), so they pin the same version, and their README says why.
function checkPeerRanges(pkg, report) {
  const peer = pkg.peerDependencies?.['@tensorflow/tfjs-core'];
  if (peer === undefined) return;
  const pinned = pkg.name === '@dlkit/backend' || pkg.dependencies?.['@dlkit/backend'] !== undefined;
  const wasm = manifests.backend.dependencies['@tensorflow/tfjs-backend-wasm'];
  if (pinned && peer !== wasm) report(`peer @tensorflow/tfjs-core is ${peer}; @dlkit/backend forces ${wasm}`);
  if (!pinned && !/^\^\d+\.\d+\.\d+$/.test(peer)) report(`peer @tensorflow/tfjs-core is ${peer}; expected a ^ range`);
}

// npmjs.com shows the README without the repository around it: relative links break there.
function checkReadme(folder, pkg, report) {
  const readme = readFileSync(join(rootDir, 'packages', folder, 'README.md'), 'utf8');
  const targets = [
    ...readme.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g), // [text](target), ![alt](target)
    ...readme.matchAll(/^\[[^\]]+\]:\s*(\S+)/gm), // [label]: target
    ...readme.matchAll(/<(?:img|a)\s[^>]*(?:src|href)="([^"]+)"/g),
  ].map((match) => match[1]);
  for (const target of targets) {
    if (target.startsWith('#') || target.startsWith('mailto:')) continue;
    if (!/^https?:\/\//.test(target)) {
      report(`README links to ${target}, which breaks on npmjs.com; use ${web}/blob/${branch}/packages/${folder}/${target}`);
      continue;
    }
    const inRepository = [`${web}/blob/${branch}/`, `${web}/tree/${branch}/`, `${raw}/${branch}/`].find((prefix) =>
      target.startsWith(prefix),
    );
    if (inRepository) {
      const path = decodeURIComponent(target.slice(inRepository.length).replace(/[?#].*$/, ''));
      if (!existsSync(join(rootDir, path))) report(`README links to ${target}, but ${path} does not exist`);
    } else if (target.startsWith(web) && !target.startsWith(`${web}/issues`)) {
      report(`README links to ${target}; link to ${web}/blob/${branch}/… or ${web}/tree/${branch}/…`);
    }
  }
  const install = /```sh\n(npm install [^\n]+)\n/.exec(readme)?.[1];
  if (!install) report('README has no ```sh block starting with an `npm install …` line');
  else if (!install.split(/\s+/).includes(pkg.name)) report(`README's install line does not name ${pkg.name}: ${install}`);
}

// Packs, then reads the tarball: its manifest, its LICENSE, publint and arethetypeswrong.
const packDir = mkdtempSync(join(tmpdir(), 'dlkit-check-packages-'));
const attw = join(rootDir, 'node_modules', '.bin', 'attw');
const lines = [];
try {
  await Promise.all(
    folders.map(async (folder) => {
      const pkg = manifests[folder];
      const report = (message) => problems.push(`${pkg.name} (packed): ${message}`);
      const cwd = join(rootDir, 'packages', folder);
      const { stdout } = await run('pnpm', ['pack', '--json', '--pack-destination', packDir], { cwd });
      const { filename, files, size } = JSON.parse(stdout);
      const tarball = filename.startsWith('/') ? filename : join(packDir, filename);
      const unpacked = join(packDir, folder);
      await run('mkdir', ['-p', unpacked]);
      await run('tar', ['-xzf', tarball, '-C', unpacked]);
      const packed = JSON.parse(readFileSync(join(unpacked, 'package', 'package.json'), 'utf8'));
      for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies']) {
        for (const [name, range] of Object.entries(packed[field] ?? {})) {
          if (range.startsWith('workspace:')) report(`${field} keeps ${name}@${range}: publish with pnpm (pnpm release), not npm`);
        }
      }
      for (const name of ['LICENSE', 'README.md']) {
        if (!existsSync(join(unpacked, 'package', name))) report(`the tarball has no ${name}`);
      }
      if (existsSync(join(unpacked, 'package', 'LICENSE')) && readFileSync(join(unpacked, 'package', 'LICENSE'), 'utf8') !== license) {
        report('the LICENSE in the tarball differs from the root LICENSE');
      }

      const bytes = readFileSync(tarball);
      const lint = await publint({
        pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
        strict: true,
        level: 'suggestion',
      });
      for (const message of lint.messages) report(`publint: ${stripVTControlCharacters(formatMessage(message, lint.pkg) ?? message.code)}`);

      try {
        await run(attw, [tarball, '--format', 'ascii'], { cwd: rootDir });
      } catch (error) {
        report(`arethetypeswrong:\n${error.stdout || error.message}`);
      }
      lines.push(
        `${`${packed.name}@${packed.version}`.padEnd(24)} ${String(files.length).padStart(3)} files, ${(size / 1024).toFixed(0)} kB packed`,
      );
    }),
  );
} finally {
  rmSync(packDir, { recursive: true, force: true });
}

console.log(lines.sort().join('\n'));
if (problems.length > 0) {
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(
  `\n${folders.length} packages: metadata, LICENSE, README links, packed manifests (no workspace: ranges), publint --strict and arethetypeswrong all clean.`,
);
