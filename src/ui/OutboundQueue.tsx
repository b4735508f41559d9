// The outbound queue for calls the agent dials (admin guide, "Manual Outbound Queue Selection"):
// the routing profile's queues, the profile's default preselected, Reset back to it.
import { useId } from 'react';
import { useStore } from 'zustand';
import { Field, Select } from '@zendeskgarden/react-forms';
import { Button } from '@zendeskgarden/react-buttons';
import type { AppController } from '../app/controller';
import { t } from '../i18n';
import { Row } from './layout';

export function OutboundQueue({ app }: { app: AppController }) {
  const queues = useStore(app.store, (s) => s.queues);
  const def = useStore(app.store, (s) => s.defaultOutboundQueue);
  const pick = useStore(app.store, (s) => s.outboundQueuePick);
  const hintId = useId();
  const options = pick !== null && !queues.includes(pick) ? [...queues, pick] : queues;
  const value = pick ?? def ?? '';
  const empty = options.length === 0;

  return (
    <Field>
      <Field.Label>{t('outbound.label')}</Field.Label>
      <Field.Hint id={hintId}>{t('outbound.hint')}</Field.Hint>
      <Row style={{ flexWrap: 'nowrap' }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Select
            isCompact
            aria-describedby={hintId}
            disabled={empty}
            value={empty ? '' : value}
            onChange={(e) => {
              const v = e.target.value;
              if (v === '') app.resetOutboundQueue();
              else app.selectOutboundQueue(v);
            }}
          >
            {empty && <option value="">{t('outbound.empty')}</option>}
            {!empty && def === null && <option value="">{t('outbound.noDefault')}</option>}
            {options.map((q) => (
              <option key={q} value={q}>
                {q === def ? t('outbound.defaultOption', { queue: q }) : q}
              </option>
            ))}
          </Select>
        </div>
        <Button size="small" disabled={pick === null} aria-label={t('outbound.resetLabel')} onClick={() => app.resetOutboundQueue()}>
          {t('outbound.reset')}
        </Button>
      </Row>
    </Field>
  );
}
