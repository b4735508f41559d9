// One table, two renderings: aligned columns for the terminal, a Markdown table for BENCHMARKS.md.

export type Align = 'l' | 'r';

export interface Table {
  head: string[];
  align?: Align[];
  rows: string[][];
}

const width = (s: string) => [...s].length;

export function toConsole(t: Table, indent = '  '): string {
  const all = [t.head, ...t.rows];
  const w = t.head.map((_, i) => Math.max(...all.map((r) => width(r[i] ?? ''))));
  const line = (r: string[]) =>
    indent +
    r
      .map((c, i) => {
        const pad = ' '.repeat(Math.max(0, w[i]! - width(c)));
        return (t.align?.[i] ?? 'l') === 'r' ? pad + c : c + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(t.head), ...t.rows.map(line)].join('\n');
}

export function toMarkdown(t: Table): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const sep = t.head.map((_, i) => ((t.align?.[i] ?? 'l') === 'r' ? '---:' : '---'));
  return [t.head, sep, ...t.rows].map((r) => `| ${r.map(esc).join(' | ')} |`).join('\n');
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** 1000-byte kilobytes, one decimal (as Vite reports sizes). */
export const kb = (bytes: number) => (bytes / 1000).toFixed(1);
