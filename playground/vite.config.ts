// The playground: `npm start` serves one local page that runs the app's real top bar and
// controller against the simulator (in-memory Zendesk, simulated Connect, fake ZAF client),
// entirely in the browser. No Zendesk or AWS account is needed. Beside it, two pages of its own:
// tab.html (one simulated Zendesk tab's page, where the real Streams runs) and ccp-v2/ (the
// stand-in for the CCP page, which Streams frames through the real initCCP).
//
//   PORT=5173 HOST=localhost npm start
//
// The example scenarios live outside the repository (../shared/scenarios), so that folder
// is allowed to be served too.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const playgroundDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(playgroundDir, '..');
const sharedScenarios = resolve(repoRoot, '../shared/scenarios');
const pages = {
  index: resolve(playgroundDir, 'index.html'),
  tab: resolve(playgroundDir, 'tab.html'),
  ccp: resolve(playgroundDir, 'ccp-v2/index.html'),
};

function envPort(): number {
  const raw = process.env.PORT;
  if (raw === undefined || raw.trim() === '') return 5173;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${JSON.stringify(raw)}`);
  return port;
}

export default defineConfig({
  root: playgroundDir,
  base: '/',
  // Only the three pages: an unknown path is a 404, never the playground inside the CCP iframe.
  appType: 'mpa',
  publicDir: false,
  clearScreen: false,
  // The settings check also takes the CCP stand-in's address (src/domain/settings.ts).
  define: { __ACZ_PLAYGROUND__: 'true' },
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'react' },
  },
  server: {
    host: process.env.HOST || 'localhost',
    port: envPort(),
    strictPort: true,
    fs: {
      strict: true,
      allow: [repoRoot, ...(existsSync(sharedScenarios) ? [sharedScenarios] : [])],
    },
  },
  preview: {
    host: process.env.HOST || 'localhost',
    port: envPort(),
    strictPort: true,
  },
  build: {
    rolldownOptions: { input: pages },
  },
  optimizeDeps: {
    entries: Object.values(pages),
  },
});
