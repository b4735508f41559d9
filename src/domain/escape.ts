// The one place where text becomes HTML. Everything that comes from a caller, a contact
// attribute, a chat or a task goes through escapeHtml before it is put into markup.

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes & < > " ' so the text is safe both as element content and inside a quoted attribute. */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}
