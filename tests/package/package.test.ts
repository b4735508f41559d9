// The Zendesk app package: the real `npm run package` output passes the local package
// check, has exactly the files and settings Zendesk expects, and the check itself
// rejects the mistakes Zendesk's validator would reject.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPackage, pngSize } from '../../scripts/check-package';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const zipPath = join(repoRoot, `app-${version}.zip`);

const EXPECTED_PARAMETERS: [string, string][] = [
  ['ccpUrl', 'url'],
  ['loginUrl', 'url'],
  ['region', 'text'],
  ['createTicketAfterMinutes', 'number'],
  ['ticketNumberAttribute', 'text'],
  ['defaultEntryPointNumber', 'text'],
  ['defaultCountry', 'text'],
  ['mediaLess', 'checkbox'],
  ['queueToBrand', 'hidden'],
  ['brandToQueue', 'hidden'],
];
const LOCATIONS = ['top_bar', 'background', 'ticket_sidebar', 'user_sidebar', 'nav_bar'];

interface ManifestParameter {
  name: string;
  type: string;
  required?: boolean;
  secure?: boolean;
  default?: unknown;
}
interface Manifest {
  name: string;
  version: string;
  frameworkVersion: string;
  defaultLocale: string;
  private: boolean;
  singleInstall: boolean;
  location: { support: Record<string, { url: string; flexible?: boolean; size?: { width: string; height: string } }> };
  parameters: ManifestParameter[];
}

let files: Record<string, Uint8Array> = {};
const text = (path: string): string => new TextDecoder().decode(files[path]);

beforeAll(() => {
  execFileSync('npm', ['run', '-s', 'package'], { cwd: repoRoot, stdio: 'pipe', env: { ...process.env, CI: '1' } });
  files = unzipSync(readFileSync(zipPath));
}, 120_000);

describe('npm run package', () => {
  it('produces a zip that the package check accepts', () => {
    expect(checkPackage(zipPath)).toEqual({ ok: true, problems: [] });
    expect(checkPackage(join(repoRoot, 'dist'))).toEqual({ ok: true, problems: [] });
  });

  it('puts manifest.json at the zip root and nothing but the package in it', () => {
    const names = Object.keys(files).filter((n) => !n.endsWith('/'));
    expect(names).toContain('manifest.json');
    expect(names).toContain('translations/en.json');
    for (const asset of ['logo.png', 'logo-small.png', 'icon_top_bar.svg', 'icon_nav_bar.svg']) {
      expect(names).toContain(`assets/${asset}`);
    }
    for (const location of LOCATIONS) expect(names).toContain(`assets/${location}.html`);
    for (const name of names) {
      expect(name, name).toMatch(/^(manifest\.json|translations\/[a-z-]+\.json|assets\/[^/]+\.(html|js|css|png|svg))$/);
    }
    expect(names.some((n) => n.endsWith('.map'))).toBe(false);
  });

  it('has the manifest Zendesk expects, with the version of package.json', () => {
    const manifest = JSON.parse(text('manifest.json')) as Manifest;
    expect(manifest.name).toBe('Amazon Connect for Zendesk');
    expect(manifest.version).toBe(version);
    expect(manifest.frameworkVersion).toBe('2.0');
    expect(manifest.defaultLocale).toBe('en');
    expect(manifest.private).toBe(true);
    expect(manifest.singleInstall).toBe(true);
    expect(Object.keys(manifest.location.support).sort()).toEqual([...LOCATIONS].sort());
    for (const location of LOCATIONS) expect(manifest.location.support[location]!.url).toBe(`assets/${location}.html`);
    expect(manifest.location.support.top_bar!.size).toEqual({ width: '340px', height: '620px' });
    expect(manifest.location.support.ticket_sidebar!.flexible).toBe(true);
    expect(manifest.location.support.user_sidebar!.flexible).toBe(true);
  });

  it('declares exactly the ten settings, in order, with their types and defaults', () => {
    const manifest = JSON.parse(text('manifest.json')) as Manifest;
    expect(manifest.parameters.map((p) => [p.name, p.type])).toEqual(EXPECTED_PARAMETERS);
    const byName = Object.fromEntries(manifest.parameters.map((p) => [p.name, p]));
    expect(byName.ccpUrl!.required).toBe(true);
    expect(manifest.parameters.filter((p) => p.required).map((p) => p.name)).toEqual(['ccpUrl']);
    expect(manifest.parameters.every((p) => p.secure === false)).toBe(true);
    expect(byName.createTicketAfterMinutes!.default).toBe(0);
    expect(byName.ticketNumberAttribute!.default).toBe('zendesk_ticket');
    expect(byName.mediaLess!.default).toBe(false);
    expect(byName.queueToBrand!.default).toBe('[]');
    expect(byName.brandToQueue!.default).toBe('{}');
  });

  it('labels and explains every setting in the default translations', () => {
    const en = JSON.parse(text('translations/en.json')) as {
      app: Record<string, unknown> & { parameters: Record<string, { label?: string; helpText?: string }> };
    };
    for (const key of ['name', 'short_description', 'long_description', 'installation_instructions']) {
      expect(typeof en.app[key], key).toBe('string');
    }
    for (const [name] of EXPECTED_PARAMETERS) {
      expect(en.app.parameters[name]?.label, name).toBeTruthy();
      expect(en.app.parameters[name]?.helpText, name).toBeTruthy();
    }
  });

  it('ships logos of the required sizes', () => {
    expect(pngSize(files['assets/logo.png']!)).toEqual({ width: 320, height: 320 });
    expect(pngSize(files['assets/logo-small.png']!)).toEqual({ width: 128, height: 128 });
    expect(text('assets/icon_top_bar.svg')).toMatch(/viewBox="0 0 18 18"/);
    expect(text('assets/icon_top_bar.svg')).toContain('currentColor');
  });

  it('loads the ZAF SDK and the location module on every page', () => {
    for (const location of LOCATIONS) {
      const html = text(`assets/${location}.html`);
      expect(html).toMatch(/<meta charset="utf-8"/i);
      expect(html).toContain('<div id="root"></div>');
      expect(html).toContain('https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js');
      expect(html).not.toContain('.tsx');
      // Every script and stylesheet the page loads is in the package, by a relative path.
      for (const [, ref] of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
        if (ref!.startsWith('https://')) continue;
        expect(ref).toMatch(/^\.\//);
        expect(files[`assets/${ref!.slice(2)}`], `${location}: ${ref}`).toBeDefined();
      }
    }
  });

  it('keeps amazon-connect-streams out of every page but the top bar', () => {
    // The chunks a page loads up front: its scripts, preloads and their static imports.
    const loaded = (page: string): Set<string> => {
      const seen = new Set<string>();
      const queue = [...text(`assets/${page}.html`).matchAll(/(?:src|href)="\.\/([^"]+\.js)"/g)].map((m) => m[1]!);
      while (queue.length) {
        const chunk = queue.pop()!;
        if (seen.has(chunk)) continue;
        seen.add(chunk);
        const code = text(`assets/${chunk}`);
        for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'`]\.\/([^"'`]+\.js)["'`]/g)) queue.push(m[1]!);
      }
      return seen;
    };
    // Names found only inside amazon-connect-streams (checked against its bundled build).
    const streamsMarker = /SoftphoneManager|ccpSynTimeout/;
    for (const page of LOCATIONS.filter((l) => l !== 'top_bar')) {
      for (const chunk of loaded(page)) {
        expect(streamsMarker.test(text(`assets/${chunk}`)), `${page} loads ${chunk}`).toBe(false);
      }
    }
  });
});

// ---------------------------------------------------------------------------------
// checkPackage on hand-made packages: a valid one, then one mistake at a time.

function png(size: number): Buffer {
  const image = new PNG({ width: size, height: size });
  image.data.fill(0x80);
  return PNG.sync.write(image);
}

interface FixtureManifest {
  name?: string;
  author: { name?: string; email?: string; url?: string };
  defaultLocale?: string;
  private?: boolean;
  location: { support: Record<string, { url: string; flexible?: boolean }> };
  parameters: ManifestParameter[];
  version?: string;
  frameworkVersion?: string;
}
interface FixtureTranslations {
  app: {
    name?: string;
    short_description?: string;
    long_description?: string;
    installation_instructions?: string;
    parameters: Record<string, { label?: string; helpText?: string }>;
  };
}

const validManifest = (): FixtureManifest => ({
  name: 'Fixture app',
  author: { name: 'Someone', email: 'someone@example.com', url: 'https://example.com' },
  defaultLocale: 'en',
  private: true,
  location: {
    support: {
      top_bar: { url: 'assets/top_bar.html' },
      ticket_sidebar: { url: 'assets/ticket_sidebar.html', flexible: true },
      nav_bar: { url: 'https://app.example.com/nav' },
    },
  },
  parameters: [
    { name: 'ccpUrl', type: 'url', required: true, secure: false },
    { name: 'mediaLess', type: 'checkbox', default: false },
    { name: 'queueToBrand', type: 'hidden', default: '[]' },
  ],
  version: '1.0.0',
  frameworkVersion: '2.0',
});

const validTranslations = (): FixtureTranslations => ({
  app: {
    name: 'Fixture app',
    short_description: 'Short',
    long_description: 'Long',
    installation_instructions: 'Install it',
    parameters: { ccpUrl: { label: 'CCP URL', helpText: 'Help' }, mediaLess: { label: 'Media-less' } },
  },
});

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** Writes a valid package to a fresh temp dir, lets `mutate` break it, returns the dir. */
function fixture(mutate: (dir: string, manifest: FixtureManifest, en: FixtureTranslations) => void = () => {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'zaf-package-'));
  tempDirs.push(dir);
  mkdirSync(join(dir, 'assets'));
  mkdirSync(join(dir, 'translations'));
  writeFileSync(join(dir, 'assets/logo.png'), png(320));
  writeFileSync(join(dir, 'assets/logo-small.png'), png(128));
  writeFileSync(join(dir, 'assets/icon_top_bar.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 18 18"><circle cx="9" cy="9" r="5"/></svg>');
  writeFileSync(join(dir, 'assets/icon_nav_bar.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 18 18"><circle cx="9" cy="9" r="5"/></svg>');
  writeFileSync(join(dir, 'assets/top_bar.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(dir, 'assets/ticket_sidebar.html'), '<!doctype html><title>t</title>');
  const manifest = validManifest();
  const en = validTranslations();
  mutate(dir, manifest, en);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'translations/en.json'), JSON.stringify(en));
  return dir;
}

function problemsOf(dir: string): string[] {
  const result = checkPackage(dir);
  expect(result.ok).toBe(result.problems.length === 0);
  return result.problems;
}

describe('checkPackage', () => {
  it('accepts a valid package, as a folder and as a zip', () => {
    const dir = fixture();
    expect(checkPackage(dir)).toEqual({ ok: true, problems: [] });
    const zip = join(dir, '..', `${dir.split(/[\\/]/).pop()}.zip`);
    const entries: Record<string, Uint8Array> = {};
    for (const f of ['manifest.json', 'translations/en.json', 'assets/logo.png', 'assets/logo-small.png', 'assets/icon_top_bar.svg', 'assets/icon_nav_bar.svg', 'assets/top_bar.html', 'assets/ticket_sidebar.html']) {
      entries[f] = readFileSync(join(dir, f));
    }
    writeFileSync(zip, zipSync(entries));
    tempDirs.push(zip);
    expect(checkPackage(zip)).toEqual({ ok: true, problems: [] });
  });

  it('rejects a logo of the wrong size', () => {
    const dir = fixture((d) => writeFileSync(join(d, 'assets/logo.png'), png(256)));
    expect(problemsOf(dir)).toEqual(['assets/logo.png is 256×256, must be 320×320']);
  });

  it('rejects a small logo that is missing or not a PNG', () => {
    expect(problemsOf(fixture((d) => unlinkSync(join(d, 'assets/logo-small.png'))))).toEqual([
      'assets/logo-small.png is missing (128×128 PNG)',
    ]);
    expect(problemsOf(fixture((d) => writeFileSync(join(d, 'assets/logo-small.png'), 'GIF89a....................')))).toEqual([
      'assets/logo-small.png is not a PNG',
    ]);
  });

  it('rejects a parameter without a label in the default locale', () => {
    const dir = fixture((_d, _m, en) => {
      delete en.app.parameters.mediaLess;
    });
    expect(problemsOf(dir)).toEqual(['translations/en.json: app.parameters.mediaLess.label is missing']);
  });

  it('does not require labels for hidden parameters', () => {
    const dir = fixture((_d, m) => m.parameters.push({ name: 'brandToQueue', type: 'hidden', default: '{}' }));
    expect(problemsOf(dir)).toEqual([]);
  });

  it('rejects a parameter type Zendesk does not know', () => {
    const dir = fixture((_d, m) => {
      m.parameters[1]!.type = 'dropdown';
    });
    expect(problemsOf(dir)).toEqual([
      'manifest.json: parameter "mediaLess" has type "dropdown", not one of text, password, checkbox, url, number, multiline, hidden, oauth',
    ]);
  });

  it('rejects duplicate parameter names, a required hidden parameter and a parameter called "name"', () => {
    const dir = fixture((_d, m, en) => {
      m.parameters.push({ name: 'ccpUrl', type: 'url' });
      m.parameters[2] = { name: 'queueToBrand', type: 'hidden', required: true };
      m.parameters.push({ name: 'name', type: 'text' });
      en.app.parameters.name = { label: 'Name' };
    });
    expect(problemsOf(dir).sort()).toEqual(
      [
        'manifest.json: hidden parameter "queueToBrand" cannot be required',
        'manifest.json: a parameter may not be called "name"',
        'manifest.json: parameter "ccpUrl" is defined more than once',
      ].sort(),
    );
  });

  it("rejects a location whose page is not in the package", () => {
    const dir = fixture((d) => unlinkSync(join(d, 'assets/ticket_sidebar.html')));
    expect(problemsOf(dir)).toEqual([
      'location.support.ticket_sidebar: its page assets/ticket_sidebar.html is not in the package',
    ]);
  });

  it('rejects location urls outside assets/ or not https, and unknown locations', () => {
    const dir = fixture((_d, m) => {
      m.location.support.nav_bar = { url: 'http://app.example.com/nav' };
      m.location.support.user_sidebar = { url: 'pages/user.html' };
      m.location.support.side_panel = { url: 'assets/top_bar.html' };
    });
    expect(problemsOf(dir).sort()).toEqual(
      [
        'manifest.json: location.support.nav_bar url http://app.example.com/nav must be https',
        'manifest.json: location.support.user_sidebar url pages/user.html must point into assets/',
        'manifest.json: location.support.side_panel is not a support location',
      ].sort(),
    );
  });

  it('requires the top bar icon when there is a top bar location (and the nav bar icon for the nav bar)', () => {
    expect(problemsOf(fixture((d) => unlinkSync(join(d, 'assets/icon_top_bar.svg'))))).toEqual([
      'assets/icon_top_bar.svg is missing (needed for the top_bar location)',
    ]);
    expect(problemsOf(fixture((d) => unlinkSync(join(d, 'assets/icon_nav_bar.svg'))))).toEqual([
      'assets/icon_nav_bar.svg is missing (needed for the nav_bar location)',
    ]);
  });

  it('rejects missing manifest keys and a framework version other than 2.0', () => {
    const dir = fixture((_d, m) => {
      delete m.version;
      delete m.private;
      delete m.author.email;
      m.frameworkVersion = '1.0';
    });
    expect(problemsOf(dir).sort()).toEqual(
      [
        'manifest.json: "author.email" is missing',
        'manifest.json: "private" is missing',
        'manifest.json: "frameworkVersion" must be "2.0", not "1.0"',
        'manifest.json: "version" is missing',
      ].sort(),
    );
  });

  it('rejects a manifest that is not JSON, and a package without one', () => {
    const broken = fixture();
    writeFileSync(join(broken, 'manifest.json'), '{ "name": ');
    expect(problemsOf(broken)).toHaveLength(1);
    expect(problemsOf(broken)[0]).toMatch(/^manifest\.json is not a valid JSON object/);

    const none = fixture();
    unlinkSync(join(none, 'manifest.json'));
    expect(problemsOf(none)).toEqual(['manifest.json is missing']);
  });

  it('rejects a zip whose files sit in a folder instead of at the root', () => {
    const dir = fixture();
    const nested = mkdtempSync(join(tmpdir(), 'zaf-nested-'));
    tempDirs.push(nested);
    cpSync(dir, join(nested, 'dist'), { recursive: true });
    expect(problemsOf(nested)).toEqual(['manifest.json must be at the root of the package, not at dist/manifest.json']);
  });

  it('rejects missing translations and app texts', () => {
    expect(problemsOf(fixture((_d, m) => (m.defaultLocale = 'fr')))).toEqual([
      'translations/fr.json is missing (the default locale\'s translations)',
    ]);
    const dir = fixture((_d, _m, en) => {
      delete en.app.installation_instructions;
    });
    expect(problemsOf(dir)).toEqual(['translations/en.json: app.installation_instructions is missing']);
  });

  it('rejects files outside assets/ and translations/, and asset types Zendesk refuses', () => {
    const dir = fixture((d) => {
      mkdirSync(join(d, 'src'));
      writeFileSync(join(d, 'src/main.tsx'), 'export {};');
      writeFileSync(join(d, 'package.json'), '{}');
      writeFileSync(join(d, 'assets/ring.mp3'), 'ID3');
    });
    expect(problemsOf(dir).sort()).toEqual(
      [
        'assets/ring.mp3: Zendesk does not accept .mp3 files in assets/',
        'package.json is outside assets/ and translations/ (not allowed in the package)',
        'src/main.tsx is outside assets/ and translations/ (not allowed in the package)',
      ].sort(),
    );
  });

  it('allows README.md and requirements.json at the root', () => {
    const dir = fixture((d) => {
      writeFileSync(join(d, 'README.md'), '# app');
      writeFileSync(join(d, 'requirements.json'), '{}');
    });
    expect(problemsOf(dir)).toEqual([]);
  });

  it("reads a folder the way zcli packages it: without tmp/ and zcli's config files", () => {
    const dir = fixture((d) => {
      mkdirSync(join(d, 'tmp'));
      writeFileSync(join(d, 'tmp/app-20240101.zip'), 'PK');
      writeFileSync(join(d, 'zcli.apps.config.json'), '{"parameters": {}}');
      writeFileSync(join(d, '.zcliignore'), 'zcli.apps.config.json\n.zcliignore\n');
    });
    expect(problemsOf(dir)).toEqual([]);
  });

  it('reports a path that does not exist', () => {
    expect(checkPackage(join(tmpdir(), 'no-such-package.zip'))).toEqual({
      ok: false,
      problems: [`${join(tmpdir(), 'no-such-package.zip')} does not exist`],
    });
  });
});
