// The soak: a short run must find no violation, the generator must only make valid scenarios,
// and each invariant must catch a hand-made bad report.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/sim/scenario/load';
import type { Scenario } from '../../src/sim/scenario/schema';
import type { SimReport } from '../../src/sim/scenario/report';
import { castZendesk, START } from '../../src/soak/cast';
import { contactsIn, FAULT_BUDGET, generateScenario, scenariosFor } from '../../src/soak/generate';
import { checkInvariants, type Violation } from '../../src/soak/invariants';
import { Rng } from '../../src/domain/prng';
import { runSlice, runSoakScenario } from '../../src/soak/run';

function scenario(steps: Record<string, unknown>[], settings: Record<string, unknown> = {}): Scenario {
  const r = parseScenario('test.json', {
    name: 'invariant test',
    settings: { ccpUrl: 'https://example.my.connect.aws/ccp-v2', ...settings },
    zendesk: { start: START, ...castZendesk() },
    agents: [
      { name: 'ann', zendesk_user_id: 1, routing_profile: { name: 'Soak', queues: ['General'], default_outbound_queue: 'General' } },
    ],
    steps,
  });
  if (!r.ok) throw new Error(r.error);
  return r.scenario;
}

/** Jane Doe (#10, +61400111222) calls; auto mode; the agent answers: a new ticket for her. */
const AUTO_RECOGNISED = [
  { at: 0, contact: 'c1', event: 'incoming', channel: 'voice', customer: '+61400111222', system: '+61290000000', queue: 'General' },
  { at: 4, contact: 'c1', event: 'accepted' },
  { at: 5, contact: 'c1', event: 'connected' },
  { at: 65, contact: 'c1', event: 'ended' },
  { at: 70, contact: 'c1', event: 'destroyed' },
];

async function cleanRun(): Promise<{ sc: Scenario; report: SimReport }> {
  const sc = scenario(AUTO_RECOGNISED);
  const { report } = await runSoakScenario(sc);
  return { sc, report };
}

const clone = <T>(x: T): T => structuredClone(x);
const kinds = (vs: Violation[]) => vs.map((v) => v.kind);

describe('soak', () => {
  it('a short soak (300 contacts, seed 1) finds no violation', async () => {
    const n = scenariosFor(1, 300);
    const r = await runSlice(1, Array.from({ length: n }, (_, i) => i), { failDir: null });
    expect(r.counts.contacts).toBeGreaterThanOrEqual(300);
    expect(r.violations.map((v) => `${v.index}: [${v.rule}] ${v.kind} ${v.message}`)).toEqual([]);
    // The run exercised what it is meant to.
    expect(r.counts.faultSteps).toBeGreaterThan(0);
    expect(r.counts.reloads).toBeGreaterThan(0);
    expect(r.counts.transfers).toBeGreaterThan(0);
    expect(r.counts.mustTicket).toBeGreaterThan(200);
  }, 120_000);

  it('generates valid, deterministic scenarios within the fault budget', () => {
    for (let i = 0; i < 150; i++) {
      const doc = generateScenario(42, i);
      expect(generateScenario(42, i)).toEqual(doc);
      const r = parseScenario(`seed-42-${i}.json`, doc);
      if (!r.ok) throw new Error(r.error);
      expect(contactsIn(doc)).toBeGreaterThanOrEqual(1);
      const faults = r.scenario.steps.flatMap((s) => ('fault' in s ? [s.fault.times ?? 1] : []));
      expect(faults.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(FAULT_BUDGET);
    }
    expect(generateScenario(1, 0)).not.toEqual(generateScenario(2, 0));
  });

  it('has a seeded PRNG', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('invariants', () => {
  it('accept a correct run', async () => {
    const { sc, report } = await cleanRun();
    expect(report.contacts[0]?.ticket_id).not.toBeNull();
    expect(checkInvariants(sc, report).violations).toEqual([]);
  });

  it('(a) catch an error entry', async () => {
    const { sc, report } = await cleanRun();
    const bad = clone(report);
    bad.errors.push({ agent: 'ann', tab: 1, step: 2, message: 'TypeError: x is undefined' });
    expect(kinds(checkInvariants(sc, bad).violations)).toEqual(['app-error']);
  });

  it('(b) catch a duplicate user', async () => {
    const { sc, report } = await cleanRun();
    const bad = clone(report);
    const u = { id: 90, name: 'New caller', role: 'end-user' as const, phone: '+61400900001', email: null, user_fields: {} };
    bad.users.push(u, { ...u, id: 91, phone: '+61 400 900 001' });
    expect(kinds(checkInvariants(sc, bad).violations)).toEqual(['duplicate-user']);
    // A created user with the number of an existing end user is one too.
    const known = clone(report);
    known.users.push({ ...u, phone: '+61400111222' });
    expect(kinds(checkInvariants(sc, known).violations)).toEqual(['duplicate-user']);
    // And two created users with one external id.
    const ext = clone(report);
    ext.users.push({ ...u, phone: null }, { ...u, id: 91, phone: null });
    expect(kinds(checkInvariants(sc, ext, { userExternalIds: { 90: 'amazon-connect:c1', 91: 'amazon-connect:c1' } }).violations)).toEqual([
      'duplicate-user',
    ]);
  });

  it('(c) catch a second ticket created for one contact', async () => {
    const { sc, report } = await cleanRun();
    const bad = clone(report);
    const t = bad.tickets.find((x) => x.id === bad.contacts[0]!.ticket_id)!;
    bad.tickets.push({ ...clone(t), id: 999, comments: [clone(t.comments[0]!)] });
    expect(kinds(checkInvariants(sc, bad).violations)).toContain('duplicate-ticket');
  });

  it('(d) catch a second voice comment for a contact', async () => {
    const { sc, report } = await cleanRun();
    const bad = clone(report);
    const t = bad.tickets.find((x) => x.id === bad.contacts[0]!.ticket_id)!;
    const voice = t.comments.find((c) => c.type === 'VoiceComment')!;
    t.comments.push(clone(voice));
    expect(kinds(checkInvariants(sc, bad).violations)).toEqual(['duplicate-comment']);
  });

  it('(e) catch a missing ticket for an auto recognised call, and a missing call detail', async () => {
    const { sc, report } = await cleanRun();
    const bad = clone(report);
    const id = bad.contacts[0]!.ticket_id;
    bad.contacts[0]!.ticket_id = null;
    bad.tickets = bad.tickets.filter((t) => t.id !== id);
    const vs = checkInvariants(sc, bad).violations;
    expect(kinds(vs)).toEqual(['missing-ticket']);
    expect(vs[0]!.message).toContain('must');

    const noDetails = clone(report);
    const t = noDetails.tickets.find((x) => x.id === noDetails.contacts[0]!.ticket_id)!;
    t.comments = t.comments.filter((c) => c.type !== 'VoiceComment');
    expect(kinds(checkInvariants(sc, noDetails).violations)).toEqual(['missing-details']);

    // force_ticket_creation false in manual mode: no ticket is required.
    const manual = scenario([
      { ...AUTO_RECOGNISED[0], attributes: { ticket_assignment: 'agent', force_ticket_creation: 'false' } },
      ...AUTO_RECOGNISED.slice(1),
    ]);
    const { report: r2 } = await runSoakScenario(manual);
    expect(r2.contacts[0]?.ticket_id).toBeNull();
    expect(checkInvariants(manual, r2).violations).toEqual([]);
  });

  it('(f) catch a missed contact that created something', async () => {
    const sc = scenario([
      { at: 0, contact: 'c1', event: 'incoming', channel: 'voice', customer: '+61400111222', queue: 'General' },
      { at: 20, contact: 'c1', event: 'missed' },
    ]);
    const { report } = await runSoakScenario(sc);
    expect(checkInvariants(sc, report).violations).toEqual([]);
    const bad = clone(report);
    bad.contacts = [{ id: 'c1', agent: 'ann', mode: 'auto', ticket_id: 500, user_id: 10 }];
    expect(kinds(checkInvariants(sc, bad).violations)).toEqual(['dropped-contact-created']);
  });

  it('(g) catch a created voice ticket without via 45 or the amazon_connect tag', async () => {
    const { sc, report } = await cleanRun();
    const bad = clone(report);
    const t = bad.tickets.find((x) => x.id === bad.contacts[0]!.ticket_id)!;
    t.via_id = 0;
    t.tags = t.tags.filter((x) => x !== 'amazon_connect');
    const vs = checkInvariants(sc, bad).violations;
    expect(kinds(vs)).toEqual(['ticket-shape']);
    expect(vs[0]!.message).toMatch(/via_id 0.*amazon_connect/);
  });
});
