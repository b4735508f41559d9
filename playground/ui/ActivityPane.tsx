// What the app did, from the run's report: the notifications it sent (also shown as toasts),
// the Zendesk API requests it made, the outbound calls it asked Connect to place, and any
// exception that escaped its own handling.
import { useEffect, useRef } from 'react';
import { Notification, useToast } from '@zendeskgarden/react-notifications';
import { useSession } from './useSession';

const TYPE = { info: 'info', warning: 'warning', error: 'error' } as const;

export function ActivityPane() {
  const session = useSession();
  const r = session.world.report;
  const mine = <T extends { agent: string; tab: number }>(list: T[]) =>
    list.filter((x) => x.agent === session.agent && x.tab === session.tabNo);
  const notifications = mine(r.notifications);
  const requests = r.requests;
  return (
    <section className="activity" aria-label="What the app did">
      {r.errors.length > 0 ? (
        <div className="box errors" data-testid="app-errors">
          <h3>App errors ({r.errors.length})</h3>
          <ul className="plain">
            {r.errors.map((e, i) => (
              <li key={i}>
                <code>
                  {e.agent}#{e.tab} step {e.step}
                </code>{' '}
                {e.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="box">
        <h3>Notifications ({notifications.length})</h3>
        <ul className="plain notices" data-testid="notifications">
          {notifications.length === 0 ? <li className="muted">none yet</li> : null}
          {notifications.map((n, i) => (
            <li key={i} data-testid="notification" data-level={n.level}>
              <span className={`level level-${n.level}`}>{n.level}</span> {n.text}
            </li>
          ))}
        </ul>
        {r.dials.length > 0 ? (
          <>
            <h3>Outbound calls placed ({r.dials.length})</h3>
            <ul className="plain" data-testid="dials">
              {r.dials.map((d, i) => (
                <li key={i}>
                  {d.number} via queue {d.queue ?? '(default)'}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      <div className="box">
        <h3>Request log ({requests.length})</h3>
        <div className="scroll">
          <table className="grid small" data-testid="request-log">
            <thead>
              <tr>
                <th>at</th>
                <th>tab</th>
                <th>method</th>
                <th>path</th>
                <th>status</th>
              </tr>
            </thead>
            <tbody>
              {[...requests].reverse().slice(0, 300).map((q, i) => (
                <tr key={requests.length - i} className={q.status >= 400 || q.status === 0 ? 'bad' : ''}>
                  <td>{(q.at_ms / 1000).toFixed(1)} s</td>
                  <td>
                    {q.agent}#{q.tab}
                  </td>
                  <td>{q.method}</td>
                  <td className="wrap">{q.path}</td>
                  <td>{q.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

/** Each new notification of the shown app instance also pops up as a toast, as in Zendesk. */
export function NotificationToasts() {
  const session = useSession();
  const { addToast, removeAllToasts } = useToast();
  const r = session.world.report;
  const list = r.notifications.filter((n) => n.agent === session.agent && n.tab === session.tabNo);
  // Toasts are for what happens from now on (mount: this agent and tab as shown).
  const shown = useRef<{ report: unknown; count: number }>({ report: r, count: list.length });
  useEffect(() => {
    if (shown.current.report !== r) {
      // A new world: the old one's toasts go.
      removeAllToasts();
      shown.current = { report: r, count: 0 };
    }
    for (const n of list.slice(shown.current.count)) {
      addToast(
        () => (
          <Notification type={TYPE[n.level]} data-testid="toast">
            <Notification.Title>Amazon Connect</Notification.Title>
            {n.text}
          </Notification>
        ),
        { autoDismiss: 5000, placement: 'bottom-start' },
      );
    }
    shown.current.count = list.length;
  });
  return null;
}
