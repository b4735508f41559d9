// The simulated Amazon Connect: what the contact flow and the agent would do. Each button applies
// one contact event to the agent's simulated Connect, which tells every CCP stand-in of that agent
// (one in each open Zendesk tab's Streams iframe); the real Streams there reports it to the app.
import { useState } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input, Select } from '@zendeskgarden/react-forms';
import type { Channel } from '../../src/domain/types';
import { STAND_IN_CCP_URL, type CcpMode, type MessageRole, type RingForm } from '../session';
import { useSession } from './useSession';

interface AttrRow {
  key: string;
  value: string;
}

const DEFAULT_NUMBER = '+447700900123';
const DEFAULT_SYSTEM = '+442079460000';

export function CcpPanel() {
  const session = useSession();
  const profile = session.scenario.agents.find((a) => a.name === session.agent)?.routing_profile;
  const queues = profile?.queues ?? [];

  const [channel, setChannel] = useState<Channel>('voice');
  const [direction, setDirection] = useState<'inbound' | 'outbound'>('inbound');
  const [customer, setCustomer] = useState(DEFAULT_NUMBER);
  const [system, setSystem] = useState(DEFAULT_SYSTEM);
  const [queuePick, setQueue] = useState('');
  const [attrs, setAttrs] = useState<AttrRow[]>([{ key: '', value: '' }]);
  const [role, setRole] = useState<MessageRole>('CUSTOMER');
  const [messageText, setMessageText] = useState('Hello, I need help with my order.');

  const queue = queues.includes(queuePick) ? queuePick : (queues[0] ?? '');
  const contacts = session.liveContacts();
  const selected = contacts.find((c) => c.id === session.selectedContact) ?? null;
  const canAct = selected !== null && session.currentTab() !== undefined;
  const scenarioCcp = session.scenario.settings.ccpUrl;
  const standIn = session.world.scenario.settings.ccpUrl === STAND_IN_CCP_URL;

  const ring = () => {
    const attributes: Record<string, string> = {};
    for (const row of attrs) if (row.key.trim() !== '') attributes[row.key.trim()] = row.value;
    const form: RingForm = { channel, direction, customer, system, queue, attributes };
    void session.ring(form);
  };
  const setAttr = (i: number, patch: Partial<AttrRow>) => setAttrs((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <section className="ccp" aria-label="Simulated Amazon Connect" data-testid="ccp">
      <h3>Simulated Amazon Connect {profile ? <span className="muted">· routing profile {profile.name}</span> : null}</h3>
      {standIn ? (
        <p className="muted small" data-testid="ccp-stand-in-url">
          The top bar's Streams frames the CCP stand-in at <span className="wrap">{STAND_IN_CCP_URL}</span>
          {typeof scenarioCcp === 'string' && scenarioCcp !== STAND_IN_CCP_URL ? (
            <>
              {' '}
              in place of <span className="wrap">{scenarioCcp}</span>
            </>
          ) : null}
          .
        </p>
      ) : null}
      <Field>
        <Field.Label>The CCP page</Field.Label>
        <Select isCompact data-testid="ccp-mode" value={session.ccpMode} onChange={(e) => void session.setCcpMode(e.target.value as CcpMode)}>
          <option value="answers">agent signed in</option>
          <option value="signed_out">agent signed out</option>
          <option value="silent">does not answer</option>
        </Select>
        <Field.Hint>Changing it restarts the scenario, so that Streams boots again.</Field.Hint>
      </Field>
      <div className="ccp-grid">
        <Field>
          <Field.Label>Channel</Field.Label>
          <Select isCompact data-testid="ccp-channel" value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
            <option value="voice">voice</option>
            <option value="chat">chat</option>
            <option value="task">task</option>
          </Select>
        </Field>
        <Field>
          <Field.Label>Direction</Field.Label>
          <Select
            isCompact
            data-testid="ccp-direction"
            value={direction}
            onChange={(e) => setDirection(e.target.value as 'inbound' | 'outbound')}
          >
            <option value="inbound">inbound</option>
            <option value="outbound">outbound</option>
          </Select>
        </Field>
        <Field>
          <Field.Label>Customer number</Field.Label>
          <Input isCompact data-testid="ccp-number" value={customer} onChange={(e) => setCustomer(e.target.value)} />
        </Field>
        <Field>
          <Field.Label>Queue</Field.Label>
          <Select isCompact data-testid="ccp-queue" value={queue} onChange={(e) => setQueue(e.target.value)}>
            {queues.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </Select>
        </Field>
        <Field className="span2">
          <Field.Label>Dialled number (system)</Field.Label>
          <Input isCompact data-testid="ccp-system" value={system} onChange={(e) => setSystem(e.target.value)} />
        </Field>
      </div>
      <fieldset className="attrs">
        <legend>Contact attributes</legend>
        {attrs.map((row, i) => (
          <div className="attr-row" key={i}>
            <Input
              isCompact
              aria-label={`Attribute ${i + 1} name`}
              placeholder="ticket_assignment"
              data-testid={`ccp-attr-key-${i}`}
              value={row.key}
              onChange={(e) => setAttr(i, { key: e.target.value })}
            />
            <Input
              isCompact
              aria-label={`Attribute ${i + 1} value`}
              placeholder="agent"
              data-testid={`ccp-attr-value-${i}`}
              value={row.value}
              onChange={(e) => setAttr(i, { value: e.target.value })}
            />
            <Button size="small" isBasic aria-label={`Remove attribute ${i + 1}`} onClick={() => setAttrs((rows) => rows.filter((_, j) => j !== i))}>
              ×
            </Button>
          </div>
        ))}
        <Button size="small" isBasic data-testid="ccp-add-attr" onClick={() => setAttrs((rows) => [...rows, { key: '', value: '' }])}>
          + Add attribute
        </Button>
        {channel !== 'voice' ? (
          <p className="muted small">A chat or task has no caller number: a contact flow passes it as an attribute, e.g. customer_number.</p>
        ) : null}
      </fieldset>
      <div className="buttons">
        <Button size="small" isPrimary data-testid="ccp-ring" disabled={session.currentTab() === undefined} onClick={ring}>
          {direction === 'outbound' ? 'Dial (outbound)' : 'Ring (incoming)'}
        </Button>
      </div>

      <h4>Contacts ({contacts.length})</h4>
      <ul className="plain ccp-contacts" data-testid="ccp-contacts" role="radiogroup" aria-label="Contacts">
        {contacts.length === 0 ? <li className="muted">no contact</li> : null}
        {contacts.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              role="radio"
              aria-checked={c.id === session.selectedContact}
              className={`contact${c.id === session.selectedContact ? ' is-selected' : ''}`}
              data-testid={`ccp-contact-${c.id}`}
              data-status={c.state}
              onClick={() => session.selectContact(c.id)}
            >
              <strong>{c.id}</strong> {c.channel} {c.initiation} · {c.customer ?? 'no number'} · {c.queue ?? 'no queue'} ·{' '}
              <span className="state" data-testid="ccp-contact-state">
                {c.state}
                {c.onHold ? ' (on hold)' : ''}
              </span>
              {c.channel === 'chat' ? <span className="muted"> · {c.messages} messages</span> : null}
            </button>
          </li>
        ))}
      </ul>
      <div className="buttons">
        <Button size="small" data-testid="ccp-accept" disabled={!canAct} onClick={() => selected && void session.accept(selected.id)}>
          {selected?.initiation === 'outbound' ? 'Customer answers' : 'Accept'}
        </Button>
        <Button
          size="small"
          data-testid="ccp-hold"
          disabled={!canAct}
          onClick={() => selected && void session.event(selected.id, selected.onHold ? 'resume' : 'hold')}
        >
          {selected?.onHold ? 'Resume' : 'Hold'}
        </Button>
        <Button size="small" data-testid="ccp-end" disabled={!canAct} onClick={() => selected && void session.event(selected.id, 'ended')}>
          End
        </Button>
        <Button size="small" data-testid="ccp-clear" disabled={!canAct} onClick={() => selected && void session.event(selected.id, 'destroyed')}>
          Clear
        </Button>
        <Button size="small" data-testid="ccp-miss" disabled={!canAct} onClick={() => selected && void session.event(selected.id, 'missed')}>
          Miss
        </Button>
        <Button
          size="small"
          isDanger
          data-testid="ccp-reject"
          disabled={!canAct}
          onClick={() => selected && void session.event(selected.id, 'rejected')}
        >
          Reject
        </Button>
      </div>
      <div className="message-row">
        <Select isCompact aria-label="Message role" data-testid="ccp-message-role" value={role} onChange={(e) => setRole(e.target.value as MessageRole)}>
          <option value="CUSTOMER">CUSTOMER</option>
          <option value="AGENT">AGENT</option>
          <option value="SYSTEM">SYSTEM</option>
        </Select>
        <Input isCompact aria-label="Message text" data-testid="ccp-message-text" value={messageText} onChange={(e) => setMessageText(e.target.value)} />
        <Button
          size="small"
          data-testid="ccp-send"
          disabled={!canAct || selected?.channel !== 'chat' || messageText.trim() === ''}
          onClick={() => selected && void session.sendMessage(selected.id, role, messageText)}
        >
          Send chat message
        </Button>
      </div>
    </section>
  );
}
