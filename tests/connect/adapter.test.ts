import { describe, expect, it } from 'vitest';
import { StreamsAdapter } from '../../src/connect/adapter';
import type { ContactEvent } from '../../src/connect/types';
import { SimConnectAgent, type SimContactSpec } from '../../src/sim/connect/simConnect';

const spec = (over: Partial<SimContactSpec> = {}): SimContactSpec => ({
  id: 'c1',
  channel: 'voice',
  initiation: 'inbound',
  customer: '+447700900123',
  system: '+442079460000',
  queue: 'General',
  attributes: { ticket_assignment: 'agent' },
  initialContactId: null,
  previousContactId: null,
  name: null,
  description: null,
  references: {},
  monitoring: false,
  ...over,
});

function setup() {
  let now = 1_000_000;
  const dials: { number: string; queue: string | null }[] = [];
  const hub = new SimConnectAgent('priya', { name: 'Front', queues: ['General', 'Billing'], default_outbound_queue: 'General' }, () => now, (_t, d) => dials.push(d));
  const open = () => {
    const events: ContactEvent[] = [];
    const adapter = new StreamsAdapter(hub.openTab('t'));
    adapter.onContactEvent((e) => events.push(e));
    return { adapter, events };
  };
  return { hub, open, dials, tick: (ms: number) => (now += ms) };
}

const types = (events: ContactEvent[]) => events.map((e) => e.type);

describe('StreamsAdapter', () => {
  it('reports a call in Streams order with its snapshot', () => {
    const { hub, open } = setup();
    const { events } = open();
    hub.apply('c1', 'incoming', { spec: spec() });
    hub.apply('c1', 'accepted', {});
    hub.apply('c1', 'connected', {});
    hub.apply('c1', 'hold', {});
    hub.apply('c1', 'resume', {});
    hub.apply('c1', 'ended', {});
    hub.apply('c1', 'destroyed', {});
    expect(types(events)).toEqual(['incoming', 'accepted', 'connected', 'hold', 'resume', 'ended', 'destroyed']);
    const snap = events[0]!.contact;
    expect(snap).toMatchObject({
      id: 'c1',
      channel: 'voice',
      initiation: 'inbound',
      customerEndpoint: '+447700900123',
      systemEndpoint: '+442079460000',
      queue: 'General',
      attributes: { ticket_assignment: 'agent' },
      initialContactId: 'c1',
    });
  });

  it('reports onEnded and onACW once, as one ended', () => {
    const { hub, open } = setup();
    const { events } = open();
    hub.apply('c1', 'incoming', { spec: spec() });
    hub.apply('c1', 'connected', {});
    hub.apply('c1', 'ended', {});
    expect(types(events).filter((t) => t === 'ended')).toHaveLength(1);
  });

  it('a declined call is reported as rejected, a missed one as missed', () => {
    const { hub, open } = setup();
    const { events } = open();
    hub.apply('c1', 'incoming', { spec: spec() });
    hub.apply('c1', 'rejected', {});
    hub.apply('c2', 'incoming', { spec: spec({ id: 'c2' }) });
    hub.apply('c2', 'missed', {});
    expect(types(events)).toEqual(['incoming', 'rejected', 'destroyed', 'incoming', 'missed']);
  });

  it('after a reload, an existing connected call is reported with the events that led to it', () => {
    const { hub, open } = setup();
    open();
    hub.apply('c1', 'incoming', { spec: spec() });
    hub.apply('c1', 'accepted', {});
    hub.apply('c1', 'connected', {});
    const { events } = open(); // the reloaded tab
    expect(types(events)).toEqual(['incoming', 'accepted', 'connected']);
    hub.apply('c1', 'ended', {});
    expect(types(events)).toEqual(['incoming', 'accepted', 'connected', 'ended']);
  });

  it('outbound calls start with dialing; dials go through the chosen queue', async () => {
    const { hub, open, dials } = setup();
    const { adapter, events } = open();
    await adapter.dial('+447700900123', 'arn:aws:connect:sim:000000000000:instance/sim/queue/Billing');
    hub.apply('o1', 'dialing', { spec: spec({ id: 'o1', initiation: 'outbound' }) });
    expect(types(events)).toEqual(['dialing']);
    expect(dials).toEqual([{ number: '+447700900123', queueArn: 'arn:aws:connect:sim:000000000000:instance/sim/queue/Billing', queue: 'Billing' }]);
  });

  it('reads a long chat transcript page by page', async () => {
    const { hub, open, tick } = setup();
    const { adapter } = open();
    hub.apply('k1', 'incoming', { spec: spec({ id: 'k1', channel: 'chat', customer: null }) });
    hub.apply('k1', 'connected', {});
    for (let i = 0; i < 250; i++) {
      tick(1000);
      hub.apply('k1', 'message', { message: { role: i % 2 ? 'AGENT' : 'CUSTOMER', displayName: 'x', text: `m${i}` } });
    }
    const items = await adapter.getTranscript('k1');
    expect(items).toHaveLength(250);
    expect(items.map((i) => i.text).slice(0, 3)).toEqual(['m0', 'm1', 'm2']);
    expect(items[249]!.text).toBe('m249');
  });
});
