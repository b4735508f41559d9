// The playground: `npm start` serves one local page that runs the app's real top bar and
// controller against the simulator (in-memory Zendesk, simulated Connect, fake ZAF client),
// entirely in the browser. No Zendesk or AWS account is needed.
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
  publicDir: false,
  clearScreen: false,
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
  optimizeDeps: {
    entries: [resolve(playgroundDir, 'index.html')],
  },
});
