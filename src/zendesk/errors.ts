import { english, msg, type AgentMessage } from '../i18n/messages';

/** A Zendesk API failure as the rest of the app sees it. */
export class ZendeskError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
    readonly method: string,
    readonly path: string,
  ) {
    super(`Zendesk answered ${status === 0 ? 'nothing (network error)' : status} to ${method} ${path}${description ? `: ${description}` : ''}`);
    this.name = 'ZendeskError';
  }

  /**
   * Worth trying again later: rate limit, server trouble, network, and 409: Zendesk's
   * DatabaseConflict / UpdateConflict is a write that collided with another and did not land.
   */
  get transient(): boolean {
    return this.status === 0 || this.status === 409 || this.status === 429 || this.status >= 500;
  }

  /** The outcome of a write is unknown: it may have been applied. */
  get outcomeUnknown(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

/** One line an agent can act on, as a message the agent reads in their language. */
export function agentErrorMessage(err: unknown): AgentMessage {
  if (err instanceof ZendeskError) {
    if (err.status === 0) return msg('agent.error.network');
    if (err.status === 429) return msg('agent.error.rateLimited');
    if (err.status >= 500) return msg('agent.error.server', { status: err.status });
    // "Use of this API requires Talk Partner Edition": a refusal there is the account's, not the agent's.
    if (err.status === 403 && /^\/api\/v2\/channels\/voice\//.test(err.path)) return msg('agent.error.noTalkPartnerEdition');
    if (err.status === 403) return msg('agent.error.forbidden');
    if (err.status === 404) return msg('agent.error.notFound');
    return msg('agent.error.refused', { reason: err.description || err.code });
  }
  return msg('agent.error.other', { text: err instanceof Error ? err.message : String(err) });
}

/** One line an agent can act on (English). */
export function agentMessage(err: unknown): string {
  return english(agentErrorMessage(err));
}

/** Worth trying again later (rate limit, server trouble, network), as opposed to a refusal. */
export function isTransient(err: unknown): boolean {
  return err instanceof ZendeskError && err.transient;
}
