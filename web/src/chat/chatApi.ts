// The chat endpoints of the HTTP API. Sending, reading and catching up go over the realtime
// connection instead (see engine.ts); these are the page loads and the group management.
import { request } from '../api';
import type { ChatPolicy, Conversation, ConversationSummary, Entry, Membership, Receipts } from './types';

/** The server answers "" when there is no next page. */
const next = (c: string | null | undefined) => (c ? c : null);
const query = (p: Record<string, string | number | undefined | null>) => {
  const s = new URLSearchParams();
  Object.entries(p).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') s.set(k, String(v)); });
  const str = s.toString();
  return str ? `?${str}` : '';
};
const C = '/conversations';

export const chatApi = {
  conversations: async (cursor?: string | null, limit = 200) => {
    const r = await request<{ items: ConversationSummary[]; nextCursor: string }>('GET', `${C}${query({ cursor, limit })}`);
    return { items: r.items, nextCursor: next(r.nextCursor) };
  },
  conversation: (id: string) => request<Conversation>('GET', `${C}/${id}`),
  openDirect: (memberId: string) => request<Conversation>('POST', `${C}/direct`, { memberId }),
  createGroup: (title: string, memberIds: string[]) => request<Conversation>('POST', C, { title, memberIds }),
  update: (id: string, b: { title?: string; announcement?: string }) => request<Conversation>('PATCH', `${C}/${id}`, b),
  dissolve: (id: string) => request<void>('POST', `${C}/${id}/dissolve`, {}),
  members: async (id: string, cursor?: string | null) => {
    const r = await request<{ items: Membership[]; nextCursor: string }>('GET', `${C}/${id}/members${query({ cursor, limit: 200 })}`);
    return { items: r.items, nextCursor: next(r.nextCursor) };
  },
  addMembers: (id: string, memberIds: string[]) => request<{ added: string[] }>('POST', `${C}/${id}/members`, { memberIds }),
  /** Removes someone (owner/admins), or leaves when it is the caller's own id. */
  removeMember: (id: string, memberId: string) => request<void>('DELETE', `${C}/${id}/members/${memberId}`),
  /** Newest first: the newest page, or the page before {@code before} (scrolling up). */
  entriesBefore: async (id: string, before: number | null, limit = 50) =>
    (await request<{ items: Entry[] }>('GET', `${C}/${id}/entries${query({ before, limit })}`)).items,
  receipts: (id: string, seq: number, state: 'read' | 'unread', cursor?: string | null) =>
    request<Receipts>('GET', `${C}/${id}/messages/${seq}/receipts${query({ state, cursor, limit: 200 })}`),
  /** Oldest first: the entries after {@code after} (a window on earlier history, scrolling down). */
  entriesAfter: async (id: string, after: number, limit = 50) =>
    (await request<{ items: Entry[] }>('GET', `${C}/${id}/entries${query({ after, limit })}`)).items,
  /** Messages matching q in the conversations I am in (or in one), newest first. */
  search: async (q: string, conversationId?: string | null, cursor?: string | null, limit = 20) => {
    const r = await request<{ items: Entry[]; nextCursor: string | null }>('GET', `/chat/search${query({ q, conversationId, cursor, limit })}`);
    return { items: r.items, nextCursor: next(r.nextCursor) };
  },
  policy: () => request<ChatPolicy>('GET', '/chat/policy'),
  updatePolicy: (b: Partial<Pick<ChatPolicy, 'retentionDays' | 'sensitiveWords'>>) => request<ChatPolicy>('PATCH', '/chat/policy', b),
  createDepartmentGroup: (departmentId: string) => request<Conversation>('POST', `${C}/department`, { departmentId }),
  createAllStaffGroup: (title?: string) => request<Conversation>('POST', `${C}/all-staff`, title ? { title } : {}),
};
