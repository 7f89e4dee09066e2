// The urgent notice endpoints of the HTTP API (/api/v1/urgent-notices).
import { request } from '../api';
import type { RecipientState, UrgentNotice } from './types';

/** An empty or missing cursor means: no next page. */
const next = (c: string | null | undefined) => (c ? c : null);
const query = (p: Record<string, string | number | undefined | null>) => {
  const s = new URLSearchParams();
  Object.entries(p).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') s.set(k, String(v)); });
  const str = s.toString();
  return str ? `?${str}` : '';
};
const N = '/urgent-notices';

export interface SendNotice { text: string; memberIds: string[]; departmentIds: string[] }

export const noticeApi = {
  /** The same idempotency key with the same body returns the first result instead of sending again. */
  send: (b: SendNotice, idempotencyKey: string) =>
    request<UrgentNotice>('POST', N, b, 'application/json', { 'Idempotency-Key': idempotencyKey }),
  /** Notices I sent, newest first. */
  sent: async (cursor?: string | null, limit = 50) => {
    const r = await request<{ items: UrgentNotice[]; nextCursor: string | null }>('GET', `${N}${query({ cursor, limit })}`);
    return { items: r.items, nextCursor: next(r.nextCursor) };
  },
  /** Notices I have not confirmed yet, oldest first: the banner. */
  pending: async () => (await request<{ items: UrgentNotice[] }>('GET', `${N}/pending`)).items,
  get: (id: string) => request<UrgentNotice>('GET', `${N}/${id}`),
  /** Member ids, in id order. */
  recipients: async (id: string, state: RecipientState, cursor?: string | null, limit = 100) => {
    const r = await request<{ items: string[]; nextCursor: string | null }>('GET', `${N}/${id}/recipients${query({ state, cursor, limit })}`);
    return { items: r.items, nextCursor: next(r.nextCursor) };
  },
  confirm: (id: string) => request<UrgentNotice>('POST', `${N}/${id}/confirm`, {}),
  renotify: (id: string) => request<{ notified: number }>('POST', `${N}/${id}/renotify`, {}),
};
