// The controller is built (and started) before Streams exists, because the CCP's container is
// rendered by the controller's own UI. This port takes the controller's subscriptions and hands
// them to the real StreamsAdapter the moment it is attached, which happens synchronously right
// after initCCP: before the CCP can report any agent or contact.
import type { ChatTranscriptItem, ConnectPort, ContactEvent, ContactStage, RoutingProfile } from './types';

export class LateConnectPort implements ConnectPort {
  private target: ConnectPort | null = null;
  private contactHandlers: ((event: ContactEvent) => void)[] = [];
  private agentHandlers: ((profile: RoutingProfile, agentName: string) => void)[] = [];
  private focusHandlers: ((contactId: string) => void)[] = [];

  attach(target: ConnectPort): void {
    if (this.target) throw new Error('LateConnectPort is attached already');
    this.target = target;
    for (const h of this.contactHandlers) target.onContactEvent(h);
    for (const h of this.agentHandlers) target.onAgentReady(h);
    for (const h of this.focusHandlers) target.onContactFocused(h);
    this.contactHandlers = [];
    this.agentHandlers = [];
    this.focusHandlers = [];
  }

  get attached(): boolean {
    return this.target !== null;
  }

  onContactEvent(handler: (event: ContactEvent) => void): void {
    if (this.target) this.target.onContactEvent(handler);
    else this.contactHandlers.push(handler);
  }

  onAgentReady(handler: (profile: RoutingProfile, agentName: string) => void): void {
    if (this.target) this.target.onAgentReady(handler);
    else this.agentHandlers.push(handler);
  }

  dial(number: string, queueArn: string | null): Promise<void> {
    if (!this.target) return Promise.reject(new Error('The Contact Control Panel is not running.'));
    return this.target.dial(number, queueArn);
  }

  onContactFocused(handler: (contactId: string) => void): void {
    if (this.target) this.target.onContactFocused(handler);
    else this.focusHandlers.push(handler);
  }

  focusContact(contactId: string): void {
    this.target?.focusContact(contactId);
  }

  getTranscript(contactId: string): Promise<ChatTranscriptItem[]> {
    return this.target ? this.target.getTranscript(contactId) : Promise.resolve([]);
  }

  voiceIdState(contactId: string): Promise<{ status: string; speakerId: string | null } | null> {
    return this.target ? this.target.voiceIdState(contactId) : Promise.resolve(null);
  }

  contactStage(contactId: string): ContactStage {
    return this.target ? this.target.contactStage(contactId) : 'unknown';
  }
}
