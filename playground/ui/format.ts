// Small display helpers for the simulated Zendesk.

const VIA: Record<number, string> = {
  0: 'Web form',
  4: 'Email',
  29: 'Chat',
  33: 'Voicemail',
  34: 'Phone call (inbound)',
  35: 'Phone call (outbound)',
  44: 'Voicemail (Talk Partner Edition)',
  45: 'Phone call, inbound (Talk Partner Edition)',
  46: 'Phone call, outbound (Talk Partner Edition)',
};

export function viaLabel(viaId: number | null | undefined): string {
  if (viaId === null || viaId === undefined) return '—';
  return VIA[viaId] ? `${VIA[viaId]} (via_id ${viaId})` : `via_id ${viaId}`;
}

export function durationLabel(seconds: unknown): string {
  const s = typeof seconds === 'number' ? seconds : Number(seconds);
  if (!Number.isFinite(s)) return '—';
  const whole = Math.round(s);
  const m = Math.floor(whole / 60);
  const rest = whole % 60;
  return m > 0 ? `${m} min ${rest} s` : `${rest} s`;
}

export function clockLabel(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC');
}

export function sinceStart(ms: number, startMs: number): string {
  const s = Math.max(0, Math.floor((ms - startMs) / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `+${h > 0 ? `${h}:` : ''}${pad(m)}:${pad(sec)}`;
}

export function text(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}
