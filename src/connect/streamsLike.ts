// The part of the Streams `connect` global this app uses, typed structurally (names and shapes
// follow amazon-connect-streams' src/index.d.ts). The real library is what runs, in the browser
// and in the simulator alike.

export interface SLQueue {
  name: string | null;
  queueARN: string;
}

export interface SLEndpoint {
  phoneNumber: string;
  type?: string;
}

export interface SLStatus {
  /** e.g. "init", "incoming", "connecting", "connected", "ended", "error", "missed", "rejected" */
  type: string;
}

export interface SLConnection {
  getEndpoint(): SLEndpoint | null;
  /** inbound | outbound | agent | monitoring */
  getType?(): string;
  isOnHold?(): boolean;
  getMonitorStatus?(): string | null;
  isSilentMonitor?(): boolean;
  getMediaController?(): Promise<SLChatController> | undefined;
  /** Voice ID (customer's voice connection). */
  getVoiceIdSpeakerStatus?(): Promise<unknown>;
  getVoiceIdSpeakerId?(): Promise<unknown>;
}

export interface SLTranscriptItem {
  Id?: string;
  ParticipantRole?: string;
  DisplayName?: string;
  Content?: string;
  AbsoluteTime?: string;
  Type?: string;
  ContentType?: string;
}

export interface SLChatController {
  getTranscript(args: {
    maxResults: number;
    sortOrder: 'ASCENDING' | 'DESCENDING';
    scanDirection?: 'FORWARD' | 'BACKWARD';
    nextToken?: string;
  }): Promise<{
    data: { Transcript: SLTranscriptItem[]; NextToken?: string };
  }>;
  onMessage?(cb: (event: { data: SLTranscriptItem }) => void): void;
}

export type SLContactCallback = (contact: SLContact) => void;

export interface SLContact {
  getContactId(): string;
  getInitialContactId(): string | undefined;
  getRelatedContactId?(): string | null;
  getType(): string;
  getStatus(): SLStatus;
  getQueue(): SLQueue | null;
  getAttributes(): Record<string, { name: string; value: string }>;
  isInbound(): boolean;
  getInitiationMethod?(): string;
  getInitialConnection(): SLConnection | null;
  getAgentConnection(): SLConnection | null;
  getConnections?(): SLConnection[];
  getConnectSystemEndpoint?(): SLEndpoint | null;
  getName?(): string;
  getDescription?(): string;
  getReferences?(): Record<string, { type?: string; value: string }>;
  onConnecting(cb: SLContactCallback): unknown;
  onIncoming(cb: SLContactCallback): unknown;
  onPending?(cb: SLContactCallback): unknown;
  onError?(cb: SLContactCallback): unknown;
  onAccepted(cb: SLContactCallback): unknown;
  onConnected(cb: SLContactCallback): unknown;
  onRefresh(cb: SLContactCallback): unknown;
  onMissed(cb: SLContactCallback): unknown;
  onEnded(cb: SLContactCallback): unknown;
  onACW(cb: SLContactCallback): unknown;
  onDestroy(cb: SLContactCallback): unknown;
}

export interface SLRoutingProfile {
  name: string;
  queues: SLQueue[];
  defaultOutboundQueue: SLQueue | null;
}

export interface SLAgent {
  getName(): string;
  getRoutingProfile(): SLRoutingProfile;
  getContacts(): SLContact[];
  connect(endpoint: SLEndpoint, options: { queueARN?: string; success?: () => void; failure?: (err: string) => void }): void;
}

export interface StreamsLike {
  core: {
    initCCP(container: HTMLElement | null, options: Record<string, unknown>): void;
    onViewContact?(cb: (event: { contactId: string }) => void): void;
    viewContact?(contactId: string): void;
    terminate?(): void;
  };
  contact(cb: SLContactCallback): void;
  agent(cb: (agent: SLAgent) => void): void;
  Endpoint: { byPhoneNumber(number: string, name?: string): SLEndpoint };
}
