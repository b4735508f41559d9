// "Zendesk (simulated)": the agent's record tabs, a ticket or user view, the home page with
// lists of users and tickets, the notifications the app sent and the API request log.
// Everything is read from the in-memory Zendesk and the run's report; comment HTML is never
// injected: comments show their plain-text body.
import { Button, IconButton } from '@zendeskgarden/react-buttons';
import type { SnapshotTicket, SnapshotUser } from '../../src/sim/zendesk/types';
import { refKey, sameRef, type RecordRef } from '../session';
import { useSession } from './useSession';
import { durationLabel, text, viaLabel } from './format';

export function ZendeskPane() {
  const session = useSession();
  const snap = session.world.zendesk.snapshot();
  const z = session.zendesk();
  const users = new Map(snap.users.map((u) => [u.id, u] as const));
  const brands = new Map((session.scenario.zendesk.brands ?? []).map((b) => [b.id, b.name] as const));
  const active = z.active;
  const tabOpen = session.currentTab() !== undefined;

  const label = (r: RecordRef): string => {
    if (r.kind === 'user') return users.get(r.id)?.name ?? `User ${r.id}`;
    const t = snap.tickets.find((x) => x.id === r.id);
    return `#${r.id} ${t?.subject ?? ''}`.trim();
  };

  return (
    <section className="zd" aria-label="Zendesk (simulated)" data-testid="zendesk">
      <header className="zd-header">
        <strong>Zendesk (simulated)</strong>
        <span className="muted">
          {session.agent ? `signed in as ${session.agent}, browser tab ${session.tabNo}` : 'no agent'}
          {tabOpen ? '' : ' — this tab is closed'}
        </span>
      </header>
      <nav className="zd-tabs" role="tablist" data-testid="zd-tabs">
        <button
          type="button"
          role="tab"
          aria-selected={active === null}
          className={`zd-tab${active === null ? ' is-active' : ''}`}
          data-testid="zd-tab-home"
          onClick={() => session.goHome()}
        >
          Home
        </button>
        {z.open.map((r) => (
          <span key={refKey(r)} className={`zd-tab${sameRef(active, r) ? ' is-active' : ''}`}>
            <button
              type="button"
              role="tab"
              aria-selected={sameRef(active, r)}
              className="zd-tab-open"
              data-testid={`zd-tab-${refKey(r)}`}
              title={label(r)}
              onClick={() => void session.view(r)}
            >
              <span className="kind">{r.kind === 'ticket' ? 'Ticket' : 'User'}</span>
              {label(r)}
            </button>
            <IconButton size="small" isBasic aria-label={`Close ${label(r)}`} onClick={() => void session.closeRecord(r)}>
              <span aria-hidden="true">×</span>
            </IconButton>
          </span>
        ))}
      </nav>
      <div className="zd-body">
        {active === null ? (
          <Home users={snap.users} tickets={snap.tickets} />
        ) : active.kind === 'ticket' ? (
          <TicketView ticket={snap.tickets.find((t) => t.id === active.id)} id={active.id} users={users} brands={brands} />
        ) : (
          <UserView user={users.get(active.id)} id={active.id} tickets={snap.tickets} />
        )}
      </div>
    </section>
  );
}

function Home({ users, tickets }: { users: SnapshotUser[]; tickets: SnapshotTicket[] }) {
  const session = useSession();
  const byId = new Map(users.map((u) => [u.id, u.name] as const));
  return (
    <div className="zd-home">
      <div>
        <h3>Tickets ({tickets.length})</h3>
        <table className="grid" data-testid="tickets-list">
          <thead>
            <tr>
              <th>ID</th>
              <th>Subject</th>
              <th>Requester</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {tickets.map((t) => (
              <tr key={t.id} data-testid={`ticket-row-${t.id}`}>
                <td>#{t.id}</td>
                <td>
                  <Button isLink onClick={() => void session.view({ kind: 'ticket', id: t.id })}>
                    {t.subject ?? '(no subject)'}
                  </Button>
                </td>
                <td>{byId.get(t.requester_id) ?? `user ${t.requester_id}`}</td>
                <td>
                  <StatusBadge status={t.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <h3>Users ({users.length})</h3>
        <table className="grid" data-testid="users-list">
          <thead>
            <tr>
              <th>ID</th>
              <th>Name</th>
              <th>Role</th>
              <th>Phone</th>
              <th>Email</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-testid={`user-row-${u.id}`}>
                <td>{u.id}</td>
                <td>
                  <Button isLink onClick={() => void session.view({ kind: 'user', id: u.id })}>
                    {u.name}
                  </Button>
                </td>
                <td>{u.role}</td>
                <td>{u.phone ?? '—'}</td>
                <td>{u.email ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function StatusBadge({ status }: { status: string }) {
  return <span className={`status status-${status}`}>{status}</span>;
}

function TicketView({
  ticket,
  id,
  users,
  brands,
}: {
  ticket: SnapshotTicket | undefined;
  id: number;
  users: Map<number, SnapshotUser>;
  brands: Map<number, string>;
}) {
  const session = useSession();
  if (!ticket) return <p data-testid="ticket-view">Ticket #{id} does not exist (yet).</p>;
  const requester = users.get(ticket.requester_id);
  const name = (uid: unknown) => {
    const n = Number(uid);
    return users.get(n)?.name ?? (uid === undefined || uid === null ? '—' : `user ${String(uid)}`);
  };
  return (
    <article className="ticket" data-testid="ticket-view" data-ticket-id={ticket.id}>
      <h2>
        <span className="muted">#{ticket.id}</span> <span data-testid="ticket-subject">{ticket.subject ?? '(no subject)'}</span>
      </h2>
      <dl className="props">
        <dt>Requester</dt>
        <dd data-testid="ticket-requester">
          <Button isLink onClick={() => void session.view({ kind: 'user', id: ticket.requester_id })}>
            {requester?.name ?? `user ${ticket.requester_id}`}
          </Button>
          {requester?.phone ? <span className="muted"> {requester.phone}</span> : null}
        </dd>
        <dt>Status</dt>
        <dd data-testid="ticket-status">
          <StatusBadge status={ticket.status} />
        </dd>
        <dt>Via</dt>
        <dd data-testid="ticket-via">{viaLabel(ticket.via_id)}</dd>
        <dt>Brand</dt>
        <dd data-testid="ticket-brand">{ticket.brand_id === null ? '—' : (brands.get(ticket.brand_id) ?? `brand ${ticket.brand_id}`)}</dd>
        <dt>Tags</dt>
        <dd data-testid="ticket-tags">
          {ticket.tags.length ? ticket.tags.map((t) => <span key={t} className="tag">{t}</span>) : <span className="muted">none</span>}
        </dd>
        {ticket.external_id ? (
          <>
            <dt>External ID</dt>
            <dd>{ticket.external_id}</dd>
          </>
        ) : null}
        {ticket.custom_fields
          .filter((f) => f.value !== null && f.value !== '')
          .map((f) => (
            <FieldRow key={f.id} label={`Field ${f.id}`} value={text(f.value)} />
          ))}
      </dl>
      <h3>Conversation ({ticket.comments.length})</h3>
      <ol className="comments">
        {ticket.comments.map((c, i) =>
          c.type === 'VoiceComment' ? (
            <li key={i} className="comment voice" data-testid="comment" data-type="VoiceComment">
              <div className="card" data-testid="call-details">
                <div className="card-title">Call details</div>
                {typeof c.data?.title === 'string' ? <div className="card-sub">{c.data.title}</div> : null}
                <dl className="props">
                  <dt>From</dt>
                  <dd data-testid="call-from">{text(c.data?.from)}</dd>
                  <dt>To</dt>
                  <dd data-testid="call-to">{text(c.data?.to)}</dd>
                  <dt>Duration</dt>
                  <dd data-testid="call-duration">{durationLabel(c.data?.call_duration)}</dd>
                  <dt>Answered by</dt>
                  <dd data-testid="call-answered-by">{c.data?.answered_by_id === undefined ? '—' : name(c.data.answered_by_id)}</dd>
                  <dt>Started</dt>
                  <dd>{text(c.data?.started_at)}</dd>
                  {c.data?.recording_url ? (
                    <>
                      <dt>Recording</dt>
                      <dd className="wrap">{text(c.data.recording_url)}</dd>
                    </>
                  ) : null}
                </dl>
                <div className="muted small">{c.public ? 'public' : 'internal'} · by {name(c.author_id)}</div>
              </div>
            </li>
          ) : (
            <li key={i} className={`comment ${c.public ? 'public' : 'private'}`} data-testid="comment" data-type="Comment">
              <div className="comment-head">
                <strong>{name(c.author_id)}</strong> <span className="badge">{c.public ? 'Public reply' : 'Internal note'}</span>
              </div>
              {/* The plain-text body, never the HTML: what the app wrote is shown, not run. */}
              <div className="comment-body">{c.body}</div>
            </li>
          ),
        )}
      </ol>
    </article>
  );
}

function FieldRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

function UserView({ user, id, tickets }: { user: SnapshotUser | undefined; id: number; tickets: SnapshotTicket[] }) {
  const session = useSession();
  if (!user) return <p data-testid="user-view">User {id} does not exist (yet).</p>;
  const requested = tickets.filter((t) => t.requester_id === user.id);
  const fields = Object.entries(user.user_fields).filter(([, v]) => v !== null && v !== '');
  return (
    <article className="user" data-testid="user-view" data-user-id={user.id}>
      <h2 data-testid="user-name">{user.name}</h2>
      <dl className="props">
        <dt>Role</dt>
        <dd>{user.role}</dd>
        <dt>Phone</dt>
        <dd data-testid="user-phone">{user.phone ?? '—'}</dd>
        <dt>Email</dt>
        <dd data-testid="user-email">{user.email ?? '—'}</dd>
        {fields.map(([k, v]) => (
          <FieldRow key={k} label={k} value={text(v)} />
        ))}
      </dl>
      <h3>Requested tickets ({requested.length})</h3>
      <ul className="plain">
        {requested.map((t) => (
          <li key={t.id}>
            <Button size="small" isBasic onClick={() => void session.view({ kind: 'ticket', id: t.id })}>
              #{t.id} {t.subject ?? '(no subject)'}
            </Button>{' '}
            <StatusBadge status={t.status} />
          </li>
        ))}
      </ul>
    </article>
  );
}
