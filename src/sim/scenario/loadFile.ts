// Node-only: reads a scenario file. The label in error lines is the path as given.
import { readFile } from 'node:fs/promises';
import { loadScenario, type LoadResult } from './load';

export async function loadScenarioFile(path: string): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
    return { ok: false, error: `${path}: ${why}` };
  }
  return loadScenario(path, text);
}
