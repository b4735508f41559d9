// The StreamsAdapter over the real Streams bundle: the simulated CCP sends agent snapshots and
// answers API requests at the postMessage wire, Streams turns them into its callbacks, and the
// adapter into the app's contact events.
import { afterEach, describe, expect, it } from 'vitest';
import { queueArnOf } from '../../src/sim/ccp/connectAgent';
import { connectAgent, spec, types } from './streamsTab';

let world: ReturnType<typeof connectAgent>;
const setup = (...args: Parameters<typeof connectAgent>) => (world = connectAgent(...args));
afterEach(() => world?.closeAll());

describe('StreamsAdapter', () => {
  it('reports a call in Streams order with its snapshot', async () => {
    const { apply, open } = setup();
    const { events } = await open();
    await apply('c1', 'incoming', { spec: spec() });
    for (const e of ['accepted', 'connected', 'hold', 'resume', 'ended', 'destroyed']) await apply('c1', e);
    expect(types(events)).toEqual(['incoming', 'accepted', 'connected', 'hold', 'resume', 'ended', 'destroyed']);
    expect(events[0]!.contact).toEqual({
      id: 'c1',
      channel: 'voice',
      initiation: 'inbound',
      customerEndpoint: '+447700900123',
      systemEndpoint: '+442079460000',
      queue: 'General',
      attributes: { ticket_assignment: 'agent' },
      initialContactId: 'c1',
      previousContactId: null,
      name: null,
      description: null,
      references: {},
      monitoring: false,
    });
  });

  it('reports a contact that goes to after contact work as one ended, and its clearing as destroyed', async () => {
    const { apply, open, wait } = setup();
    const { events } = await open();
    await apply('c1', 'incoming', { spec: spec() });
    await apply('c1', 'connected');
    await apply('c1', 'ended');
    await wait(60_000); // snapshots keep coming while the agent is in after contact work
    expect(types(events)).toEqual(['incoming', 'accepted', 'connected', 'ended']);
    await apply('c1', 'destroyed');
    expect(types(events)).toEqual(['incoming', 'accepted', 'connected', 'ended', 'destroyed']);
  });

  it('a declined call is reported as rejected, a missed one as missed: neither as answered', async () => {
    const { apply, open } = setup();
    const { events } = await open();
    await apply('c1', 'incoming', { spec: spec() });
    await apply('c1', 'rejected');
    await apply('c2', 'incoming', { spec: spec({ id: 'c2' }) });
    await apply('c2', 'missed');
    expect(events.map((e) => `${e.contact.id}:${e.type}`)).toEqual(['c1:incoming', 'c1:rejected', 'c1:destroyed', 'c2:incoming', 'c2:missed']);
  });

  it('after a reload, an existing connected call is reported with the events that led to it', async () => {
    const { apply, open } = setup();
    const first = await open();
    await apply('c1', 'incoming', { spec: spec() });
    await apply('c1', 'accepted');
    await apply('c1', 'connected');
    first.close();
    const { events } = await open(); // the reloaded tab
    expect(types(events)).toEqual(['incoming', 'accepted', 'connected']);
    await apply('c1', 'ended');
    expect(types(events)).toEqual(['incoming', 'accepted', 'connected', 'ended']);
  });

  it('outbound calls start with dialing; dials go through the chosen queue', async () => {
    const { apply, open, dials } = setup();
    const { adapter, events } = await open();
    await adapter.dial('+447700900123', queueArnOf('Billing'));
    expect(dials).toEqual([{ number: '+447700900123', queueArn: queueArnOf('Billing'), queue: 'Billing' }]);
    await apply('o1', 'dialing', { spec: spec({ id: 'o1', initiation: 'outbound' }) });
    expect(types(events)).toEqual(['dialing']);
    expect(events[0]!.contact).toMatchObject({ initiation: 'outbound', customerEndpoint: '+447700900123' });
  });

  it("a dial Connect refuses fails with Connect's message, not its JSON", async () => {
    const { open, dials } = setup();
    const { adapter } = await open();
    await expect(adapter.dial('12', null)).rejects.toThrow('Amazon Connect could not place the call: The phone number 12 is not a dialable E.164 number.');
    expect(dials).toEqual([]);
  });

  it('a dial whose answer is lost fails after its time limit instead of waiting for ever', async () => {
    const { open, wait, dials } = setup();
    let lose = false;
    // From now on the CCP's answers to API requests never reach the page.
    const { adapter } = await open((page) =>
      page.window.addEventListener('message', (e) => {
        if (lose && (e.data as { event?: string } | null)?.event === 'api_response') e.stopImmediatePropagation();
      }),
    );
    lose = true;
    let outcome: string | null = null;
    adapter.dial('+447700900123', null).then(
      () => (outcome = 'placed'),
      (e: Error) => (outcome = e.message),
    );
    await wait(29_000);
    expect(dials).toHaveLength(1); // Connect got the request
    expect(outcome).toBeNull();
    await wait(1_000);
    expect(outcome).toMatch(/did not answer the request to place the call/);
  });

  it('reads a long chat transcript page by page, oldest first', async () => {
    const { apply, open, wait } = setup();
    const { adapter } = await open();
    await apply('k1', 'incoming', { spec: spec({ id: 'k1', channel: 'chat', customer: null }) });
    await apply('k1', 'connected');
    for (let i = 0; i < 250; i++) {
      await wait(1000);
      world.agent.apply('k1', 'message', { message: { role: i % 2 ? 'AGENT' : 'CUSTOMER', displayName: 'x', text: `m${i}` } });
    }
    const items = await adapter.getTranscript('k1');
    expect(items).toHaveLength(250);
    expect(items.map((i) => i.text).slice(0, 3)).toEqual(['m0', 'm1', 'm2']);
    expect(items.map((i) => i.role).slice(0, 2)).toEqual(['CUSTOMER', 'AGENT']);
    expect(items[249]!.text).toBe('m249');
  });

  it("reads the caller's Voice ID speaker id and enrolment through the CCP's answers", async () => {
    const { apply, open } = setup();
    const { adapter } = await open();
    await apply('c1', 'incoming', { spec: spec() });
    await apply('c1', 'connected');
    expect(await adapter.voiceIdState('c1')).toEqual({ status: '', speakerId: null });
    await apply('c1', 'voiceid', { voiceId: { status: '', speakerId: 'spk-7f3a' } });
    expect(await adapter.voiceIdState('c1')).toEqual({ status: '', speakerId: 'spk-7f3a' });
    await apply('c1', 'voiceid', { voiceId: { status: 'ENROLLED', speakerId: 'spk-7f3a' } });
    expect(await adapter.voiceIdState('c1')).toEqual({ status: 'ENROLLED', speakerId: 'spk-7f3a' });
    const asked = world.agent.apiCalls.map((c) => c.method);
    expect(asked).toContain('AgentAppService.Lcms.getContact');
    expect(asked).toContain('AgentAppService.VoiceId.describeSpeaker');
  });
});
