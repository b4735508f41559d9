// Signing in to Amazon Connect (end-user guide, first steps): when the Contact Control Panel
// has not come up after a while, or did not answer, tell the agent to allow pop-ups and the
// microphone, and offer the sign-in window again (the SSO sign-in URL when set, else the CCP).
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { Alert } from '@zendeskgarden/react-notifications';
import { Button } from '@zendeskgarden/react-buttons';
import type { AppController } from '../app/controller';
import { t } from '../i18n';

export type OpenWindow = (url: string, name: string, features: string) => Window | null;

export interface LoginHelpProps {
  app: AppController;
  /** window.open, replaceable in tests. */
  openWindow?: OpenWindow;
  /** How long "starting" may last before the help shows (ms). */
  afterMs?: number;
}

export const LOGIN_HELP_AFTER_MS = 8000;
const WINDOW_NAME = 'acz-connect-login';
const WINDOW_FEATURES = 'popup,width=420,height=640';

export function LoginHelp({ app, openWindow, afterMs = LOGIN_HELP_AFTER_MS }: LoginHelpProps) {
  const kind = useStore(app.store, (s) => s.ccp.kind);
  const [slow, setSlow] = useState(false);
  const [blocked, setBlocked] = useState(false);

  useEffect(() => {
    setSlow(false);
    if (kind !== 'starting') return;
    const timer = setTimeout(() => setSlow(true), afterMs);
    return () => clearTimeout(timer);
  }, [kind, afterMs]);

  const sso = app.settings?.loginUrl ?? null;
  const url = sso ?? app.settings?.ccpUrl ?? null;
  const show = url !== null && ((kind === 'starting' && slow) || kind === 'ccp_unreachable');
  if (!show) return null;

  const signIn = () => {
    const open = openWindow ?? ((u, n, f) => window.open(u, n, f));
    let win: Window | null = null;
    try {
      win = open(url, WINDOW_NAME, WINDOW_FEATURES);
    } catch {
      win = null;
    }
    setBlocked(win === null);
    win?.focus();
  };

  return (
    <Alert type="info" role="region" aria-label={t('login.title')} data-testid="login-help">
      <Alert.Title>{t('login.title')}</Alert.Title>
      <Alert.Paragraph>{t('login.popups')}</Alert.Paragraph>
      <Alert.Paragraph>{t('login.microphone')}</Alert.Paragraph>
      {sso && <Alert.Paragraph>{t('login.sso')}</Alert.Paragraph>}
      <Button size="small" isPrimary onClick={signIn} data-testid="login-button">
        {t('login.button')}
      </Button>
      {blocked && (
        <Alert.Paragraph role="alert" data-testid="login-blocked">
          {t('login.blocked')}
        </Alert.Paragraph>
      )}
    </Alert>
  );
}
