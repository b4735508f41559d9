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

/** One line an agent can act on. */
export function agentMessage(err: unknown): string {
  if (err instanceof ZendeskError) {
    if (err.status === 0) return 'Zendesk could not be reached (network error). The app will keep trying.';
    if (err.status === 429) return 'Zendesk is rate limiting this account. The app will retry shortly.';
    if (err.status >= 500) return `Zendesk is having trouble (error ${err.status}). The app will keep trying.`;
    // "Use of this API requires Talk Partner Edition": a refusal there is the account's, not the agent's.
    if (err.status === 403 && /^\/api\/v2\/channels\/voice\//.test(err.path)) {
      return 'This Zendesk account has no Talk Partner Edition, which this needs. An admin can find out more under Diagnostics in the app.';
    }
    if (err.status === 403) return 'You do not have permission for this in Zendesk.';
    if (err.status === 404) return 'The record was not found in Zendesk.';
    return `Zendesk refused the change: ${err.description || err.code}`;
  }
  return err instanceof Error ? err.message : String(err);
}

/** Worth trying again later (rate limit, server trouble, network), as opposed to a refusal. */
export function isTransient(err: unknown): boolean {
  return err instanceof ZendeskError && err.transient;
}
