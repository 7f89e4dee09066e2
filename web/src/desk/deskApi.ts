// The desk's HTTP side (setup for admins, the conversation list for supervisors). Agents work over the
// realtime connection (store.ts).
import { problemOf, request, tokens } from '../api';
import type { Channel, DeskConversation, Faq, FaqInput, GroupInput, OfflineMessage, Seat, SkillGroup, Unanswered, Canned } from './types';

interface Items<T> { items: T[]; nextCursor: string | null }
const D = '/desk';

const query = (p: Record<string, string | undefined | null>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v) s.set(k, v);
  const q = s.toString();
  return q ? `?${q}` : '';
};

export const deskApi = {
  groups: () => request<Items<SkillGroup>>('GET', `${D}/groups`),
  createGroup: (b: GroupInput) => request<SkillGroup>('POST', `${D}/groups`, b),
  updateGroup: (id: string, b: GroupInput) => request<SkillGroup>('PATCH', `${D}/groups/${id}`, b),
  deleteGroup: (id: string) => request<void>('DELETE', `${D}/groups/${id}`),
  agents: () => request<Items<Seat>>('GET', `${D}/agents`),
  addAgent: (b: { memberId: string; maxConcurrent: number; supervisor: boolean; groupIds: string[] }) => request<Seat>('POST', `${D}/agents`, b),
  updateAgent: (memberId: string, b: { maxConcurrent?: number; supervisor?: boolean; groupIds?: string[] }) => request<Seat>('PATCH', `${D}/agents/${memberId}`, b),
  removeAgent: (memberId: string) => request<void>('DELETE', `${D}/agents/${memberId}`),
  channels: () => request<Items<Channel>>('GET', `${D}/channels`),
  createChannel: (b: { kind: 'web' | 'api'; name: string; groupId: string; identified: boolean; preChatForm: boolean }) => request<Channel>('POST', `${D}/channels`, b),
  canned: () => request<Items<Canned>>('GET', `${D}/canned`),
  addCanned: (shortcut: string, text: string) => request<Canned>('POST', `${D}/canned`, { shortcut, text }),
  deleteCanned: (id: string) => request<void>('DELETE', `${D}/canned/${id}`),
  faqs: () => request<Items<Faq>>('GET', `${D}/faqs`),
  createFaq: (b: FaqInput) => request<Faq>('POST', `${D}/faqs`, b),
  updateFaq: (id: string, b: FaqInput) => request<Faq>('PATCH', `${D}/faqs/${id}`, b),
  deleteFaq: (id: string) => request<void>('DELETE', `${D}/faqs/${id}`),
  importFaqs: (csv: string) => request<{ imported: number }>('POST', `${D}/faqs/import`, csv, 'text/csv'),
  unanswered: () => request<Items<Unanswered>>('GET', `${D}/faqs/unanswered`),
  dismissUnanswered: (normalized: string) => request<void>('POST', `${D}/faqs/unanswered/dismiss`, { normalized }),
  offlineMessages: () => request<Items<OfflineMessage>>('GET', `${D}/offline-messages`),
  conversations: (p: { state?: string; agentId?: string; groupId?: string; cursor?: string | null; limit?: number }) =>
    request<Items<DeskConversation>>('GET', `${D}/conversations${query({ state: p.state, agentId: p.agentId, groupId: p.groupId, cursor: p.cursor, limit: p.limit ? String(p.limit) : undefined })}`),
  /** The FAQ CSV template, saved through the browser (the request needs the token). */
  downloadTemplate: async () => {
    const token = tokens.get();
    const res = await fetch(`/api/v1${D}/faqs/import/template`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    if (!res.ok) throw problemOf(res.status, res.statusText, await res.text(), !!token);
    const url = URL.createObjectURL(await res.blob());
    const a = Object.assign(document.createElement('a'), { href: url, download: 'queqiao-faqs.csv' });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};
