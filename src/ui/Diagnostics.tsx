// For Zendesk admins: what to check when the Contact Control Panel does not come up. The app's
// own origin (to add to the Connect instance's Approved origins), whether the CCP answered,
// whether the account has Talk Partner Edition (what its endpoints answered, voice.error), how
// agents sign in, and the settings problems the app found.
import { useId, useState } from 'react';
import { useStore } from 'zustand';
import styled from 'styled-components';
import { Button } from '@zendeskgarden/react-buttons';
import { Well } from '@zendeskgarden/react-notifications';
import { Code, SM, Span, UnorderedList } from '@zendeskgarden/react-typography';
import type { AppController } from '../app/controller';
import type { CcpStatus } from '../app/store';
import type { TalkPartnerEdition } from '../app/talkPartnerEdition';
import { t, type MessageKey } from '../i18n';
import { Breakable, Stack, space } from './layout';

const Panel = styled(Well)`
  padding: ${space('sm')};
`;

const Term = styled(SM)`
  font-weight: 600;
`;

const CCP_STATE: Record<CcpStatus['kind'], MessageKey> = {
  starting: 'diagnostics.ccp.starting',
  ready: 'diagnostics.ccp.ready',
  settings_error: 'diagnostics.ccp.notStarted',
  ccp_unreachable: 'diagnostics.ccp.unreachable',
};

export function Diagnostics({ app, origin }: { app: AppController; origin?: string }) {
  const ccp = useStore(app.store, (s) => s.ccp);
  const warnings = useStore(app.store, (s) => s.settingsWarnings);
  const agentName = useStore(app.store, (s) => s.agentName);
  const tpe = useStore(app.store, (s) => s.talkPartnerEdition);
  const voiceErrors = useStore(app.store, (s) => s.voiceErrors);
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  const panelId = useId();
  if (app.agent?.role !== 'admin') return null;

  const here = origin ?? (typeof window === 'undefined' ? '' : window.location.origin);
  const problems = [...(ccp.kind === 'settings_error' ? ccp.problems : []), ...warnings];
  const settings = app.settings;
  const canCopy = typeof navigator !== 'undefined' && typeof navigator.clipboard?.writeText === 'function';

  return (
    <div>
      <Button isLink aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)} data-testid="diagnostics-toggle">
        {t('diagnostics.toggle')}
      </Button>
      <Panel id={panelId} hidden={!open} data-testid="diagnostics">
        <Stack>
          <div>
            <Term>{t('diagnostics.origin')}</Term>
            <div>
              <Code data-testid="diagnostics-origin">
                <Breakable>{here}</Breakable>
              </Code>{' '}
              {canCopy && (
                <Button
                  size="small"
                  isBasic
                  onClick={() =>
                    void navigator.clipboard.writeText(here).then(
                      () => setCopied(true),
                      () => setCopied(false),
                    )
                  }
                >
                  {copied ? t('diagnostics.copied') : t('diagnostics.copy')}
                </Button>
              )}
            </div>
          </div>
          <div>
            <Term>{t('diagnostics.ccp')}</Term>
            <div data-testid="diagnostics-ccp">
              <SM>{t(CCP_STATE[ccp.kind])}</SM>
              {ccp.kind === 'ready' && agentName && <SM>{t('diagnostics.signedInAs', { name: agentName })}</SM>}
            </div>
          </div>
          <div>
            <Term>{t('diagnostics.tpe')}</Term>
            <div data-testid="diagnostics-tpe">
              <TalkPartnerEditionState tpe={tpe} voiceErrors={voiceErrors} />
            </div>
          </div>
          {settings && (
            <div>
              <Term>{t('diagnostics.signIn')}</Term>
              <SM>
                <Breakable>
                  {settings.loginUrl ? t('diagnostics.signIn.sso', { url: settings.loginUrl }) : t('diagnostics.signIn.connect')}
                </Breakable>
              </SM>
              {settings.ccpUrl && (
                <SM>
                  <Breakable>{t('diagnostics.ccpUrl', { url: settings.ccpUrl })}</Breakable>
                </SM>
              )}
              <SM>
                {t('diagnostics.mappings', {
                  queues: settings.queueToBrand.length,
                  brands: Object.keys(settings.brandToQueue).length,
                })}
              </SM>
            </div>
          )}
          <div>
            <Term>{t('diagnostics.problems')}</Term>
            {problems.length === 0 ? (
              <SM data-testid="diagnostics-problems">{t('diagnostics.noProblems')}</SM>
            ) : (
              <UnorderedList data-testid="diagnostics-problems">
                {problems.map((p) => (
                  <UnorderedList.Item key={p}>
                    <SM>
                      <Breakable>{p}</Breakable>
                    </SM>
                  </UnorderedList.Item>
                ))}
              </UnorderedList>
            )}
          </div>
          <SM>
            <Span hue="grey">{t('diagnostics.reloadNote')}</Span>
          </SM>
        </Stack>
      </Panel>
    </div>
  );
}

function TalkPartnerEditionState({ tpe, voiceErrors }: { tpe: TalkPartnerEdition; voiceErrors: string[] }) {
  const missing = tpe.kind === 'missing';
  return (
    <>
      {tpe.kind === 'missing' ? (
        <SM>
          <Breakable>{t('diagnostics.tpe.missing', { status: tpe.status, request: `${tpe.method} ${tpe.path}` })}</Breakable>
        </SM>
      ) : (
        voiceErrors.length === 0 && <SM>{t(tpe.kind === 'available' ? 'diagnostics.tpe.available' : 'diagnostics.tpe.unknown')}</SM>
      )}
      {voiceErrors.map((message) => (
        <SM key={message}>
          <Breakable>{t('diagnostics.tpe.voiceError', { message })}</Breakable>
        </SM>
      ))}
      {(missing || voiceErrors.length > 0) && <SM>{t('diagnostics.tpe.disables')}</SM>}
    </>
  );
}
