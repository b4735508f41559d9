// A local, offline stand-in for Zendesk's app validator (`zcli apps:validate` needs an
// account). It checks the rules a Zendesk app package must meet before upload:
//
// - manifest.json at the root, valid JSON, with name, author (name, email), defaultLocale,
//   private, location, frameworkVersion "2.0" and version
// - parameters: an array, unique names, types Zendesk knows, no parameter called "name",
//   no required hidden parameter, booleans where booleans belong, at most one oauth
// - translations/<defaultLocale>.json with app.name, short_description, long_description,
//   installation_instructions and a label for every parameter an admin sees
// - assets/logo.png 320×320, assets/logo-small.png 128×128 (read from the PNG header)
// - assets/icon_<location>.svg for every location that shows an icon (top bar, nav bar,
//   ticket editor)
// - every location's page is in the package (assets/...) or an https address
// - nothing outside assets/, translations/, manifest.json, README.md, requirements.json,
//   asset file types Zendesk accepts, and a zip within the 2 MB limit for private apps
//
// A folder is read the way zcli packages it: without tmp/, zcli.apps.config.json and
// .zcliignore.
//
//   npx tsx scripts/check-package.ts app-0.1.0.zip     # or a folder; default: dist/
//
// Prints OK, or one problem a line and exits 1.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync } from 'fflate';

export interface PackageCheck {
  ok: boolean;
  problems: string[];
}

export const PARAMETER_TYPES = ['text', 'password', 'checkbox', 'url', 'number', 'multiline', 'hidden', 'oauth'] as const;

/** Locations Zendesk shows as an icon, which then needs assets/icon_<location>.svg. */
export const ICON_LOCATIONS = ['top_bar', 'nav_bar', 'ticket_editor'] as const;

export const KNOWN_LOCATIONS: Record<string, readonly string[]> = {
  support: [
    'top_bar',
    'nav_bar',
    'background',
    'ticket_sidebar',
    'new_ticket_sidebar',
    'ticket_editor',
    'user_sidebar',
    'organization_sidebar',
    'modal',
  ],
  chat: ['chat_sidebar', 'background'],
  sell: ['top_bar', 'background', 'deal_card', 'lead_card', 'person_card', 'company_card', 'note_editor', 'call_log_editor', 'email_editor', 'modal'],
};

/** Asset file types Zendesk accepts in assets/. */
export const ASSET_EXTENSIONS = [
  '.png', '.jpg', '.jpeg', '.gif', '.svg', '.js', '.htm', '.html', '.css', '.map',
  '.eot', '.woff', '.woff2', '.otf', '.ttf', '.json', '.xml', '.hbs', '.hdbs',
];

/** Zendesk's upload limit for a private app's zip. */
export const MAX_ZIP_BYTES = 2 * 1024 * 1024;

const ROOT_FILES = ['manifest.json', 'README.md', 'requirements.json'];

/**
 * zcli's working files in an app folder, which zcli leaves out of the zip it uploads
 * (tmp/ always; the config through the .zcliignore that scripts/zcli-dist.ts writes).
 * A folder is checked, and packaged, without them.
 */
export function isZcliWorkFile(path: string): boolean {
  return path === 'zcli.apps.config.json' || path === '.zcliignore' || path.startsWith('tmp/');
}
const LOCALE = /^[a-z]{2}(-\w{2,3})?$/;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** A ZAF translation value: a plain string, or {title, value} as Zendesk's translators store it. */
function translationText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isObject(value) && typeof value.value === 'string') return value.value;
  return undefined;
}

/** Width and height from a PNG's IHDR chunk, or undefined if the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 24) return undefined;
  if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunkType = String.fromCharCode(bytes[12]!, bytes[13]!, bytes[14]!, bytes[15]!);
  if (chunkType !== 'IHDR') return undefined;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function parseJson(bytes: Uint8Array): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

function readDir(root: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const path = relative(root, full).split(sep).join('/');
        if (!isZcliWorkFile(path)) files.set(path, readFileSync(full));
      }
    }
  };
  walk(root);
  return files;
}

function readZip(path: string): Map<string, Uint8Array> {
  const entries = unzipSync(readFileSync(path));
  const files = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(entries)) {
    if (!name.endsWith('/')) files.set(name, data);
  }
  return files;
}

function checkManifest(manifest: JsonObject, problems: string[]): void {
  if (!nonEmptyString(manifest.name)) problems.push('manifest.json: "name" is missing');
  const author = manifest.author;
  if (!isObject(author)) {
    problems.push('manifest.json: "author" is missing');
  } else {
    if (!nonEmptyString(author.name)) problems.push('manifest.json: "author.name" is missing');
    if (!nonEmptyString(author.email)) problems.push('manifest.json: "author.email" is missing');
    if (author.url !== undefined) {
      if (typeof author.url !== 'string' || !URL.canParse(author.url)) {
        problems.push(`manifest.json: "author.url" is not a valid URL: ${JSON.stringify(author.url)}`);
      }
    }
  }
  if (manifest.defaultLocale === undefined) problems.push('manifest.json: "defaultLocale" is missing');
  else if (typeof manifest.defaultLocale !== 'string' || !LOCALE.test(manifest.defaultLocale)) {
    problems.push(`manifest.json: "defaultLocale" ${JSON.stringify(manifest.defaultLocale)} is not a locale like "en" or "en-gb"`);
  }
  if (manifest.private === undefined) problems.push('manifest.json: "private" is missing');
  for (const key of ['private', 'singleInstall', 'signedUrls', 'requirementsOnly', 'marketingOnly']) {
    if (manifest[key] !== undefined && typeof manifest[key] !== 'boolean') {
      problems.push(`manifest.json: "${key}" must be true or false`);
    }
  }
  if (manifest.frameworkVersion === undefined) problems.push('manifest.json: "frameworkVersion" is missing');
  else if (manifest.frameworkVersion !== '2.0') {
    problems.push(`manifest.json: "frameworkVersion" must be "2.0", not ${JSON.stringify(manifest.frameworkVersion)}`);
  }
  if (manifest.version === undefined) problems.push('manifest.json: "version" is missing');
  else if (!nonEmptyString(manifest.version)) problems.push('manifest.json: "version" must be a string');
}

interface Parameter {
  name: string;
  type: string;
}

function checkParameters(manifest: JsonObject, problems: string[]): Parameter[] {
  const raw = manifest.parameters;
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push('manifest.json: "parameters" must be an array');
    return [];
  }
  const parameters: Parameter[] = [];
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  raw.forEach((p, i) => {
    if (!isObject(p) || !nonEmptyString(p.name)) {
      problems.push(`manifest.json: parameters[${i}] has no name`);
      return;
    }
    const name = p.name;
    const type = p.type === undefined ? 'text' : p.type;
    if (seen.has(name)) duplicates.add(name);
    seen.add(name);
    if (typeof type !== 'string' || !(PARAMETER_TYPES as readonly string[]).includes(type)) {
      problems.push(`manifest.json: parameter "${name}" has type ${JSON.stringify(type)}, not one of ${PARAMETER_TYPES.join(', ')}`);
    }
    for (const key of ['required', 'secure']) {
      if (p[key] !== undefined && typeof p[key] !== 'boolean') {
        problems.push(`manifest.json: parameter "${name}": "${key}" must be true or false`);
      }
    }
    if (name === 'name') problems.push('manifest.json: a parameter may not be called "name"');
    if (type === 'hidden' && p.required === true) problems.push(`manifest.json: hidden parameter "${name}" cannot be required`);
    if (type === 'oauth' && p.secure === true) problems.push(`manifest.json: oauth parameter "${name}" cannot be secure`);
    parameters.push({ name, type: String(type) });
  });
  for (const name of duplicates) problems.push(`manifest.json: parameter "${name}" is defined more than once`);
  if (parameters.filter((p) => p.type === 'oauth').length > 1) problems.push('manifest.json: only one oauth parameter is allowed');
  if (parameters.some((p) => p.type === 'oauth') && !isObject(manifest.oauth)) {
    problems.push('manifest.json: an oauth parameter needs an "oauth" section');
  }
  return parameters;
}

function checkLocations(manifest: JsonObject, files: Map<string, Uint8Array>, problems: string[]): void {
  const location = manifest.location;
  if (location === undefined) {
    problems.push('manifest.json: "location" is missing');
    return;
  }
  if (!isObject(location) || Object.keys(location).length === 0) {
    problems.push('manifest.json: "location" must map products (support, chat, sell) to their locations');
    return;
  }
  for (const [host, locations] of Object.entries(location)) {
    const known = KNOWN_LOCATIONS[host];
    if (!known) {
      problems.push(`manifest.json: unknown product "${host}" in "location"`);
      continue;
    }
    if (!isObject(locations) || Object.keys(locations).length === 0) {
      problems.push(`manifest.json: location.${host} must name at least one location with its url`);
      continue;
    }
    for (const [name, options] of Object.entries(locations)) {
      const where = `location.${host}.${name}`;
      if (!known.includes(name)) problems.push(`manifest.json: ${where} is not a ${host} location`);
      let url: unknown;
      if (typeof options === 'string') url = options;
      else if (isObject(options)) {
        url = options.url;
        if (options.flexible !== undefined && typeof options.flexible !== 'boolean') {
          problems.push(`manifest.json: ${where}.flexible must be true or false`);
        }
        if (options.autoLoad !== undefined && typeof options.autoLoad !== 'boolean') {
          problems.push(`manifest.json: ${where}.autoLoad must be true or false`);
        }
        if (options.size !== undefined) {
          const size = options.size;
          if (!isObject(size) || !['width', 'height'].every((k) => size[k] === undefined || typeof size[k] === 'string')) {
            problems.push(`manifest.json: ${where}.size must be {"width": "…px", "height": "…px"}`);
          }
        }
      } else {
        problems.push(`manifest.json: ${where} must be a url or an object with "url"`);
        continue;
      }
      if (!nonEmptyString(url)) {
        const autoLoad = isObject(options) ? options.autoLoad !== false : true;
        if (autoLoad) problems.push(`manifest.json: ${where} has no url`);
      } else if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
        let ok = false;
        try {
          const parsed = new URL(url);
          ok = parsed.protocol === 'https:' || parsed.hostname === 'localhost';
        } catch {
          ok = false;
        }
        if (!ok) problems.push(`manifest.json: ${where} url ${url} must be https`);
      } else if (!url.includes('{{setting.')) {
        const path = url.split(/[?#]/)[0]!;
        if (!path.startsWith('assets/')) problems.push(`manifest.json: ${where} url ${url} must point into assets/`);
        else if (!files.has(path)) problems.push(`${where}: its page ${path} is not in the package`);
      }
      if ((ICON_LOCATIONS as readonly string[]).includes(name)) {
        const icon = `assets/icon_${name}.svg`;
        const svg = files.get(icon);
        if (!svg) problems.push(`${icon} is missing (needed for the ${name} location)`);
        else if (!/<(svg|symbol)\b[^>]*\bviewBox=/.test(new TextDecoder().decode(svg))) {
          problems.push(`${icon} needs a viewBox on its <svg> (or <symbol id="default">)`);
        }
      }
    }
  }
}

function checkTranslations(
  manifest: JsonObject,
  parameters: Parameter[],
  files: Map<string, Uint8Array>,
  problems: string[],
): void {
  for (const [path, bytes] of files) {
    if (!path.startsWith('translations/')) continue;
    const match = /^translations\/([^/]+)\.json$/.exec(path);
    if (!match || !LOCALE.test(match[1]!)) {
      problems.push(`${path}: translation files must be translations/<locale>.json`);
      continue;
    }
    const parsed = parseJson(bytes);
    if (parsed.error !== undefined) problems.push(`${path} is not valid JSON: ${parsed.error}`);
    else if (!isObject(parsed.value)) problems.push(`${path} must hold a JSON object`);
  }

  if (typeof manifest.defaultLocale !== 'string') return;
  const path = `translations/${manifest.defaultLocale}.json`;
  const bytes = files.get(path);
  if (!bytes) {
    problems.push(`${path} is missing (the default locale's translations)`);
    return;
  }
  const parsed = parseJson(bytes);
  if (!isObject(parsed.value)) return; // reported above
  const app = parsed.value.app;
  if (!isObject(app)) {
    problems.push(`${path}: "app" is missing`);
    return;
  }
  for (const key of ['name', 'short_description', 'long_description', 'installation_instructions']) {
    const text = translationText(app[key] ?? (key === 'short_description' ? app.description : undefined));
    if (!nonEmptyString(text)) problems.push(`${path}: app.${key} is missing`);
  }
  const labels = isObject(app.parameters) ? app.parameters : {};
  for (const parameter of parameters) {
    if (parameter.type === 'hidden') continue;
    const entry = labels[parameter.name];
    const label = isObject(entry) ? translationText(entry.label) : undefined;
    if (!nonEmptyString(label)) problems.push(`${path}: app.parameters.${parameter.name}.label is missing`);
  }
}

function checkImages(files: Map<string, Uint8Array>, problems: string[]): void {
  for (const [path, size] of [
    ['assets/logo.png', 320],
    ['assets/logo-small.png', 128],
  ] as const) {
    const bytes = files.get(path);
    if (!bytes) {
      problems.push(`${path} is missing (${size}×${size} PNG)`);
      continue;
    }
    const dims = pngSize(bytes);
    if (!dims) problems.push(`${path} is not a PNG`);
    else if (dims.width !== size || dims.height !== size) {
      problems.push(`${path} is ${dims.width}×${dims.height}, must be ${size}×${size}`);
    }
  }
}

function checkLayout(files: Map<string, Uint8Array>, problems: string[]): void {
  for (const path of files.keys()) {
    if (ROOT_FILES.includes(path)) continue;
    if (path.startsWith('translations/')) continue;
    if (path.startsWith('assets/')) {
      const dot = path.lastIndexOf('.');
      const ext = dot > path.lastIndexOf('/') ? path.slice(dot).toLowerCase() : '';
      if (!ASSET_EXTENSIONS.includes(ext)) problems.push(`${path}: Zendesk does not accept ${ext || 'extensionless'} files in assets/`);
      continue;
    }
    problems.push(`${path} is outside assets/ and translations/ (not allowed in the package)`);
  }
}

/** Checks a package given as its files (paths relative to the package root, with "/"). */
export function checkFiles(files: Map<string, Uint8Array>, zipBytes?: number): PackageCheck {
  const problems: string[] = [];
  const manifestBytes = files.get('manifest.json');
  if (!manifestBytes) {
    const nested = [...files.keys()].find((f) => /^[^/]+\/manifest\.json$/.test(f));
    problems.push(
      nested
        ? `manifest.json must be at the root of the package, not at ${nested}`
        : 'manifest.json is missing',
    );
    return { ok: false, problems };
  }
  const parsed = parseJson(manifestBytes);
  if (parsed.error !== undefined || !isObject(parsed.value)) {
    problems.push(`manifest.json is not a valid JSON object${parsed.error ? `: ${parsed.error}` : ''}`);
    return { ok: false, problems };
  }
  const manifest = parsed.value;
  checkManifest(manifest, problems);
  const parameters = checkParameters(manifest, problems);
  checkLocations(manifest, files, problems);
  checkTranslations(manifest, parameters, files, problems);
  checkImages(files, problems);
  checkLayout(files, problems);

  const size = zipBytes ?? zipSync(Object.fromEntries(files), { level: 9 }).length;
  if (size > MAX_ZIP_BYTES) {
    problems.push(`the zip is ${(size / 1024 / 1024).toFixed(2)} MB; Zendesk accepts private apps up to 2 MB`);
  }
  return { ok: problems.length === 0, problems };
}

/** Checks an app package: a .zip file or a folder laid out like one (e.g. dist/). */
export function checkPackage(zipPathOrDir: string): PackageCheck {
  let stats;
  try {
    stats = statSync(zipPathOrDir);
  } catch {
    return { ok: false, problems: [`${zipPathOrDir} does not exist`] };
  }
  if (stats.isDirectory()) return checkFiles(readDir(zipPathOrDir));
  let files: Map<string, Uint8Array>;
  try {
    files = readZip(zipPathOrDir);
  } catch (e) {
    return { ok: false, problems: [`${zipPathOrDir} is not a readable zip: ${e instanceof Error ? e.message : String(e)}`] };
  }
  return checkFiles(files, stats.size);
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const target = process.argv[2] ?? 'dist';
  const result = checkPackage(target);
  if (result.ok) {
    console.log(`OK ${target}`);
  } else {
    console.error(`${target}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`);
    for (const problem of result.problems) console.error(`- ${problem}`);
    process.exit(1);
  }
}
