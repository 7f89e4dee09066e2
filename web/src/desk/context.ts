// The signed-in tab's desk (App provides it; null while signed out or connecting).
import { createContext, useContext, useSyncExternalStore } from 'react';
import { emptyDesk, type DeskView } from './deskState';
import type { DeskStore } from './store';

export const DeskContext = createContext<DeskStore | null>(null);

export function useDeskStore(): DeskStore {
  const d = useContext(DeskContext);
  if (!d) throw new Error('useDeskStore outside the desk');
  return d;
}

const noop = () => () => {};
/** A slice of the desk's state; re-renders when it changes (the empty desk while there is none). */
export function useDesk<T>(select: (s: DeskView) => T): T {
  const d = useContext(DeskContext);
  return useSyncExternalStore(d ? d.subscribe : noop, () => select(d ? d.getState() : emptyDesk));
}
