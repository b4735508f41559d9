import { escapeHtml } from '../escape';

/**
 * The "Agent notifications" section of an internal note: what the agent was told about this
 * contact (switches to manual mode, fallbacks, bad attributes). Empty string when none.
 */
export function renderAgentNotifications(notices: string[]): string {
  const items = notices.map((n) => String(n).trim()).filter((n) => n !== '');
  if (items.length === 0) return '';
  return `<p><strong>Agent notifications</strong></p><ul>${items.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`;
}

/** Plain-text twin of renderAgentNotifications. */
export function agentNotificationsText(notices: string[]): string {
  const items = notices.map((n) => String(n).trim()).filter((n) => n !== '');
  if (items.length === 0) return '';
  return ['Agent notifications', ...items.map((n) => `- ${oneLineText(n)}`)].join('\n');
}

function oneLineText(text: string): string {
  return text.replace(/\s+/g, ' ');
}
