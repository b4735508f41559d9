// The browser's audio outputs, behind an interface the tests can replace (jsdom has neither
// enumerateDevices nor setSinkId). The ringtone is built in code as a small WAV: no audio file
// ships in the package.

export interface OutputDevice {
  deviceId: string;
  /** Empty until the page may use the microphone (browsers hide device names until then). */
  label: string;
}

export type Sound = 'sample' | 'ring';

export interface RingerPlatform {
  /** Whether this browser can send audio to a chosen output (HTMLMediaElement.setSinkId). */
  canChooseOutput(): boolean;
  /** The audio outputs (kind "audiooutput"), in the browser's order. */
  listOutputs(): Promise<OutputDevice[]>;
  /** Calls back when devices are plugged in or out; returns the unsubscribe. */
  onDevicesChanged(cb: () => void): () => void;
  /**
   * Plays a sound on the device: the sample once, the ring over and over. Resolves once it
   * plays, with the function that stops it; rejects when the device or the browser refuses.
   */
  play(deviceId: string, sound: Sound): Promise<() => void>;
}

/** Where the chosen device is kept ("until changed", per browser). */
export interface RingerChoiceStore {
  get(): string | null;
  set(deviceId: string | null): void;
}

const STORAGE_KEY = 'acz.secondaryRinger';

export function localRingerChoice(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null = safeLocalStorage()): RingerChoiceStore {
  let memory: string | null = null;
  return {
    get: () => {
      try {
        return storage ? storage.getItem(STORAGE_KEY) || null : memory;
      } catch {
        return memory;
      }
    },
    set: (deviceId) => {
      memory = deviceId;
      try {
        if (!storage) return;
        if (deviceId) storage.setItem(STORAGE_KEY, deviceId);
        else storage.removeItem(STORAGE_KEY);
      } catch {
        // Storage blocked in this frame: the choice lasts as long as the page.
      }
    },
  };
}

function safeLocalStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

// ---- the ringtone -------------------------------------------------------------------------

const RATE = 8000;

/**
 * A ring as 16-bit mono PCM: two bursts of 440 Hz + 480 Hz (the North American ring tone's
 * pair), 0.4 s each with 0.2 s between; the ring adds 2 s of silence so that it loops.
 */
export function ringtoneSamples(sound: Sound): Int16Array {
  const seconds = (s: number) => Math.round(s * RATE);
  const parts: [number, boolean][] = [
    [seconds(0.4), true],
    [seconds(0.2), false],
    [seconds(0.4), true],
    [seconds(sound === 'ring' ? 2 : 0.1), false],
  ];
  const total = parts.reduce((n, [len]) => n + len, 0);
  const out = new Int16Array(total);
  let at = 0;
  for (const [len, on] of parts) {
    for (let i = 0; i < len && on; i++) {
      const t = i / RATE;
      // Short fades at both ends of a burst avoid clicks.
      const fade = Math.min(1, i / 80, (len - i) / 80);
      const v = 0.5 * (Math.sin(2 * Math.PI * 440 * t) + Math.sin(2 * Math.PI * 480 * t)) * fade;
      out[at + i] = Math.round(v * 0.6 * 32767);
    }
    at += len;
  }
  return out;
}

/** A RIFF/WAVE file of 16-bit mono PCM samples. */
export function wavBytes(samples: Int16Array, rate = RATE): Uint8Array {
  const data = samples.length * 2;
  const bytes = new Uint8Array(44 + data);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + data, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true); // byte rate
  view.setUint16(32, 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, data, true);
  samples.forEach((s, i) => view.setInt16(44 + i * 2, s, true));
  return bytes;
}

function dataUri(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:audio/wav;base64,${btoa(binary)}`;
}

const uris = new Map<Sound, string>();
function ringtoneUri(sound: Sound): string {
  let uri = uris.get(sound);
  if (!uri) {
    uri = dataUri(wavBytes(ringtoneSamples(sound)));
    uris.set(sound, uri);
  }
  return uri;
}

type SinkAudio = HTMLAudioElement & { setSinkId(id: string): Promise<void> };

/** The real browser: enumerateDevices, an <audio> element per sound, setSinkId. */
export function browserRingerPlatform(): RingerPlatform {
  const media = (): MediaDevices | undefined => (typeof navigator === 'undefined' ? undefined : navigator.mediaDevices);
  return {
    canChooseOutput: () =>
      typeof HTMLAudioElement !== 'undefined' &&
      typeof (HTMLAudioElement.prototype as Partial<SinkAudio>).setSinkId === 'function' &&
      typeof media()?.enumerateDevices === 'function',
    listOutputs: async () => {
      const devices = (await media()?.enumerateDevices()) ?? [];
      return devices.filter((d) => d.kind === 'audiooutput').map((d) => ({ deviceId: d.deviceId, label: d.label }));
    },
    onDevicesChanged: (cb) => {
      const m = media();
      if (!m || typeof m.addEventListener !== 'function') return () => undefined;
      m.addEventListener('devicechange', cb);
      return () => m.removeEventListener('devicechange', cb);
    },
    play: async (deviceId, sound) => {
      const audio = new Audio(ringtoneUri(sound)) as SinkAudio;
      audio.loop = sound === 'ring';
      await audio.setSinkId(deviceId);
      await audio.play();
      return () => {
        audio.pause();
        audio.removeAttribute('src');
        audio.load();
      };
    },
  };
}
