// The urgent notice banner of a recipient, as a pure reducer: notices arrive live (notice.urgent),
// come from GET /urgent-notices/pending (on start and after every reconnect), and go when confirmed,
// here or on another device (notice.confirmed with my member id).
import type { ApiError } from '../api';
import { byTime } from './progress';
import type { UrgentNotice } from './types';

export interface BannerItem {
  notice: UrgentNotice;
  /** How often it was pushed to this tab (the first time and every re-notification): each one draws attention again. */
  alerts: number;
  /** The state's `rev` when it last arrived live (0: only ever loaded). */
  rev: number;
  confirming: boolean;
  error: ApiError | null;
}

export interface BannerState {
  /** Oldest first (as the server lists them), so a new notice does not move the button under a finger. */
  items: BannerItem[];
  /** Notices confirmed (here or elsewhere) in this session: a late push or a stale load does not bring them back. */
  gone: Record<string, true>;
  /** Counts the live arrivals; a load remembers it when it starts. */
  rev: number;
}

export type BannerAction =
  | { type: 'pushed'; notice: UrgentNotice }
  /** The pending list, requested when `rev` was `since`. */
  | { type: 'loaded'; notices: UrgentNotice[]; since: number }
  | { type: 'confirming'; id: string }
  | { type: 'confirmFailed'; id: string; error: ApiError }
  /** Confirmed here, or a notice.confirmed push for me from another device. */
  | { type: 'confirmed'; id: string };

export const emptyBanner: BannerState = { items: [], gone: {}, rev: 0 };

const order = (a: BannerItem, b: BannerItem) => byTime(a.notice, b.notice);

export function bannerReducer(state: BannerState, action: BannerAction): BannerState {
  switch (action.type) {
    case 'pushed': {
      const n = action.notice;
      if (state.gone[n.id]) return state; // a re-notification that crossed my confirmation
      const rev = state.rev + 1;
      const held = state.items.find((i) => i.notice.id === n.id);
      const items = held
        ? state.items.map((i) => (i === held ? { ...i, notice: n, alerts: i.alerts + 1, rev, error: null } : i))
        : [...state.items, { notice: n, alerts: 1, rev, confirming: false, error: null }].sort(order);
      return { ...state, items, rev };
    }
    case 'loaded': {
      const held = new Map(state.items.map((i) => [i.notice.id, i]));
      const listed = new Set(action.notices.map((n) => n.id));
      const fromServer = action.notices.filter((n) => !state.gone[n.id]).map((n): BannerItem => {
        const h = held.get(n.id);
        return h ? { ...h, notice: n } : { notice: n, alerts: 0, rev: 0, confirming: false, error: null };
      });
      // what arrived while the list was on its way is newer than the list; anything older that the
      // list no longer names was confirmed elsewhere in the meantime
      const newer = state.items.filter((i) => !listed.has(i.notice.id) && i.rev > action.since);
      return { ...state, items: [...fromServer, ...newer].sort(order) };
    }
    case 'confirming':
      return { ...state, items: state.items.map((i) => (i.notice.id === action.id ? { ...i, confirming: true, error: null } : i)) };
    case 'confirmFailed':
      return { ...state, items: state.items.map((i) => (i.notice.id === action.id ? { ...i, confirming: false, error: action.error } : i)) };
    case 'confirmed':
      return { ...state, items: state.items.filter((i) => i.notice.id !== action.id), gone: { ...state.gone, [action.id]: true } };
  }
}
