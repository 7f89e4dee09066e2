// The notice center of the signed-in tab, for components (null until the realtime connection exists).
import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import type { BannerState } from './banner';
import type { NoticeCenter } from './center';
import type { ConfirmedPush } from './types';

export const NoticesContext = createContext<NoticeCenter | null>(null);

const none: BannerState = { items: [], gone: {}, rev: 0 };
const noop = () => () => {};

/** The banner state; re-renders when it changes. */
export function useBanner(): BannerState {
  const center = useContext(NoticesContext);
  return useSyncExternalStore(center?.subscribe ?? noop, () => center?.getState() ?? none);
}

/** Calls `handler` for each notice.confirmed push while mounted. */
export function useConfirmations(handler: (p: ConfirmedPush) => void) {
  const center = useContext(NoticesContext);
  useEffect(() => center?.onConfirmed(handler), [center, handler]);
}

/** Calls `handler` after a reconnect that lost pushes (state must be loaded again). */
export function useResync(handler: () => void) {
  const center = useContext(NoticesContext);
  useEffect(() => center?.onResync(handler), [center, handler]);
}
