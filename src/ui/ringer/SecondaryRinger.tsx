// Dual ringer (end-user guide, "Setting up dual ringer"): a second audio output that rings too
// while a contact (voice, chat or task) is offered to the agent, until it is accepted, missed or
// rejected. Choosing a device plays a short sample on it; the choice stays in this browser.
import { useEffect, useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { Field, Select } from '@zendeskgarden/react-forms';
import { SM } from '@zendeskgarden/react-typography';
import type { AppController } from '../../app/controller';
import type { AppState } from '../../app/store';
import { t } from '../../i18n';
import { browserRingerPlatform, localRingerChoice, type OutputDevice, type RingerChoiceStore, type RingerPlatform } from './platform';

export interface SecondaryRingerProps {
  app: AppController;
  platform?: RingerPlatform;
  choice?: RingerChoiceStore;
}

/** A contact is being offered to the agent (not one the agent is dialling). */
export function isRinging(s: Pick<AppState, 'contacts'>): boolean {
  return s.contacts.some((c) => c.phase === 'ringing' && c.offered);
}

function usable(devices: OutputDevice[]): OutputDevice[] {
  const seen = new Set<string>();
  return devices.filter((d) => d.deviceId !== '' && !seen.has(d.deviceId) && seen.add(d.deviceId));
}

const message = (err: unknown): string => (err instanceof Error ? err.message || err.name : String(err));

let defaultPlatform: RingerPlatform | null = null;
let defaultChoice: RingerChoiceStore | null = null;

export function SecondaryRinger({ app, platform, choice }: SecondaryRingerProps) {
  const audio = platform ?? (defaultPlatform ??= browserRingerPlatform());
  const store = choice ?? (defaultChoice ??= localRingerChoice());
  const supported = audio.canChooseOutput();
  const ringing = useStore(app.store, isRinging);
  const [devices, setDevices] = useState<OutputDevice[] | null>(null);
  const [deviceId, setDeviceId] = useState<string | null>(() => store.get());
  const [problem, setProblem] = useState<string | null>(null);
  const stopSample = useRef<(() => void) | null>(null);
  const hintId = useId();

  // The device list, kept up to date as headsets come and go.
  useEffect(() => {
    if (!supported) return;
    let live = true;
    const refresh = () =>
      audio.listOutputs().then(
        (list) => live && setDevices(usable(list)),
        (err: unknown) => {
          if (!live) return;
          setDevices([]);
          setProblem(t('ringer.listFailed', { error: message(err) }));
        },
      );
    void refresh();
    const off = audio.onDevicesChanged(() => void refresh());
    return () => {
      live = false;
      off();
    };
  }, [audio, supported]);

  // Ring while a contact is offered.
  useEffect(() => {
    if (!supported || !ringing || !deviceId) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    audio.play(deviceId, 'ring').then(
      (s) => {
        if (cancelled) s();
        else stop = s;
      },
      (err: unknown) => !cancelled && setProblem(t('ringer.playFailed', { error: message(err) })),
    );
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [audio, supported, ringing, deviceId]);

  useEffect(() => () => stopSample.current?.(), []);

  if (!supported) {
    return (
      <SM data-testid="ringer-unsupported">
        {t('ringer.unsupported')}
      </SM>
    );
  }

  const choose = (id: string | null) => {
    setDeviceId(id);
    store.set(id);
    setProblem(null);
    stopSample.current?.();
    stopSample.current = null;
    if (!id) return;
    audio.play(id, 'sample').then(
      (stop) => {
        stopSample.current = stop;
      },
      (err: unknown) => setProblem(t('ringer.playFailed', { error: message(err) })),
    );
  };

  const list = devices ?? [];
  const missing = deviceId !== null && devices !== null && !list.some((d) => d.deviceId === deviceId);

  return (
    <Field>
      <Field.Label>{t('ringer.label')}</Field.Label>
      <Field.Hint id={hintId}>{t('ringer.hint')}</Field.Hint>
      <Select
        isCompact
        aria-describedby={hintId}
        value={deviceId ?? ''}
        onChange={(e) => choose(e.target.value === '' ? null : e.target.value)}
        data-testid="ringer-select"
      >
        <option value="">{t('ringer.none')}</option>
        {list.map((d, i) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label.trim() !== '' ? d.label : t('ringer.deviceN', { n: i + 1 })}
          </option>
        ))}
        {(missing || (deviceId !== null && devices === null)) && <option value={deviceId ?? ''}>{t('ringer.missing')}</option>}
      </Select>
      {devices !== null && list.length > 0 && list.every((d) => d.label.trim() === '') && (
        <SM data-testid="ringer-names-hint">{t('ringer.namesHidden')}</SM>
      )}
      {devices !== null && list.length === 0 && !problem && <SM data-testid="ringer-none-found">{t('ringer.noneFound')}</SM>}
      {problem && (
        <Field.Message validation="warning" data-testid="ringer-problem">
          {problem}
        </Field.Message>
      )}
    </Field>
  );
}
