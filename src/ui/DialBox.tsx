// A number to call, placed through the CCP with the outbound queue chosen above. Where Zendesk's
// click-to-dial does not work (no Talk Partner Edition, or voice.error), it says this is the way.
import { useState } from 'react';
import { useStore } from 'zustand';
import { Field, Input } from '@zendeskgarden/react-forms';
import { Button } from '@zendeskgarden/react-buttons';
import type { AppController } from '../app/controller';
import { t } from '../i18n';
import { Row } from './layout';

export function DialBox({ app }: { app: AppController }) {
  const [number, setNumber] = useState('');
  const clean = number.trim();
  const noClickToDial = useStore(app.store, (s) => s.talkPartnerEdition.kind === 'missing' || s.voiceErrors.length > 0);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!clean) return;
        void app.dial(clean).catch((err: unknown) => app.fail(err));
        setNumber('');
      }}
    >
      <Field>
        <Field.Label>{t('dial.label')}</Field.Label>
        {noClickToDial && <Field.Hint data-testid="dial-no-click-to-dial">{t('dial.noClickToDial')}</Field.Hint>}
        <Row style={{ flexWrap: 'nowrap' }}>
          <div style={{ flex: 1, minWidth: 0 }}>
            <Input
              isCompact
              type="tel"
              inputMode="tel"
              autoComplete="off"
              value={number}
              onChange={(e) => setNumber(e.target.value)}
            />
          </div>
          <Button size="small" type="submit" isPrimary disabled={!clean} aria-label={t('dial.callLabel')}>
            {t('dial.call')}
          </Button>
        </Row>
      </Field>
    </form>
  );
}
