// The private note added to a ticket when the agent accepts an Amazon Connect task.
import { escapeHtml } from '../escape';
import { formatUtc } from './format';

export interface TaskNoteInput {
  name: string | null;
  description: string | null;
  /** The task's references: name → value (URLs become links). */
  references: Record<string, string>;
  createdMs: number | null;
  acceptedMs: number | null;
  contactId?: string | null;
  queue?: string | null;
}

function isWebLink(value: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(value.trim());
}

/** HTML and plain text of the note. */
export function renderTaskNote(input: TaskNoteInput): { html: string; text: string } {
  const rows: [string, string][] = [];
  const add = (label: string, value: string | null | undefined) => {
    if (value != null && value.trim() !== '') rows.push([label, value.trim()]);
  };
  add('Name', input.name);
  add('Description', input.description);
  add('Queue', input.queue);
  if (input.createdMs != null) add('Created', formatUtc(input.createdMs));
  if (input.acceptedMs != null) add('Accepted', formatUtc(input.acceptedMs));
  add('Contact ID', input.contactId);

  const multiline = (v: string) => escapeHtml(v.replace(/\r\n?/g, '\n')).replace(/\n/g, '<br>');
  const html: string[] = ['<p><strong>Amazon Connect task</strong></p>'];
  if (rows.length > 0) html.push(`<p>${rows.map(([l, v]) => `${l}: ${multiline(v)}`).join('<br>')}</p>`);
  const text: string[] = ['Amazon Connect task', ...rows.map(([l, v]) => `${l}: ${v.replace(/\r\n?/g, '\n').replace(/\n/g, '\n    ')}`)];

  const refs = Object.entries(input.references ?? {}).filter(([, v]) => v != null && String(v).trim() !== '');
  if (refs.length > 0) {
    html.push('<p><strong>References</strong></p><ul>');
    text.push('References');
    for (const [name, raw] of refs) {
      const value = String(raw).trim();
      const shown = isWebLink(value)
        ? `<a href="${escapeHtml(value)}" target="_blank" rel="noopener noreferrer">${escapeHtml(value)}</a>`
        : escapeHtml(value);
      html.push(`<li>${escapeHtml(name)}: ${shown}</li>`);
      text.push(`- ${name}: ${value}`);
    }
    html.push('</ul>');
  }
  return { html: html.join(''), text: text.join('\n') };
}
