// The top bar pane (340 px wide): status and sign-in help, the active contacts with their queue
// and assignment buttons, messages, the Contact Control Panel itself, the outbound queue, a dial
// box, the secondary ringer and (for admins) diagnostics.
// Reads the controller's store; every action goes through the controller.
import { lazy, Suspense, type ReactNode, type Ref } from 'react';
import { useStore } from 'zustand';
import styled from 'styled-components';
import type { AppController } from '../app/controller';
import { t } from '../i18n';
import { ContactList } from './ContactCard';
import { DialBox } from './DialBox';
import { LoginHelp, type OpenWindow } from './LoginHelp';
import { Notices } from './Notices';
import { OutboundQueue } from './OutboundQueue';
import { StatusArea } from './StatusArea';
import { SecondaryRinger } from './ringer/SecondaryRinger';
import type { RingerChoiceStore, RingerPlatform } from './ringer/platform';
import { space, systemFont } from './layout';

// Only admins see diagnostics, and only when they open them: loaded on first render, not with the top bar.
const Diagnostics = lazy(() => import('./Diagnostics').then((m) => ({ default: m.Diagnostics })));

export interface TopBarProps {
  app: AppController;
  /** Receives the element Streams puts the CCP iframe in. */
  ccpContainerRef?: Ref<HTMLDivElement>;
  /** Rendered instead of the CCP container (the playground's simulated CCP). */
  ccpSlot?: ReactNode;
  /** Audio outputs for the secondary ringer (default: the browser's). */
  ringer?: RingerPlatform;
  /** Where the secondary ringer's device is kept (default: localStorage). */
  ringerChoice?: RingerChoiceStore;
  /** Opens the sign-in window (default: window.open). */
  openWindow?: OpenWindow;
  /** How long the CCP may take to start before the sign-in help shows (ms). */
  loginHelpAfterMs?: number;
  /** This page's origin, as the diagnostics show it (default: window.location.origin). */
  origin?: string;
}

const Pane = styled.main`
  box-sizing: border-box;
  display: flex;
  flex-direction: column;
  gap: ${space('sm')};
  width: 100%;
  max-width: 100%;
  min-height: 100vh;
  padding: ${space('xs')};
  overflow-x: hidden;
  overflow-wrap: anywhere;
  font-family: ${systemFont};
`;

/** Streams sizes its iframe to 100% of this box; Amazon's smallest supported CCP is 320 × 460. */
const CcpBox = styled.div`
  flex: 1 0 auto;
  display: flex;
  flex-direction: column;
  min-height: 465px;
  width: 100%;

  &[hidden] {
    display: none;
  }

  & > iframe {
    flex: 1 0 auto;
    width: 100%;
    min-height: 465px;
    border: 0;
  }
`;

const Tools = styled.div`
  display: flex;
  flex-direction: column;
  gap: ${space('xs')};
`;

export function TopBar({ app, ccpContainerRef, ccpSlot, ringer, ringerChoice, openWindow, loginHelpAfterMs, origin }: TopBarProps) {
  const ccpKind = useStore(app.store, (s) => s.ccp.kind);
  const noCcp = ccpKind === 'settings_error';

  return (
    <Pane>
      <StatusArea app={app} />
      <LoginHelp app={app} openWindow={openWindow} afterMs={loginHelpAfterMs} />
      <ContactList app={app} />
      <Notices app={app} />
      {ccpSlot !== undefined ? (
        <CcpBox role="region" aria-label={t('ccp.label')} hidden={noCcp}>
          {ccpSlot}
        </CcpBox>
      ) : (
        <CcpBox ref={ccpContainerRef} role="region" aria-label={t('ccp.label')} hidden={noCcp} data-testid="ccp-container" />
      )}
      {!noCcp && (
        <Tools>
          <OutboundQueue app={app} />
          <DialBox app={app} />
          <SecondaryRinger app={app} platform={ringer} choice={ringerChoice} />
        </Tools>
      )}
      <Suspense fallback={null}>
        <Diagnostics app={app} origin={origin} />
      </Suspense>
    </Pane>
  );
}
