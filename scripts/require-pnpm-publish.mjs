#!/usr/bin/env node
// Every published package's prepublishOnly. `npm publish` would ship package.json as it is, workspace:
// ranges included, which no registry install can resolve; `pnpm publish` (what `pnpm release` runs
// through `changeset publish`) packs a copy with those ranges turned into versions.
import { readFileSync } from 'node:fs';

const agent = process.env.npm_config_user_agent ?? '';
if (!agent.startsWith('pnpm/')) {
  const { name } = JSON.parse(readFileSync('package.json', 'utf8')); // lifecycle scripts run in the package folder
  console.error(
    `${name}: publish with pnpm (\`pnpm release\` at the repository root), not ${agent.split(' ')[0] || 'this tool'}: ` +
      "only pnpm's packing turns the workspace: ranges in package.json into versions.",
  );
  process.exit(1);
}
