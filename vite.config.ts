// Builds the Zendesk app package into dist/, which is exactly what gets uploaded:
//
//   dist/manifest.json
//   dist/translations/*.json
//   dist/assets/{logo.png, logo-small.png, icon_top_bar.svg, icon_nav_bar.svg}
//   dist/assets/<location>.html   one page per ZAF location (src/html/*.html)
//   dist/assets/*.js, *.css       the chunks those pages load
//
// Each location page is its own entry, so a page loads only the chunks its own
// imports need: amazon-connect-streams ends up in the top bar's chunks only, while
// code shared by several locations (React, Garden, the ZAF client) is split out once.

import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const repoRoot = dirname(fileURLToPath(import.meta.url));
const distDir = resolve(repoRoot, 'dist');
const htmlRoot = resolve(repoRoot, 'src/html');

export const LOCATIONS = ['top_bar', 'background', 'ticket_sidebar', 'user_sidebar', 'nav_bar'] as const;

/** Files from assets/ that belong in the package, next to the built pages. */
const STATIC_ASSETS = ['logo.png', 'logo-small.png', 'icon_top_bar.svg', 'icon_nav_bar.svg'];

/**
 * Completes dist/ as a Zendesk app package: empties it before the build, then adds
 * manifest.json (its version taken from package.json), the translations and the
 * marketplace images after the pages and chunks are written.
 */
function zendeskAppPackage(): Plugin {
  // Only a build into the package's own folder makes the package (a build elsewhere, e.g. for
  // the benchmarks, leaves dist/ alone).
  let packaging = false;
  return {
    name: 'zendesk-app-package',
    apply: 'build',
    configResolved(config) {
      packaging = config.build.write !== false && resolve(config.root, config.build.outDir) === resolve(distDir, 'assets');
    },
    buildStart() {
      if (packaging) rmSync(distDir, { recursive: true, force: true });
    },
    closeBundle() {
      if (!packaging) return;
      const pkg = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as { version: string };
      const manifest = JSON.parse(readFileSync(resolve(repoRoot, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      if (manifest.version !== pkg.version) {
        this.warn(`manifest.json version ${String(manifest.version)} differs from package.json ${pkg.version}; using ${pkg.version}`);
        manifest.version = pkg.version;
      }
      mkdirSync(distDir, { recursive: true });
      writeFileSync(resolve(distDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

      const translationsOut = resolve(distDir, 'translations');
      mkdirSync(translationsOut, { recursive: true });
      for (const file of readdirSync(resolve(repoRoot, 'translations'))) {
        if (file.endsWith('.json')) copyFileSync(resolve(repoRoot, 'translations', file), resolve(translationsOut, file));
      }

      const assetsOut = resolve(distDir, 'assets');
      mkdirSync(assetsOut, { recursive: true });
      for (const file of STATIC_ASSETS) copyFileSync(resolve(repoRoot, 'assets', file), resolve(assetsOut, file));
    },
  };
}

export default defineConfig({
  root: htmlRoot,
  base: './',
  publicDir: false,
  plugins: [zendeskAppPackage()],
  // The playground's allowances (its local CCP stand-in, src/domain/settings.ts) are compiled out.
  define: { __ACZ_PLAYGROUND__: 'false' },
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'react' },
  },
  build: {
    outDir: resolve(distDir, 'assets'),
    // dist/ is emptied by the plugin above (outDir is only its assets/ folder).
    emptyOutDir: false,
    assetsDir: '',
    sourcemap: false,
    // Zendesk runs in current browsers, which all support <link rel="modulepreload">.
    modulePreload: { polyfill: false },
    copyPublicDir: false,
    // The top bar carries amazon-connect-streams (about 190 KB gzip) on its own.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: Object.fromEntries(LOCATIONS.map((name) => [name, resolve(htmlRoot, `${name}.html`)])),
    },
  },
});
