// The urgent notices of this tab over the realtime connection: the banner of what I still have to
// confirm (banner.ts), loaded on start and after every (re)connect, moved by notice.urgent and
// notice.confirmed pushes; and the confirmations of my own notices for whoever watches them.
import { ApiError } from '../api';
import type { Realtime } from '../realtime';
import { bannerReducer, emptyBanner, type BannerAction, type BannerState } from './banner';
import { noticeApi } from './noticeApi';
import { CONFIRMED_TOPIC, URGENT_TOPIC, type ConfirmedPush, type UrgentNotice } from './types';

export interface NoticeDeps { rt: Realtime; me: string; http?: Pick<typeof noticeApi, 'pending' | 'confirm'> }

export class NoticeCenter {
  private state: BannerState = emptyBanner;
  private readonly listeners = new Set<() => void>();
  private readonly confirmedListeners = new Set<(p: ConfirmedPush) => void>();
  private readonly resyncListeners = new Set<() => void>();
  private readonly rt: Realtime;
  private readonly me: string;
  private readonly http: Pick<typeof noticeApi, 'pending' | 'confirm'>;
  private unsubs: (() => void)[] = [];
  private loading: Promise<void> | null = null;
  private loadAgain = false;
  private stopped = false;
  private everReady = false;

  constructor(deps: NoticeDeps) {
    this.rt = deps.rt;
    this.me = deps.me;
    this.http = deps.http ?? noticeApi;
  }

  subscribe = (l: () => void) => { this.listeners.add(l); return () => { this.listeners.delete(l); }; };
  getState = () => this.state;

  private dispatch(a: BannerAction) {
    const next = bannerReducer(this.state, a);
    if (next === this.state) return;
    this.state = next;
    this.listeners.forEach((l) => l());
  }

  /** Subscribes before the connection starts, so no push is missed. */
  start() {
    this.unsubs.push(this.rt.subscribe(URGENT_TOPIC, (d) => this.dispatch({ type: 'pushed', notice: d as UrgentNotice })));
    this.unsubs.push(this.rt.subscribe(CONFIRMED_TOPIC, (d) => {
      const p = d as ConfirmedPush;
      if (p.memberId === this.me) this.dispatch({ type: 'confirmed', id: p.noticeId });
      this.confirmedListeners.forEach((l) => l(p));
    }));
    // every ready, the first included: a notice sent between the first load and the socket being up was pushed to nobody here
    this.unsubs.push(this.rt.onReady((info) => {
      this.loadPending();
      // pushes were lost: whoever shows confirmations loads them again
      if (this.everReady && !info.resumed) this.resyncListeners.forEach((l) => l());
      this.everReady = true;
    }));
    this.loadPending();
  }

  stop() {
    this.stopped = true;
    this.unsubs.forEach((u) => u());
    this.unsubs = [];
  }

  /** Loads the pending list (once at a time; a call during a load loads again after it). */
  loadPending(): Promise<void> {
    if (this.loading) { this.loadAgain = true; return this.loading; }
    this.loading = (async () => {
      try {
        const since = this.state.rev;
        const notices = await this.http.pending();
        if (!this.stopped) this.dispatch({ type: 'loaded', notices, since });
      } catch {
        // the banner keeps what it has; the next reconnect loads again
      } finally {
        this.loading = null;
        if (this.loadAgain && !this.stopped) { this.loadAgain = false; this.loadPending(); }
      }
    })();
    return this.loading;
  }

  async confirm(id: string): Promise<void> {
    this.dispatch({ type: 'confirming', id });
    try {
      await this.http.confirm(id);
      this.dispatch({ type: 'confirmed', id });
    } catch (e) {
      // not (or no longer) mine to confirm: nothing to keep on the banner
      if (e instanceof ApiError && e.code === 'no_such_notice') this.dispatch({ type: 'confirmed', id });
      else this.dispatch({ type: 'confirmFailed', id, error: e instanceof ApiError ? e : new ApiError(0, 'request_failed', undefined, String(e)) });
    }
  }

  /** Called after a reconnect that could not replay the pushes missed meanwhile. */
  onResync(l: () => void): () => void {
    this.resyncListeners.add(l);
    return () => { this.resyncListeners.delete(l); };
  }

  /** Confirmations of notices I sent, as they are pushed (the sender's progress views). */
  onConfirmed(l: (p: ConfirmedPush) => void): () => void {
    this.confirmedListeners.add(l);
    return () => { this.confirmedListeners.delete(l); };
  }
}
