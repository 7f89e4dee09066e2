// Who is signed in: the member and their organisation, shared by every page.
import { createContext, useContext } from 'react';
import type { Member, Org } from './api';

export interface SessionState { member: Member; org: Org; mustChangePassword: boolean; refresh: () => Promise<void>; signOut: () => void }
export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in page');
  return s;
}

export const isAdmin = (m: Member) => m.role === 'owner' || m.role === 'admin';
