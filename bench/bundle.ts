// Bundle figures: the gzip size of each location's JavaScript, split into the libraries we
// steer by. Nothing is written to dist/: every build here runs in memory (write: false) from
// the project's own vite.config.ts, minus its packaging plugin (which empties dist/).
//
// 1. One build exactly as `npm run build` chunks it ("as shipped"): for each HTML entry, the
//    entry chunk plus every chunk it imports statically, transitively (dynamic imports are
//    not followed: they load later, if ever). Its module graph also tells which library each
//    third-party package belongs to (a transitive dependency goes with the direct dependency
//    that pulls it in), and where ChatJS sits.
// 2. The same build again with every library group forced into chunks of its own
//    (output.codeSplitting.groups), one per group and set of locations that load the module
//    as shipped: each group's minified code, gzipped on its own, is its size, and a location
//    still carries what the shipped build makes it load (shared chunks included).
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type InlineConfig, type Plugin, type UserConfig } from 'vite';

export const GROUPS = ['streams', 'chatjs', 'react', 'garden', 'libs', 'app'] as const;
export type Group = (typeof GROUPS)[number];

export const GROUP_LABEL: Record<Group, string> = {
  streams: 'amazon-connect-streams',
  chatjs: 'amazon-connect-chatjs + amazon-connect-taskjs',
  react: 'React + ReactDOM',
  garden: 'Garden + styled-components',
  libs: 'other libraries',
  app: 'app code',
};

/** Direct dependencies (package.json) by group; their own dependencies follow them. */
const DIRECT: [RegExp, Group][] = [
  [/^amazon-connect-streams$/, 'streams'],
  [/^amazon-connect-(chatjs|taskjs)$/, 'chatjs'],
  [/^(react|react-dom)$/, 'react'],
  [/^(@zendeskgarden\/.*|styled-components)$/, 'garden'],
];

export interface LocationFigure {
  location: string;
  /** As shipped: the files the page loads before any dynamic import. */
  files: string[];
  rawBytes: number;
  gzipBytes: number;
  /** Groups present in the initial load (as shipped). */
  groupsPresent: Group[];
  /** Gzip bytes per group, from the split build. */
  split: Record<Group, number>;
  /** Everything except Streams and ChatJS (split build). */
  ownGzip: number;
  /** Biggest packages of the "other libraries" group, raw rendered bytes (for the reader). */
  topLibs: [string, number][];
  /** The app's own code by folder (src/i18n, src/ui...), raw rendered bytes. */
  appFolders: [string, number][];
}

export interface BundleFigures {
  locations: LocationFigure[];
  /** ChatJS and TaskJS: the chunks holding them, their gzip bytes, and whether any location loads them initially. */
  chatjs: { chunks: string[]; gzipBytes: number; inInitialLoadOf: string[]; dynamicFrom: string[] };
  /** dist/assets holds exactly the JavaScript files this build makes (same content hashes). */
  distFresh: boolean | null;
  buildMs: number;
}

type Chunk = {
  type: 'chunk';
  fileName: string;
  name: string;
  code: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  dynamicImports: string[];
  modules: Record<string, { renderedLength: number }>;
};
type Output = { output: (Chunk | { type: 'asset'; fileName: string })[] };

const gz = (s: string | Uint8Array): number => gzipSync(s).length;

export function packageOf(id: string): string | null {
  const m = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/](?!.*[\\/]node_modules[\\/])/.exec(id);
  return m ? m[1]!.replace(/\\/g, '/') : null;
}

/** The project's build config, without plugins that write outside the in-memory output. */
async function projectConfig(root: string): Promise<UserConfig> {
  const mod = (await import(pathToFileURL(resolve(root, 'vite.config.ts')).href)) as { default: UserConfig };
  const cfg = mod.default;
  const plugins = (cfg.plugins ?? []).flat().filter((p) => !(p && typeof p === 'object' && 'name' in p && (p as Plugin).name === 'zendesk-app-package'));
  return { ...cfg, plugins };
}

function inlineConfig(cfg: UserConfig, extra: { input?: Record<string, string>; groups?: (id: string) => string | null; plugins?: Plugin[] }): InlineConfig {
  const rolldownOptions = { ...(cfg.build?.rolldownOptions ?? {}) };
  if (extra.input) rolldownOptions.input = extra.input;
  if (extra.groups) {
    const name = extra.groups;
    rolldownOptions.output = {
      ...(rolldownOptions.output ?? {}),
      codeSplitting: { groups: [{ name: (id: string) => name(id), includeDependenciesRecursively: false }] },
    } as typeof rolldownOptions.output;
  }
  return {
    ...cfg,
    configFile: false,
    logLevel: 'silent',
    plugins: [...(cfg.plugins ?? []), ...(extra.plugins ?? [])],
    build: { ...cfg.build, write: false, emptyOutDir: false, rolldownOptions },
  };
}

function outputsOf(result: unknown): Output[] {
  return (Array.isArray(result) ? result : [result]) as Output[];
}

function chunksOf(result: unknown): Map<string, Chunk> {
  const out = new Map<string, Chunk>();
  for (const o of outputsOf(result)) for (const c of o.output) if (c.type === 'chunk') out.set(c.fileName, c as Chunk);
  return out;
}

function staticClosure(chunks: Map<string, Chunk>, entry: Chunk): Chunk[] {
  const seen = new Map<string, Chunk>();
  const walk = (c: Chunk) => {
    if (seen.has(c.fileName)) return;
    seen.set(c.fileName, c);
    for (const f of c.imports) {
      const next = chunks.get(f);
      if (next) walk(next);
    }
  };
  walk(entry);
  return [...seen.values()];
}

function entryChunk(chunks: Map<string, Chunk>, location: string): Chunk {
  const hit = [...chunks.values()].find((c) => c.isEntry && (c.name === location || (c.facadeModuleId ?? '').endsWith(`${location}.html`)));
  if (!hit) throw new Error(`bundle: no entry chunk for ${location}`);
  return hit;
}

/** Which group each third-party package belongs to, from who imports it. */
function packageGroups(importersOf: Map<string, Set<string>>): Map<string, Group> {
  const pkgImporters = new Map<string, Set<string>>();
  for (const [id, importers] of importersOf) {
    const p = packageOf(id);
    if (!p) continue;
    const set = pkgImporters.get(p) ?? new Set<string>();
    for (const imp of importers) set.add(packageOf(imp) ?? '<app>');
    set.delete(p);
    pkgImporters.set(p, set);
  }
  const memo = new Map<string, Group>();
  const groupOf = (p: string, stack: Set<string>): Group => {
    const known = memo.get(p);
    if (known) return known;
    const direct = DIRECT.find(([re]) => re.test(p));
    if (direct) return direct[1];
    if (stack.has(p)) return 'libs';
    stack.add(p);
    const via = [...(pkgImporters.get(p) ?? [])].map((q) => (q === '<app>' ? 'libs' : groupOf(q, stack)));
    stack.delete(p);
    // Imported by the app itself or by several groups: a library of its own.
    const distinct = [...new Set(via)];
    const g: Group = distinct.length === 1 ? distinct[0]! : 'libs';
    memo.set(p, g);
    return g;
  };
  for (const p of pkgImporters.keys()) memo.set(p, groupOf(p, new Set()));
  return memo;
}

/** Records every module's importers (static and dynamic) during the build. */
function graphRecorder(into: Map<string, Set<string>>): Plugin {
  return {
    name: 'bench-graph',
    apply: 'build',
    generateBundle() {
      for (const id of this.getModuleIds()) {
        const info = this.getModuleInfo(id);
        if (!info) continue;
        into.set(id, new Set([...(info.importers ?? []), ...(info.dynamicImporters ?? [])]));
      }
    },
  };
}

export async function bundleFigures(root: string): Promise<BundleFigures> {
  const t0 = performance.now();
  const cfg = await projectConfig(root);
  const input = cfg.build?.rolldownOptions?.input as Record<string, string> | undefined;
  if (!input || typeof input !== 'object') throw new Error('bundle: vite.config.ts has no build.rolldownOptions.input map');
  const locations = Object.keys(input);

  // 1. As shipped.
  const importersOf = new Map<string, Set<string>>();
  const shipped = chunksOf(await build(inlineConfig(cfg, { plugins: [graphRecorder(importersOf)] })));
  const pkgGroup = packageGroups(importersOf);
  const groupOf = (id: string): Group => {
    const p = packageOf(id);
    return p ? pkgGroup.get(p) ?? DIRECT.find(([re]) => re.test(p))?.[1] ?? 'libs' : 'app';
  };

  const shippedIds = new Set([...shipped.values()].flatMap((c) => Object.keys(c.modules)));
  const chatChunks = [...shipped.values()].filter((c) => Object.keys(c.modules).some((id) => groupOf(id) === 'chatjs'));
  const initialOf = new Map<string, Chunk[]>();
  for (const loc of locations) initialOf.set(loc, staticClosure(shipped, entryChunk(shipped, loc)));
  const chatjs = {
    chunks: chatChunks.map((c) => c.fileName),
    gzipBytes: chatChunks.reduce((n, c) => n + gz(c.code), 0),
    inInitialLoadOf: locations.filter((loc) => initialOf.get(loc)!.some((c) => chatChunks.includes(c))),
    dynamicFrom: [...shipped.values()].filter((c) => c.dynamicImports.some((f) => chatChunks.some((cc) => cc.fileName === f))).map((c) => c.fileName),
  };

  // 2. Split: the same build with each library group in chunks of its own. Modules keep the
  //    set of locations that load them as shipped, so sharing between locations stays as it is.
  const locsOf = new Map<string, string>();
  for (const [loc, initial] of initialOf)
    for (const c of initial)
      for (const id of Object.keys(c.modules)) locsOf.set(id, [...(locsOf.get(id)?.split('+') ?? []), loc].sort().join('+'));
  const splitName = (id: string): string | null => {
    if (!shippedIds.has(id)) return null;
    return `bench~${groupOf(id)}~${locsOf.get(id) ?? 'dynamic'}`;
  };
  const split = chunksOf(await build(inlineConfig(cfg, { groups: splitName })));

  const figures: LocationFigure[] = [];
  for (const loc of locations) {
    const initial = initialOf.get(loc)!;
    const groupsPresent = GROUPS.filter((g) => initial.some((c) => Object.keys(c.modules).some((id) => groupOf(id) === g)));
    const closure = staticClosure(split, entryChunk(split, loc));
    const sizes = Object.fromEntries(GROUPS.map((g) => [g, 0])) as Record<Group, number>;
    for (const c of closure) {
      const named = /^bench~([a-z]+)~/.exec(c.name)?.[1] as Group | undefined;
      const groups = [...new Set(Object.keys(c.modules).map(groupOf))];
      // A group's chunk counts for it; an entry facade or the bundler runtime counts as app code.
      const g: Group = named && (GROUPS as readonly string[]).includes(named) ? named : groups.length === 1 ? groups[0]! : 'app';
      sizes[g] += gz(c.code);
    }
    const libs = new Map<string, number>();
    const folders = new Map<string, number>();
    for (const c of initial)
      for (const [id, m] of Object.entries(c.modules)) {
        const p = packageOf(id);
        if (p && groupOf(id) === 'libs') libs.set(p, (libs.get(p) ?? 0) + m.renderedLength);
        const f = /[\\/](src[\\/][^\\/]+)[\\/]/.exec(id)?.[1]?.replace(/\\/g, '/');
        if (!p && f && m.renderedLength) folders.set(f, (folders.get(f) ?? 0) + m.renderedLength);
      }
    figures.push({
      location: loc,
      files: initial.map((c) => c.fileName),
      rawBytes: initial.reduce((n, c) => n + Buffer.byteLength(c.code), 0),
      gzipBytes: initial.reduce((n, c) => n + gz(c.code), 0),
      groupsPresent,
      split: sizes,
      ownGzip: GROUPS.filter((g) => g !== 'streams' && g !== 'chatjs').reduce((n, g) => n + sizes[g], 0),
      topLibs: [...libs].sort((a, b) => b[1] - a[1]).slice(0, 4),
      appFolders: [...folders].sort((a, b) => b[1] - a[1]),
    });
  }

  // dist/ is fresh when it holds exactly these JavaScript files (names carry content hashes).
  const distAssets = join(root, 'dist', 'assets');
  let distFresh: boolean | null = null;
  if (existsSync(distAssets)) {
    const have = new Set(readdirSync(distAssets).filter((f) => f.endsWith('.js')));
    const want = new Set([...shipped.keys()].map((f) => f.replace(/^.*\//, '')));
    distFresh = have.size === want.size && [...want].every((f) => have.has(f));
  }
  return { locations: figures, chatjs, distFresh, buildMs: performance.now() - t0 };
}
