// The chat shapes of the server (openapi.json, tag messaging; pushes in docs/realtime-protocol.md).

export type ConversationKind = 'direct' | 'group' | 'department' | 'all_staff';
export type EntryKind = 'text' | 'file' | 'image' | 'card' | 'system' | 'edit' | 'recall' | 'reaction';
export type ChatRole = 'owner' | 'admin' | 'member';

export interface SystemEvent {
  type: string; by?: string; count?: number; memberIds?: string[]; memberId?: string; role?: string;
  title?: string; announcement?: string; until?: string; [k: string]: unknown;
}

export interface EntryBody {
  text?: string; mentions?: string[]; mentionAll?: boolean; replyTo?: number; forwardOf?: Record<string, unknown>;
  file?: Record<string, unknown>; card?: Record<string, unknown>; event?: SystemEvent; emoji?: string; added?: boolean;
}

/** One entry of a conversation's log: a message, a system note, or a change to an earlier message. */
export interface Entry {
  id: string; conversationId: string; seq: number; senderId: string; clientMsgId: string; kind: EntryKind; body: EntryBody;
  targetSeq?: number | null; reactions?: Record<string, string[]> | null; createdAt: string;
  editedAt?: string | null; recalledAt?: string | null; recalled?: boolean;
}

export interface Conversation {
  id: string; kind: ConversationKind; title: string | null; announcement: string | null; peerId: string | null;
  departmentId: string | null; lastSeq: number; memberCount: number; lastEntryAt: string; createdBy: string; createdAt: string; dissolved: boolean;
}

/** A conversation as the signed-in member sees it in their list. */
export interface ConversationSummary extends Conversation {
  role: ChatRole; readSeq: number; visibleAfter: number; unread: number; unreadCapped: boolean; mutedUntil: string | null;
  lastEntry: Entry | null;
}

export interface Membership { memberId: string; role: ChatRole; readSeq: number; mutedUntil: string | null; joinedAt: string }
export interface Receipts { seq: number; readCount: number; unreadCount: number; members: string[]; nextCursor: string | null }
export interface SendResult { entry: Entry; duplicate: boolean }
export interface ConversationNews { conversationId: string; kind: ConversationKind; lastSeq: number; readSeq: number; entries: Entry[]; more: boolean }
export interface SyncResult { conversations: ConversationNews[]; removed: string[]; more: boolean }

/** Push payloads by topic. */
export interface ReadPush { conversationId: string; memberId: string; readSeq: number }
export interface ConversationPush { conversationId: string; kind: ConversationKind }
export interface RemovedPush { conversationId: string }
export interface TypingPush { conversationId: string; memberId: string }

/** Entries people read (and that count as unread); the others change a message or the conversation. */
export const isMessageKind = (k: EntryKind) => k === 'text' || k === 'file' || k === 'image' || k === 'card';
export const isChangeKind = (k: EntryKind) => k === 'edit' || k === 'recall' || k === 'reaction';

/** body.file of a file or image message. */
export interface FileInfo { sha256: string; name: string; contentType: string; size: number }

export type WordAction = 'block' | 'mask';
export interface SensitiveWord { word: string; action: WordAction }
/** The organisation's chat policy (admins): retentionDays 0 keeps history forever. */
export interface ChatPolicy { retentionDays: number; sensitiveWords: SensitiveWord[]; updatedBy: string | null; updatedAt: string | null }
