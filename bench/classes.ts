// The canonical scenario classes (bench/scenarios/*.json) and the floor of each: the fewest
// Zendesk requests, and round trips to the first pop, that the class's decisions and writes
// need. The bench measures the app against these; anything above its floor is flagged.
//
// Every file shares one cast (Priya and Bob, agents 1 and 2; Tom Baker, user 20, +447700900123,
// open ticket 701; Ada Lane, user 21, +447700900456, ticket 700 updated 20 minutes before the
// start) and one set of settings, so the long shift (bench/longShift.ts) can replay them all
// through one app instance.

export interface ClassDef {
  /** bench/scenarios/<file>.json */
  file: string;
  label: string;
  /** The contact measured (the transferred leg for a transfer). */
  contact: string;
  /** Its agent (default: the scenario's first agent). */
  agent?: string;
  /** Fewest requests over the contact's whole life. */
  floor: number;
  /** Fewest round trips (at latency_ms 150) from the step that causes the first pop to the pop; null: nothing pops. */
  rtFloor: number | null;
  /** Each request the floor counts, and the decision or write that needs it. */
  why: string[];
  /** Where the app is above the floor: which request, and why no decision needs it. */
  above?: string;
  /** The explicit target (recognised inbound, auto). */
  headline?: boolean;
}

const SEARCH = '`GET /users/search`: who is calling; decides the pop while ringing and the requester';
const VOICE_TICKET = '`POST /channels/voice/tickets`: the ticket (summary note and the contact\'s external id in the same request)';
const VOICE_COMMENT =
  '`POST /calls`: the call record (Talk Partner Edition\'s standard call object, what Explore reports on) with its voice comment on the ticket, when the call ends (duration and recording are known only then; the record is made whole in one request instead of a create and a PATCH)';
const MARK =
  '`PUT /tickets/{id}` on accept: the chain\'s external id on the existing ticket, so a transfer, conference or monitoring leg finds it in one live read (plus any agent notifications)';

export const CLASSES: ClassDef[] = [
  {
    file: 'inbound-recognised-auto',
    label: 'inbound, recognised, auto',
    contact: 'c1',
    floor: 3,
    rtFloor: 1,
    headline: true,
    why: [SEARCH, VOICE_TICKET, VOICE_COMMENT],
  },
  {
    file: 'inbound-recognised-agent-create',
    label: 'inbound, recognised, agent + Create ticket',
    contact: 'c1',
    floor: 3,
    rtFloor: 1,
    why: [SEARCH, `${VOICE_TICKET}, on the click`, VOICE_COMMENT],
  },
  {
    file: 'inbound-recognised-force',
    label: 'inbound, recognised, force',
    contact: 'c1',
    floor: 3,
    rtFloor: 1,
    why: [SEARCH, VOICE_TICKET, VOICE_COMMENT],
  },
  {
    file: 'inbound-unrecognised-auto',
    label: 'inbound, unrecognised, auto',
    contact: 'c1',
    floor: 4,
    rtFloor: 2,
    why: [
      '`GET /users/search`: no match, so a new user',
      '`POST /users`: the new user with the caller\'s number (a ticket\'s inline requester takes no phone)',
      `${VOICE_TICKET}: needs the new user's id, hence 2 round trips to the ticket pop`,
      VOICE_COMMENT,
    ],
  },
  {
    file: 'inbound-unrecognised-agent-create',
    label: 'inbound, unrecognised, agent + Create ticket',
    contact: 'c1',
    floor: 4,
    rtFloor: 2,
    why: ['`GET /users/search` on the offer: no match', '`POST /users` on the click', `${VOICE_TICKET}, for the new user`, VOICE_COMMENT],
    above:
      'a second `GET /users/search` on the click (contactWork createTicketClicked: "look again rather than make a second user"). The offer\'s lookup already said unrecognised; the re-check only finds a user someone else made meanwhile once Zendesk has indexed it (minutes later), and a retry of this contact\'s own user is found by its external id anyway. It also adds a round trip before the ticket pops.',
  },
  {
    file: 'inbound-unrecognised-force',
    label: 'inbound, unrecognised, force',
    contact: 'c1',
    floor: 4,
    rtFloor: 2,
    why: ['`GET /users/search`: no match', '`POST /users`: the new user with the caller\'s number', VOICE_TICKET, VOICE_COMMENT],
  },
  {
    file: 'inbound-anonymous-auto',
    label: 'inbound, anonymous, auto (flips; nobody clicks)',
    contact: 'c1',
    floor: 1,
    rtFloor: 1,
    why: [
      'no lookup: a withheld number is known without Zendesk; auto flips to manual',
      'when the contact is cleared, force_ticket_creation (default true) makes the ticket for the agent: one `POST /channels/voice/tickets` that can carry the voice comment too, since the call is over and every detail is known',
    ],
    above:
      'the voice comment is a separate `PUT /tickets/{id}` right after the `POST` that created the ticket at the end of the contact. Talk Partner Edition\'s ticket creation takes a `voice_comment` (the in-memory Zendesk accepts it too), so a ticket made after the call could carry it: one request instead of two.',
  },
  {
    file: 'inbound-anonymous-agent-create',
    label: 'inbound, anonymous, agent + Create ticket',
    contact: 'c1',
    floor: 2,
    rtFloor: 1,
    why: ['no lookup (withheld number)', `${VOICE_TICKET}, on the click, with the agent as requester`, VOICE_COMMENT],
  },
  {
    file: 'inbound-anonymous-force',
    label: 'inbound, anonymous, force',
    contact: 'c1',
    floor: 2,
    rtFloor: 1,
    why: ['no lookup (withheld number)', `${VOICE_TICKET}, on accept, with the agent as requester`, VOICE_COMMENT],
  },
  {
    file: 'inbound-recent-ticket',
    label: 'inbound, recognised, recent ticket',
    contact: 'c1',
    floor: 4,
    rtFloor: 2,
    why: [
      SEARCH,
      '`GET /users/{id}/tickets/requested`: is one of the caller\'s tickets inside the window (needs the user id, hence 2 round trips to the ticket pop)',
      MARK,
      VOICE_COMMENT,
    ],
  },
  {
    file: 'inbound-ticket-number-valid',
    label: 'inbound, recognised, valid ticket number',
    contact: 'c1',
    floor: 4,
    rtFloor: 1,
    why: [
      '`GET /tickets/{n}`: the ticket exists, is open, and whose it is',
      '`GET /users/search`: who is calling, since a ticket that is not the caller\'s changes the outcome (both reads in parallel: 1 round trip to the ticket pop)',
      MARK,
      VOICE_COMMENT,
    ],
  },
  {
    file: 'outbound-softphone-recognised',
    label: 'outbound, softphone dial pad, recognised',
    contact: 'c1',
    floor: 3,
    rtFloor: 1,
    why: ['`GET /users/search`: whom the agent dialled (the pop and the requester)', `${VOICE_TICKET}, via_id 46`, VOICE_COMMENT],
  },
  {
    file: 'outbound-click-to-dial-ticket',
    label: 'outbound, click-to-dial from a ticket',
    contact: 'c1',
    floor: 3,
    rtFloor: 0,
    why: [
      '`GET /tickets/{id}` on the click: its status decides attach or a new ticket, its brand the outbound queue; the pop needs nothing more (0 round trips once the call is placed)',
      MARK,
      VOICE_COMMENT,
    ],
    above:
      'a second `GET /tickets/{id}` of the same ticket when the call is placed. The click already read it (PendingDial.ticket, handed to the rules as the origin), but decide() does not keep it as rec.attachTicket, so markAttachedTicket reads it again.',
  },
  {
    file: 'outbound-click-to-dial-user',
    label: 'outbound, click-to-dial from a user',
    contact: 'c1',
    floor: 2,
    rtFloor: 0,
    why: ['no lookup: the click names the user', `${VOICE_TICKET} for that user`, VOICE_COMMENT],
  },
  {
    file: 'transfer-auto',
    label: 'transfer, auto (the second agent\'s leg)',
    contact: 'c2',
    agent: 'bob',
    floor: 2,
    rtFloor: 1,
    why: [
      '`GET /tickets?external_id=`: the first leg\'s ticket, read live (search lags behind new tickets)',
      '`POST /calls`: this leg\'s own call record (its agent, its time) with its voice comment on that ticket, when it ends',
    ],
  },
  {
    file: 'chat-recognised-auto',
    label: 'chat, recognised, auto, with transcript',
    contact: 'k1',
    floor: 3,
    rtFloor: 1,
    why: [
      '`GET /users/search` (`email:`): who is chatting; the pop and the requester',
      '`POST /tickets`: the ticket with the summary note and external id',
      '`PUT /tickets/{id}`: the transcript as a private note when the chat ends',
    ],
  },
  {
    file: 'task-linked',
    label: 'task named Zendesk-<n>',
    contact: 't1',
    floor: 2,
    rtFloor: 1,
    why: [
      '`GET /tickets/{n}`: the ticket exists and is open (attach or hand to the agent), and its requester',
      '`PUT /tickets/{id}`: the task note; the chain\'s external id can go in the same request',
    ],
    above:
      'two `PUT /tickets/{id}` to the same ticket on accept: markAttachedTicket (the external id) and then writeTaskNote (the note). The gateway\'s markTicketForContact already takes a note, so one PUT would do both.',
  },
  {
    file: 'inbound-recognised-missed',
    label: 'inbound, recognised, missed (extra)',
    contact: 'c1',
    floor: 2,
    rtFloor: 1,
    why: ['`GET /users/search`: the pop while ringing', '`POST /calls`: the missed call\'s record, without a ticket (Explore counts missed calls); nothing else is written'],
  },
];
