// HTML → plain text as Zendesk derives a comment's `body` from its `html_body`, and the
// readable text of a voice comment.

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

export function htmlToText(html: string): string {
  let s = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '');
  s = s.replace(/<!--[\s\S]*?-->/g, '');
  // Source whitespace renders as one space; only tags make line breaks.
  s = s.replace(/\s+/g, ' ');
  s = s.replace(/<br\s*\/?>/gi, '\n');
  s = s.replace(/<\/(p|li|div|h[1-6]|tr|blockquote|pre)\s*>/gi, '\n');
  s = s.replace(/<[^>]*>/g, '');
  s = decodeEntities(s);
  s = s
    .split('\n')
    .map((line) => line.trim())
    .join('\n');
  return s.replace(/\n{3,}/g, '\n\n').trim();
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The HTML Zendesk shows for a plain-text comment. */
export function textToHtml(text: string): string {
  const paras = text.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`);
  return `<div class="zd-comment" dir="auto">${paras.join('')}</div>`;
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim() !== '') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** Readable text of a voice comment, as Zendesk renders one from its data. */
export function voiceCommentBody(data: Record<string, unknown>, agentName: (id: number) => string | undefined): string {
  const lines: string[] = [];
  const push = (label: string | null, v: string | undefined): void => {
    if (v !== undefined) lines.push(label === null ? v : `${label}: ${v}`);
  };
  push(null, str(data.title));
  push('Call from', str(data.from));
  push('Call to', str(data.to));
  push('Time of call', str(data.started_at));
  push('Location', str(data.location));
  const answeredBy = str(data.answered_by_id);
  if (answeredBy !== undefined) push('Answered by', agentName(Number(answeredBy)) ?? `user ${answeredBy}`);
  const duration = str(data.call_duration);
  if (duration !== undefined) push('Length of phone call', `${duration} seconds`);
  push('Recording', str(data.recording_url));
  const transcript = str(data.transcription_text);
  if (transcript !== undefined) lines.push('', 'Transcription:', transcript);
  return lines.join('\n');
}
