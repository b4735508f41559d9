import { createContext, useContext, useSyncExternalStore } from 'react';
import type { PlaygroundSession } from '../session';

export const SessionContext = createContext<PlaygroundSession | null>(null);

/** The session, re-rendering the caller whenever it changes. */
export function useSession(): PlaygroundSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionContext');
  useSyncExternalStore(session.subscribe, session.getVersion);
  return session;
}
