// Channel icons (decorative: the channel is also written out next to them).
import type { Channel } from '../domain/types';

const PATHS: Record<Channel, string> = {
  // A handset.
  voice:
    'M3.6 1.5 5.8 1c.4-.1.8.1 1 .5l1 2.4c.2.4.1.8-.2 1.1L6.4 6.1a8.4 8.4 0 0 0 3.5 3.5l1.1-1.2c.3-.3.7-.4 1.1-.2l2.4 1c.4.2.6.6.5 1l-.5 2.2c-.1.4-.5.7-.9.7C7.1 13.1 2.9 8.9 2.9 2.4c0-.4.3-.8.7-.9Z',
  // A speech bubble.
  chat: 'M2 3.5C2 2.7 2.7 2 3.5 2h9c.8 0 1.5.7 1.5 1.5v6c0 .8-.7 1.5-1.5 1.5H7l-3 3v-3h-.5C2.7 11 2 10.3 2 9.5v-6Z',
  // A clipboard with a tick.
  // An envelope.
  email: 'M2.5 3h11c.8 0 1.5.7 1.5 1.5v7c0 .8-.7 1.5-1.5 1.5h-11C1.7 13 1 12.3 1 11.5v-7C1 3.7 1.7 3 2.5 3Zm.3 1.5L8 8.2l5.2-3.7H2.8Zm10.7 1.3L8 9.7 2.5 5.8v5.7h11V5.8Z',
  task: 'M5 2h6v2H5V2ZM3.5 3H4v2h8V3h.5c.8 0 1.5.7 1.5 1.5v9c0 .8-.7 1.5-1.5 1.5h-9C2.7 15 2 14.3 2 13.5v-9C2 3.7 2.7 3 3.5 3Zm1.8 6.7 1.9 1.9 3.6-3.6-.8-.8-2.8 2.8-1.1-1.1-.8.8Z',
};

export function ChannelIcon({ channel }: { channel: Channel }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false" style={{ flex: 'none' }}>
      <path d={PATHS[channel]} fill="currentColor" />
    </svg>
  );
}
