// The report `npm run -s simulate` prints (FORMAT.md, "The report"). Field names are the contract.

import type { SnapshotCall } from '../zendesk/types';

export interface ReportUser {
  id: number;
  name: string;
  role: 'end-user' | 'agent' | 'admin';
  phone: string | null;
  email: string | null;
  user_fields: Record<string, unknown>;
}

export interface ReportComment {
  type: 'Comment' | 'VoiceComment';
  author_id: number;
  public: boolean;
  /** Plain text of the comment. */
  body: string;
  /** The HTML as the app sent it, if any. */
  html_body?: string | null;
  /** Voice fields: from, to, call_duration, recording_url, started_at, answered_by_id. */
  data: Record<string, unknown>;
}

export interface ReportCustomField {
  id: number;
  value: unknown;
}

export interface ReportTicket {
  id: number;
  requester_id: number;
  brand_id: number | null;
  subject: string | null;
  status: 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';
  via_id: number | null;
  tags: string[];
  custom_fields: ReportCustomField[];
  comments: ReportComment[];
}

/**
 * A Talk Partner Edition call record (Zendesk's standard call object) as last stored, FORMAT.md's
 * fields first (`disposition` is Zendesk's `call_disposition`: both names are given), then every
 * other field of the record.
 */
export type ReportCall = SnapshotCall;

/** Where an entry came from: the agent, its app instance, and the index of the step that caused it. */
export interface ReportOrigin {
  agent: string;
  tab: number;
  /** Index (from 0) of the step whose handling caused the entry. */
  step: number;
}

export interface ReportPop extends ReportOrigin {
  kind: 'ticket' | 'user';
  id: number;
  /** Simulated ms since zendesk.start at which the pop happened (an addition to FORMAT.md). */
  at_ms: number;
}

export interface ReportNotification extends ReportOrigin {
  level: 'info' | 'warning' | 'error';
  text: string;
}

export interface ReportContact {
  id: string;
  agent: string;
  mode: 'auto' | 'agent' | 'force';
  ticket_id: number | null;
  user_id: number | null;
}

export interface ReportDial extends ReportOrigin {
  number: string;
  /** The outbound queue the app chose, by name. */
  queue: string | null;
}

export interface ReportRequest extends ReportOrigin {
  method: string;
  path: string;
  status: number;
  /** Simulated ms since zendesk.start at which the response arrived. */
  at_ms: number;
}

export interface ReportError extends ReportOrigin {
  message: string;
}

export interface SimReport {
  users: ReportUser[];
  tickets: ReportTicket[];
  calls: ReportCall[];
  pops: ReportPop[];
  notifications: ReportNotification[];
  contacts: ReportContact[];
  dials: ReportDial[];
  requests: ReportRequest[];
  errors: ReportError[];
}
