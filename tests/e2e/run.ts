// End-to-end tests in a real browser: `npm run test:e2e`.
//
// Starts the playground's Vite dev server on a free port, launches the system Chromium
// through playwright-core (no browser download; Playwright gives every launch a fresh
// temporary profile), runs every case of tests/e2e/*.e2e.ts in its own browser context,
// saves a screenshot per case under test-results/, and always closes browser and server.
//
//   npm run test:e2e                 all cases
//   npm run test:e2e -- ticket       only cases whose name contains "ticket"
//   CHROMIUM=/path/to/chrome npm run test:e2e
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import type { E2ECase, E2EContext } from './harness';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const resultsDir = resolve(repoRoot, 'test-results');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const CASE_TIMEOUT_MS = 90_000;

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createNetServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

async function loadCases(filter: string | undefined): Promise<E2ECase[]> {
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.e2e.ts'))
    .sort();
  const cases: E2ECase[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(here, f)).href)) as { cases?: E2ECase[] };
    if (!Array.isArray(mod.cases)) throw new Error(`${f} exports no "cases" list`);
    cases.push(...mod.cases);
  }
  return filter ? cases.filter((c) => c.name.toLowerCase().includes(filter.toLowerCase())) : cases;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const t = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

async function openPlayground(browser: Browser, baseUrl: string) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`uncaught: ${e.message}`));
  await page.goto(baseUrl, { waitUntil: 'load' });
  await page.getByTestId('scenario-bar').waitFor({ state: 'visible', timeout: 30_000 });
  return { context, page, consoleErrors };
}

async function main(): Promise<number> {
  if (!existsSync(CHROMIUM)) {
    console.error(`e2e: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM)`);
    return 1;
  }
  const cases = await loadCases(process.argv[2]);
  mkdirSync(resultsDir, { recursive: true });

  let server: ViteDevServer | undefined;
  let browser: Browser | undefined;
  let passed = 0;
  let failed = 0;
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
  };
  const onSignal = () => {
    void stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const port = await freePort();
    server = await createServer({
      configFile: resolve(repoRoot, 'playground/vite.config.ts'),
      logLevel: 'warn',
      server: { host: '127.0.0.1', port, strictPort: true, hmr: false, watch: null },
    });
    await server.listen();
    const baseUrl = `http://127.0.0.1:${port}/`;

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });

    // Warm-up: the first visit makes Vite pre-bundle dependencies; no case should pay for
    // that or see the reload it may cause.
    {
      const warm = await openPlayground(browser, baseUrl);
      await warm.page.waitForTimeout(500);
      await warm.context.close();
    }

    console.log(`e2e: ${cases.length} case(s) against ${baseUrl}`);
    for (const c of cases) {
      const started = Date.now();
      let ctx: Awaited<ReturnType<typeof openPlayground>> | undefined;
      try {
        ctx = await openPlayground(browser, baseUrl);
        const t: E2EContext = { page: ctx.page, baseUrl, consoleErrors: ctx.consoleErrors };
        await withTimeout(c.run(t), CASE_TIMEOUT_MS, c.name);
        // An exception the page did not catch is a bug, whatever the case checked.
        const uncaught = ctx.consoleErrors.filter((e) => e.startsWith('uncaught:'));
        if (uncaught.length) throw new Error(`uncaught errors in the page:\n${uncaught.join('\n')}`);
        passed++;
        console.log(`  ✓ ${c.name} (${Date.now() - started} ms)`);
      } catch (err) {
        failed++;
        console.log(`  ✗ ${c.name} (${Date.now() - started} ms)`);
        console.log(`      ${err instanceof Error ? err.message : String(err)}`.replace(/\n/g, '\n      '));
      } finally {
        if (ctx) {
          const shot = join(resultsDir, `e2e-${slug(c.name)}.png`);
          await ctx.page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
          if (ctx.consoleErrors.length) {
            console.log(`      console errors in this case:\n        ${ctx.consoleErrors.join('\n        ')}`);
          }
          await ctx.context.close().catch(() => undefined);
        }
      }
    }
  } catch (err) {
    failed++;
    console.error(`e2e: could not run: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  } finally {
    await stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
