// One active contact: channel, customer, queue (while ringing), assignment mode, its ticket, and
// in manual assignment the Create ticket / Attach to current (/ No ticket for tasks) buttons,
// with what the agent has selected in Zendesk (the record Attach / Create will use).
import { useId } from 'react';
import { useStore } from 'zustand';
import styled from 'styled-components';
import { Well } from '@zendeskgarden/react-notifications';
import { Button } from '@zendeskgarden/react-buttons';
import { Tag } from '@zendeskgarden/react-tags';
import { Tabs } from '@zendeskgarden/react-tabs';
import { Span, SM } from '@zendeskgarden/react-typography';
import type { AppController } from '../app/controller';
import type { ContactView, Viewing } from '../app/store';
import type { AssignmentMode } from '../domain/types';
import { currentLocale, t, type MessageKey } from '../i18n';
import { ChannelIcon } from './icons';
import { QueueName } from './QueueName';
import { Breakable, Row, Stack, space } from './layout';

const MODE_HUE: Record<AssignmentMode, string> = { auto: 'grey', agent: 'yellow', force: 'red' };

const Card = styled(Well)`
  padding: ${space('sm')};
`;

const Customer = styled(Span)`
  overflow-wrap: anywhere;
`;

function Subtle({ children }: { children: string }) {
  return (
    <SM tag="span">
      <Span hue="grey">{children}</Span>
    </SM>
  );
}

function channelText(c: ContactView): string {
  return t(`contact.channel.${c.channel}.${c.direction}` as MessageKey);
}

function viewingText(v: Viewing): string | null {
  if (!v) return null;
  return v.kind === 'ticket' ? t('contact.viewingTicket', { id: v.id }) : t('contact.viewingUser', { id: v.id });
}

export function ContactCard({ app, contact }: { app: AppController; contact: ContactView }) {
  const viewing = useStore(app.store, (s) => s.viewing);
  const selectedId = useId();
  const c = contact;
  const channel = channelText(c);
  const mode = t(`contact.mode.${c.mode}` as MessageKey);
  const seen = viewingText(viewing);
  // Inside a sentence the channel is lower case, except in German, where nouns keep their capital.
  const channelWord = currentLocale() === 'de' ? channel : channel.toLocaleLowerCase(currentLocale());

  return (
    <Card aria-label={t('contact.cardLabel', { channel, customer: c.customerLabel })} role="group">
      <Stack>
        <Row>
          <ChannelIcon channel={c.channel} />
          <Span>{channel}</Span>
          <Subtle>{t(`contact.phase.${c.phase}` as MessageKey)}</Subtle>
        </Row>
        <Customer isBold>{c.customerLabel}</Customer>
        {c.phase === 'ringing' && c.queue && <QueueName name={c.queue} />}
        {c.voiceIdStatus !== undefined && (
          <Subtle>{t(c.voiceIdStatus === 'ENROLLED' || c.voiceIdStatus === 'OPTED_OUT' ? `contact.voiceId.${c.voiceIdStatus}` : 'contact.voiceId.none')}</Subtle>
        )}
        <Row>
          <Tag hue={MODE_HUE[c.mode]} size="small" title={t('contact.modeLabel', { mode })} aria-label={t('contact.modeLabel', { mode })}>
            <span>{mode}</span>
          </Tag>
          {c.ticketId !== null ? (
            <Button isLink onClick={() => void app.pop('ticket', c.ticketId as number)}>
              {t('contact.ticket', { id: c.ticketId })}
            </Button>
          ) : (
            <Subtle>{t('contact.noTicketYet')}</Subtle>
          )}
        </Row>
        {c.awaitingAgent && (
          <Stack>
            <SM id={selectedId}>
              <Breakable>{seen ? t('contact.selected', { what: seen }) : t('contact.selectedNothing')}</Breakable>
            </SM>
            <Row>
              <Button
                size="small"
                isPrimary
                disabled={c.busy}
                aria-describedby={selectedId}
                title={t('contact.createTicketLabel', { channel: channelWord })}
                onClick={() => void app.createTicket(c.id)}
              >
                {t('contact.createTicket')}
              </Button>
              <Button
                size="small"
                disabled={c.busy}
                aria-describedby={selectedId}
                title={t('contact.attachLabel', { channel: channelWord })}
                onClick={() => void app.attachToCurrent(c.id)}
              >
                {t('contact.attach')}
              </Button>
              {c.channel === 'task' && (
                <Button size="small" isBasic disabled={c.busy} title={t('contact.noTicketLabel')} onClick={() => void app.noTicket(c.id)}>
                  {t('contact.noTicket')}
                </Button>
              )}
            </Row>
          </Stack>
        )}
        {c.busy && (
          <SM role="status" aria-live="polite">
            <Span hue="grey">{t('contact.busy')}</Span>
          </SM>
        )}
      </Stack>
    </Card>
  );
}

/** The active contacts: one card, or tabs (the CCP's focused contact selected) when several. */
export function ContactList({ app }: { app: AppController }) {
  const contacts = useStore(app.store, (s) => s.contacts);
  const focused = useStore(app.store, (s) => s.focusedContactId);
  if (contacts.length === 0) return null;
  const first = contacts.find((c) => c.id === focused) ?? contacts[0]!;
  if (contacts.length === 1) {
    return (
      <section aria-label={t('contacts.label')}>
        <ContactCard app={app} contact={first} />
      </section>
    );
  }
  return (
    <section aria-label={t('contacts.label')}>
      <Tabs selectedItem={first.id} onChange={(id: string) => app.switchContact(id)}>
        <Tabs.TabList aria-label={t('contacts.label')}>
          {contacts.map((c) => (
            <Tabs.Tab key={c.id} item={c.id} title={t('contact.cardLabel', { channel: channelText(c), customer: c.customerLabel })}>
              <Row style={{ flexWrap: 'nowrap', maxWidth: 140 }}>
                <ChannelIcon channel={c.channel} />
                <Span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{c.customerLabel}</Span>
              </Row>
            </Tabs.Tab>
          ))}
        </Tabs.TabList>
        {contacts.map((c) => (
          <Tabs.TabPanel key={c.id} item={c.id}>
            <ContactCard app={app} contact={c} />
          </Tabs.TabPanel>
        ))}
      </Tabs>
    </section>
  );
}
