// What state the app is in: starting, settings to fix, CCP not answering, ignored settings,
// Zendesk trouble, and (media-less mode) how to sign in.
import { useId, useState } from 'react';
import { useStore } from 'zustand';
import { Alert } from '@zendeskgarden/react-notifications';
import { Button } from '@zendeskgarden/react-buttons';
import { Code, OrderedList, Paragraph, UnorderedList } from '@zendeskgarden/react-typography';
import type { AppController } from '../app/controller';
import { t } from '../i18n';
import { Breakable, Stack } from './layout';

export function StatusArea({ app }: { app: AppController }) {
  const ccp = useStore(app.store, (s) => s.ccp);
  const warnings = useStore(app.store, (s) => s.settingsWarnings);
  const trouble = useStore(app.store, (s) => s.zendeskTrouble);
  const mediaLess = app.settings?.mediaLess === true && ccp.kind !== 'settings_error';

  return (
    <Stack>
      {ccp.kind === 'starting' && (
        <Paragraph role="status" aria-live="polite">
          {t('status.starting')}
        </Paragraph>
      )}
      {ccp.kind === 'settings_error' && (
        <Alert type="error" role="alert">
          <Alert.Title>{t('status.settingsError.title')}</Alert.Title>
          <UnorderedList>
            {ccp.problems.map((p) => (
              <UnorderedList.Item key={p}>
                <Breakable>{p}</Breakable>
              </UnorderedList.Item>
            ))}
          </UnorderedList>
          <Alert.Paragraph>{t('status.settingsError.body')}</Alert.Paragraph>
        </Alert>
      )}
      {ccp.kind === 'ccp_unreachable' && (
        <Alert type="error" role="alert">
          <Alert.Title>{t('status.unreachable.title')}</Alert.Title>
          <Alert.Paragraph>
            {t('status.unreachable.origins')}{' '}
            <Code>
              <Breakable>{ccp.origin}</Breakable>
            </Code>
          </Alert.Paragraph>
          <Alert.Paragraph>{t('status.unreachable.browser')}</Alert.Paragraph>
        </Alert>
      )}
      {warnings.length > 0 && (
        <Alert type="warning">
          <Alert.Title>{t('status.warnings.title')}</Alert.Title>
          <UnorderedList>
            {warnings.map((w) => (
              <UnorderedList.Item key={w}>
                <Breakable>{w}</Breakable>
              </UnorderedList.Item>
            ))}
          </UnorderedList>
        </Alert>
      )}
      {trouble && (
        <Alert type="warning" role="status">
          <Alert.Title>{t('status.zendeskTrouble.title')}</Alert.Title>
          <Alert.Paragraph>{trouble}</Alert.Paragraph>
        </Alert>
      )}
      {mediaLess && <MediaLessHint />}
    </Stack>
  );
}

/** The end-user guide's sign-in steps for media-less mode, folded away once read. */
export function MediaLessHint() {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <Alert type="info">
      <Button isLink aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {t('mediaLess.toggle')}
      </Button>
      <div id={id} hidden={!open}>
        <Alert.Paragraph>{t('mediaLess.intro')}</Alert.Paragraph>
        <OrderedList>
          <OrderedList.Item>{t('mediaLess.step1')}</OrderedList.Item>
          <OrderedList.Item>{t('mediaLess.step2')}</OrderedList.Item>
          <OrderedList.Item>{t('mediaLess.step3')}</OrderedList.Item>
          <OrderedList.Item>{t('mediaLess.step4')}</OrderedList.Item>
          <OrderedList.Item>{t('mediaLess.step5')}</OrderedList.Item>
        </OrderedList>
      </div>
    </Alert>
  );
}
