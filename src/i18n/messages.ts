// What the app tells the agent (Zendesk notifications, the top bar's notices) as data: a catalog
// key (`agent.*`) with values, a value being text, a number, a list, or a phrase that is itself
// a message. Each agent reads it in their own Zendesk language (the controller renders it with
// the agent's catalog); what a ticket records ("Agent notifications") is the English text, the
// same for every agent who opens the ticket. Pure: no module state, only the English catalog.
import en from './en.json';

export type AgentMessageKey = Extract<keyof typeof en, `agent.${string}`>;
export type MessageValue = string | number | AgentMessage | readonly AgentMessage[];

export interface AgentMessage {
  key: AgentMessageKey;
  vars?: Readonly<Record<string, MessageValue>>;
  /** Rendered with a capital first letter (a phrase that starts the sentence). */
  capitalised?: boolean;
}

export type MessageCatalog = Readonly<Partial<Record<string, string>>>;

export function msg(key: AgentMessageKey, vars?: Record<string, MessageValue>): AgentMessage {
  return vars ? { key, vars } : { key };
}

/** The phrase with a capital first letter: it starts the sentence. */
export function cap(m: AgentMessage): AgentMessage {
  return { ...m, capitalised: true };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isMessage(v: MessageValue): v is AgentMessage {
  return typeof v === 'object' && !Array.isArray(v);
}

/** The message in a catalog's language (English where the catalog lacks a key), phrases included. */
export function renderMessage(m: AgentMessage, catalog: MessageCatalog = en): string {
  const template = catalog[m.key] ?? en[m.key];
  // German starts a sentence after a colon with a capital ("gewechselt: Die Nummer …"); English,
  // French, Spanish do not. The catalog says which (agent.capitalAfterColon).
  const colonCapital = catalog['agent.capitalAfterColon'] === 'yes';
  const value = (v: MessageValue): string => {
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    if (isMessage(v)) return renderMessage(v, catalog);
    return v.map((item) => renderMessage(item, catalog)).join(catalog['agent.listSeparator'] ?? en['agent.listSeparator']);
  };
  const text = template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string, at: number) => {
    const v = m.vars?.[name];
    if (v === undefined) return whole;
    const out = value(v);
    return colonCapital && template.slice(0, at).endsWith(': ') ? capitalise(out) : out;
  });
  return m.capitalised ? capitalise(text) : text;
}

/** The English text: what tickets record, and what the app shows where no language was loaded. */
export function english(m: AgentMessage): string {
  return renderMessage(m, en);
}
