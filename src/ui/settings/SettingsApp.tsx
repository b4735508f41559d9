// The nav bar page (administrator guide, "Brands and Queue Mapping"): a Settings tab, for Zendesk
// admins of accounts with at least two active brands, with a menu of "Queues to brands" (first,
// selected) and "Brands to queues". Save writes both mappings into the app installation's
// hidden settings, after checking that nobody else changed them since the screen loaded.
import { useCallback, useEffect, useMemo, useState } from 'react';
import styled from 'styled-components';
import { Alert, Well } from '@zendeskgarden/react-notifications';
import { Button } from '@zendeskgarden/react-buttons';
import { Tabs } from '@zendeskgarden/react-tabs';
import { Paragraph, Span, XL } from '@zendeskgarden/react-typography';
import { t } from '../../i18n';
import { ZendeskError } from '../../zendesk/errors';
import { Breakable, Row, Stack, space, systemFont } from '../layout';
import type { MappingsApi } from './api';
import { BrandsToQueues } from './BrandsToQueues';
import {
  changedSince,
  checkBrandQueue,
  checkQueueRows,
  loadMappings,
  mappingTextsOf,
  mappingTextsToSave,
  sameMappings,
  type BrandOption,
  type LoadedMappings,
  type QueueRow,
} from './model';
import { QueuesToBrands } from './QueuesToBrands';

export interface SettingsAppProps {
  /** The signed-in Zendesk user (client.get('currentUser')). */
  user: { role: string };
  api: MappingsApi;
}

type Menu = 'queues' | 'brands';

type Status =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'conflict' }
  | { kind: 'failed'; status: number | null; detail: string };

type Load =
  | { kind: 'loading' }
  | { kind: 'failed'; detail: string }
  | { kind: 'ready'; brands: BrandOption[]; loaded: LoadedMappings };

const Page = styled.main`
  box-sizing: border-box;
  max-width: 960px;
  padding: ${space('md')};
  font-family: ${systemFont};
`;


function describeError(err: unknown): { status: number | null; detail: string } {
  if (err instanceof ZendeskError) {
    if (err.status === 0) return { status: null, detail: t('settings.save.network') };
    const detail = [err.code, err.description].filter((s) => s !== '').join(': ');
    return { status: err.status, detail: detail || err.message };
  }
  return { status: null, detail: err instanceof Error ? err.message : String(err) };
}

export function SettingsApp({ user, api }: SettingsAppProps) {
  const isAdmin = user.role === 'admin';
  return (
    <Page>
      <XL tag="h1">{t('navBar.title')}</XL>
      {isAdmin ? (
        <AdminSettings api={api} />
      ) : (
        <Well style={{ marginTop: 16 }} data-testid="settings-unavailable">
          <Paragraph>{t('settings.unavailable.notAdmin')}</Paragraph>
        </Well>
      )}
    </Page>
  );
}

function AdminSettings({ api }: { api: MappingsApi }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    setLoad({ kind: 'loading' });
    Promise.all([api.listBrands(), api.read()]).then(
      ([brands, inst]) => live && setLoad({ kind: 'ready', brands, loaded: loadMappings(inst.settings, inst.updatedAt) }),
      (err: unknown) => live && setLoad({ kind: 'failed', detail: describeError(err).detail }),
    );
    return () => {
      live = false;
    };
  }, [api, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  if (load.kind === 'loading') {
    return (
      <Paragraph role="status" aria-live="polite" style={{ marginTop: 16 }}>
        {t('settings.loading')}
      </Paragraph>
    );
  }
  if (load.kind === 'failed') {
    return (
      <Alert type="error" role="alert" style={{ marginTop: 16 }}>
        <Alert.Title>{t('settings.loadFailed')}</Alert.Title>
        <Alert.Paragraph>
          <Breakable>{load.detail}</Breakable>
        </Alert.Paragraph>
        <Button size="small" onClick={reload}>
          {t('settings.retry')}
        </Button>
      </Alert>
    );
  }
  const active = load.brands.filter((b) => b.active);
  if (active.length < 2) {
    return (
      <Well style={{ marginTop: 16 }} data-testid="settings-unavailable">
        <Paragraph>{t('settings.unavailable.fewBrands', { count: active.length })}</Paragraph>
      </Well>
    );
  }
  return <MappingEditor key={generation} api={api} brands={load.brands} loaded={load.loaded} onReload={reload} />;
}

function MappingEditor({
  api,
  brands,
  loaded,
  onReload,
}: {
  api: MappingsApi;
  brands: BrandOption[];
  loaded: LoadedMappings;
  onReload: () => void;
}) {
  const [menu, setMenu] = useState<Menu>('queues');
  const [rows, setRows] = useState<QueueRow[]>(loaded.rows);
  const [brandQueues, setBrandQueues] = useState<Record<string, string>>(loaded.brandQueues);
  const [baseline, setBaseline] = useState(loaded.baseline);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const activeBrands = useMemo(() => brands.filter((b) => b.active), [brands]);
  const rowChecks = useMemo(() => checkQueueRows(rows, brands), [rows, brands]);
  const brandChecks = useMemo(
    () => Object.fromEntries(activeBrands.map((b) => [String(b.id), checkBrandQueue(brandQueues[String(b.id)] ?? '')])),
    [activeBrands, brandQueues],
  );
  const queueErrors = rowChecks.filter((c) => c.errors.length > 0).length;
  const brandErrors = Object.values(brandChecks).filter((c) => c.errors.length > 0).length;
  const texts = mappingTextsToSave(rows, brandQueues);
  const dirty = !sameMappings(texts, baseline.texts);
  const saving = status.kind === 'saving';
  const blocked = queueErrors + brandErrors > 0;

  const edited = () => {
    if (status.kind === 'saved' || status.kind === 'failed') setStatus({ kind: 'idle' });
  };

  const save = async () => {
    if (blocked || saving) return;
    setStatus({ kind: 'saving' });
    try {
      // Another admin may have saved since this screen loaded: never overwrite that silently.
      const now = await api.read();
      if (changedSince(baseline, { texts: mappingTextsOf(now.settings), updatedAt: now.updatedAt })) {
        setStatus({ kind: 'conflict' });
        return;
      }
      const after = (await api.write(texts)) ?? (await api.read());
      setBaseline({ texts: mappingTextsOf(after.settings), updatedAt: after.updatedAt });
      setStatus({ kind: 'saved' });
    } catch (err) {
      setStatus({ kind: 'failed', ...describeError(err) });
    }
  };

  return (
    <Tabs selectedItem="settings">
      <Tabs.TabList aria-label={t('settings.tabsLabel')}>
        <Tabs.Tab item="settings">{t('settings.tab')}</Tabs.Tab>
      </Tabs.TabList>
      <Tabs.TabPanel item="settings">
        {loaded.problems.length > 0 && (
          <Alert type="warning" style={{ marginBottom: 12 }}>
            <Alert.Title>{t('settings.storedProblems')}</Alert.Title>
            <ul>
              {loaded.problems.map((p) => (
                <li key={p}>
                  <Breakable>{p}</Breakable>
                </li>
              ))}
            </ul>
          </Alert>
        )}
        <Tabs isVertical selectedItem={menu} onChange={(item: Menu) => setMenu(item)}>
          <Tabs.TabList aria-label={t('settings.menuLabel')}>
            <Tabs.Tab item="queues" data-testid="menu-queues">
              {t('settings.menu.queuesToBrands')}
              {queueErrors > 0 && <ErrorMark />}
            </Tabs.Tab>
            <Tabs.Tab item="brands" data-testid="menu-brands">
              {t('settings.menu.brandsToQueues')}
              {brandErrors > 0 && <ErrorMark />}
            </Tabs.Tab>
          </Tabs.TabList>
          <Tabs.TabPanel item="queues" data-testid="queues-to-brands">
            <QueuesToBrands
              rows={rows}
              checks={rowChecks}
              brands={brands}
              onChange={(next) => {
                setRows(next);
                edited();
              }}
            />
          </Tabs.TabPanel>
          <Tabs.TabPanel item="brands" data-testid="brands-to-queues">
            <BrandsToQueues
              brands={activeBrands}
              values={brandQueues}
              checks={brandChecks}
              onChange={(id, queue) => {
                setBrandQueues((m) => ({ ...m, [id]: queue }));
                edited();
              }}
            />
          </Tabs.TabPanel>
        </Tabs>
        <SaveBar
          canSave={!blocked && dirty && !saving}
          saving={saving}
          dirty={dirty}
          queueErrors={queueErrors}
          brandErrors={brandErrors}
          onSave={() => void save()}
          onReload={onReload}
        />
        <SaveStatus status={status} onReload={onReload} />
      </Tabs.TabPanel>
    </Tabs>
  );
}

function ErrorMark() {
  return (
    <Span hue="red" style={{ marginInlineStart: 6 }} aria-label={t('settings.menu.hasErrors')} role="img">
      !
    </Span>
  );
}

function SaveBar(props: {
  canSave: boolean;
  saving: boolean;
  dirty: boolean;
  queueErrors: number;
  brandErrors: number;
  onSave: () => void;
  onReload: () => void;
}) {
  const reasons: string[] = [];
  if (props.queueErrors > 0) reasons.push(t('settings.save.blockedQueues', { count: props.queueErrors }));
  if (props.brandErrors > 0) reasons.push(t('settings.save.blockedBrands', { count: props.brandErrors }));
  return (
    <Stack style={{ marginTop: 8 }}>
      <Row>
        <Button isPrimary disabled={!props.canSave} onClick={props.onSave} data-testid="settings-save">
          {props.saving ? t('settings.save.saving') : t('settings.save.button')}
        </Button>
        <Button isBasic onClick={props.onReload} data-testid="settings-reload">
          {props.dirty ? t('settings.discard') : t('settings.reload')}
        </Button>
      </Row>
      {reasons.length > 0 && (
        <Paragraph data-testid="save-blocked">
          <Span hue="red">{reasons.join(' ')}</Span>
        </Paragraph>
      )}
    </Stack>
  );
}

function SaveStatus({ status, onReload }: { status: Status; onReload: () => void }) {
  return (
    <div aria-live="polite" data-testid="save-status">
      {status.kind === 'saved' && (
        <Alert type="success">
          <Alert.Title>{t('settings.save.done')}</Alert.Title>
          <Alert.Paragraph>{t('settings.save.reloadNote')}</Alert.Paragraph>
        </Alert>
      )}
      {status.kind === 'conflict' && (
        <Alert type="warning" role="alert">
          <Alert.Title>{t('settings.save.conflictTitle')}</Alert.Title>
          <Alert.Paragraph>{t('settings.save.conflict')}</Alert.Paragraph>
          <Button size="small" onClick={onReload} data-testid="conflict-reload">
            {t('settings.reload')}
          </Button>
        </Alert>
      )}
      {status.kind === 'failed' && (
        <Alert type="error" role="alert">
          <Alert.Title>{t('settings.save.failed')}</Alert.Title>
          <Alert.Paragraph>
            {status.status !== null && <>{t('settings.save.zendeskAnswered', { status: status.status })} </>}
            <Breakable>{status.detail}</Breakable>
          </Alert.Paragraph>
        </Alert>
      )}
    </div>
  );
}
