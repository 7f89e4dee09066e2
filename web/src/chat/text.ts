// What conversations and entries read as: titles, list previews, the centered system notes.
import type { Key } from '../i18n';
import type { ConversationSummary, Entry, SystemEvent } from './types';

type T = (key: Key, vars?: Record<string, string | number>) => string;
type NameOf = (id: string) => string;

const NAMES_SHOWN = 5;

export function nameList(ids: string[] | undefined, total: number | undefined, nameOf: NameOf, t: T): string {
  const list = (ids ?? []).slice(0, NAMES_SHOWN).map(nameOf).join(t('listSep'));
  const count = Math.max(total ?? 0, ids?.length ?? 0);
  return count > NAMES_SHOWN ? t('andMore', { names: list, n: count }) : list;
}

/** The centered note for a system entry (members added or removed, renamed, …). */
export function systemText(ev: SystemEvent | undefined, nameOf: NameOf, t: T): string {
  if (!ev) return t('sys_unknown');
  const by = ev.by ? nameOf(ev.by) : '';
  const names = nameList(ev.memberIds, ev.count, nameOf, t);
  const name = ev.memberId ? nameOf(ev.memberId) : '';
  switch (ev.type) {
    case 'group_created': return (ev.count ?? ev.memberIds?.length ?? 0) > 0 ? t('sys_group_created', { by, names }) : t('sys_group_created_alone', { by });
    case 'members_added': return t('sys_members_added', { by, names });
    case 'members_removed': return t('sys_members_removed', { by, names });
    case 'member_left': return t('sys_member_left', { names });
    case 'member_offboarded': return t('sys_member_offboarded', { names });
    case 'group_updated': {
      const parts: string[] = [];
      if (typeof ev.title === 'string') parts.push(t('sys_group_renamed', { by, title: ev.title }));
      if (typeof ev.announcement === 'string') {
        parts.push(ev.announcement ? t('sys_announcement', { by, text: ev.announcement }) : t('sys_announcement_cleared', { by }));
      }
      return parts.join(' · ') || t('sys_unknown');
    }
    case 'role_changed': return ev.role === 'admin' ? t('sys_role_admin', { by, name }) : t('sys_role_member', { by, name });
    case 'owner_changed': return t('sys_owner_changed', { by, name });
    case 'member_muted': return t('sys_member_muted', { by, name });
    case 'member_unmuted': return t('sys_member_unmuted', { by, name });
    case 'group_dissolved': return t('sys_group_dissolved', { by });
    default: return t('sys_unknown');
  }
}

/** A group's title; a direct chat is named after the other person. */
export function conversationTitle(c: Pick<ConversationSummary, 'kind' | 'title' | 'peerId'>, nameOf: NameOf): string {
  if (c.kind === 'direct') return c.peerId ? nameOf(c.peerId) : '';
  return c.title ?? '';
}

/** One line for the conversation list. */
export function previewText(e: Entry | null, kind: ConversationSummary['kind'], me: string, nameOf: NameOf, t: T): string {
  if (!e) return '';
  if (e.recalledAt || e.recalled) return t('recalled');
  let text: string;
  switch (e.kind) {
    case 'system': return systemText(e.body?.event, nameOf, t);
    case 'card': {
      const card = e.body?.card;
      text = e.body?.text ?? (card?.type === 'meeting' ? t('previewMeetingCard', { title: String(card.title ?? '') }) : t('previewCard'));
      break;
    }
    case 'file': text = t('previewFile'); break;
    case 'image': text = t('previewImage'); break;
    default: text = e.body?.text ?? '';
  }
  text = text.replace(/\s+/g, ' ').trim();
  if (kind !== 'direct' || e.senderId === me) {
    return t('previewSender', { name: e.senderId === me ? t('you') : nameOf(e.senderId), text });
  }
  return text;
}
