// Prepares dist/ for zcli (`zcli apps:server dist`, `zcli apps:create dist`,
// `zcli apps:update dist`): zcli reads zcli.apps.config.json from the folder it is
// given, so this copies the repository's zcli.apps.config.json (test settings, and the
// app_id once the app exists in Zendesk) into dist/, and writes dist/.zcliignore so
// that zcli does not upload either file. Run it after every build, since the build
// empties dist/.
//
//   npm run build && npx tsx scripts/zcli-dist.ts && zcli apps:server dist

import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function prepareDistForZcli(distDir = join(repoRoot, 'dist'), configFile = join(repoRoot, 'zcli.apps.config.json')): void {
  if (!existsSync(join(distDir, 'manifest.json'))) throw new Error(`${distDir} has no manifest.json: run \`npm run build\` first`);
  if (existsSync(configFile)) {
    JSON.parse(readFileSync(configFile, 'utf8')); // fail here rather than inside zcli
    copyFileSync(configFile, join(distDir, 'zcli.apps.config.json'));
  }
  writeFileSync(join(distDir, '.zcliignore'), 'zcli.apps.config.json\n.zcliignore\n');
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    prepareDistForZcli();
    console.log('dist/ is ready for zcli (zcli.apps.config.json and .zcliignore written)');
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
