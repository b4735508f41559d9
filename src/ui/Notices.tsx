// The app's messages to the agent (also sent as Zendesk notifications), each dismissable.
import { useStore } from 'zustand';
import { Notification } from '@zendeskgarden/react-notifications';
import type { AppController } from '../app/controller';
import type { NoticeLevel } from '../domain/types';
import { t, type MessageKey } from '../i18n';
import { Breakable, Stack } from './layout';

const TYPE: Record<NoticeLevel, 'info' | 'warning' | 'error'> = { info: 'info', warning: 'warning', error: 'error' };

export function Notices({ app }: { app: AppController }) {
  const notices = useStore(app.store, (s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <section aria-label={t('notices.label')}>
      <Stack as="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {notices.map((n) => (
          <li key={n.id}>
            <Notification type={TYPE[n.level]} role={n.level === 'error' ? 'alert' : 'status'}>
              <Notification.Title>{t(`notices.level.${n.level}` as MessageKey)}</Notification.Title>
              <Notification.Paragraph>
                <Breakable>{n.text}</Breakable>
              </Notification.Paragraph>
              <Notification.Close aria-label={t('notices.dismiss')} onClick={() => app.dismissNotice(n.id)} />
            </Notification>
          </li>
        ))}
      </Stack>
    </section>
  );
}
