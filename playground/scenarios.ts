// The scenarios the playground offers: its own default, the shared examples and the
// repository's scenario tests. Files are bundled as text and validated with the same
// loader as the CLI, so a broken file shows the CLI's one-line error.
import { loadScenario, parseScenario, type LoadResult } from '../src/sim/scenario/load';
import { DEFAULT_SCENARIO } from './defaultScenario';

export interface CatalogueEntry {
  id: string;
  /** What the dropdown shows. */
  label: string;
  group: 'Playground' | 'Examples' | 'Repository scenarios';
  load: () => LoadResult;
}

// Vite resolves these at build time; a folder that does not exist gives an empty map.
const examples = import.meta.glob<string>('../../shared/scenarios/examples/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const repoScenarios = import.meta.glob<string>('../tests/scenarios/**/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export const DEFAULT_ID = 'default';

function fileEntries(files: Record<string, string>, group: CatalogueEntry['group'], prefix: string, cut: string): CatalogueEntry[] {
  return Object.keys(files)
    .sort()
    .map((path) => {
      const name = path.slice(path.indexOf(cut) + cut.length);
      const text = files[path] ?? '';
      return { id: `${prefix}:${name}`, label: name.replace(/\.json$/, ''), group, load: () => loadScenario(name, text) };
    });
}

export const CATALOGUE: CatalogueEntry[] = [
  { id: DEFAULT_ID, label: 'Default: Tom, Ada and Priya (no steps)', group: 'Playground', load: () => parseScenario('default', DEFAULT_SCENARIO) },
  ...fileEntries(examples, 'Examples', 'example', '/examples/'),
  ...fileEntries(repoScenarios, 'Repository scenarios', 'repo', '/tests/scenarios/'),
];

export function findEntry(id: string): CatalogueEntry | undefined {
  return CATALOGUE.find((e) => e.id === id);
}
