// Zips dist/ (the output of `vite build`) into app-<version>.zip at the repository root,
// with manifest.json at the zip's root: the file to upload to Zendesk. Runs offline.
// zcli's working files (see scripts/zcli-dist.ts) are left out.
// The package is checked with scripts/check-package.ts first; on problems nothing is
// written and the exit status is 1.
//
//   npm run package        # vite build && tsx scripts/package-app.ts

import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, type Zippable } from 'fflate';
import { checkFiles, isZcliWorkFile } from './check-package';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A fixed timestamp for every entry, so the same dist/ always gives the same zip. */
function entryTime(): Date {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return Number.isFinite(epoch) && epoch > 315532800 ? new Date(epoch * 1000) : new Date('2024-01-01T00:00:00Z');
}

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(relative(root, full).split(sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

export function packageApp(distDir = resolve(repoRoot, 'dist'), outDir = repoRoot): { path: string; bytes: number } {
  if (!existsSync(join(distDir, 'manifest.json'))) {
    throw new Error(`${distDir} has no manifest.json: run \`vite build\` first`);
  }
  const { version } = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as { version: string };
  const files = new Map(
    listFiles(distDir)
      .filter((f) => !isZcliWorkFile(f))
      .map((f) => [f, readFileSync(join(distDir, f))] as const),
  );

  const zipPath = resolve(outDir, `app-${version}.zip`);
  const mtime = entryTime();
  const entries: Zippable = {};
  for (const [name, data] of files) entries[name] = [data, { mtime }];
  const zip = zipSync(entries, { level: 9 });

  const check = checkFiles(files, zip.length);
  if (!check.ok) {
    rmSync(zipPath, { force: true });
    throw new Error(`the package in ${distDir} has problems:\n${check.problems.map((p) => `- ${p}`).join('\n')}`);
  }
  writeFileSync(zipPath, zip);
  return { path: zipPath, bytes: statSync(zipPath).size };
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const { path, bytes } = packageApp();
    console.log(`${relative(process.cwd(), path) || path}  ${(bytes / 1024).toFixed(1)} KB`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
