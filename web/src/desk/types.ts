// The desk's shapes on the wire (docs/desk-protocol.md; openapi.json, tag desk).
import type { Entry } from '../chat/types';

export type { Entry };

/** The bot's sender id in every desk log. */
export const BOT_ID = '00000000-0000-0000-0000-000000000b07';

export type ConversationState = 'bot' | 'queued' | 'offered' | 'assigned' | 'closed' | 'missed';
export const CONVERSATION_STATES: ConversationState[] = ['bot', 'queued', 'offered', 'assigned', 'closed', 'missed'];
export type AgentStatus = 'online' | 'away' | 'offline';
export const AGENT_STATUSES: AgentStatus[] = ['online', 'away', 'offline'];
export type RoutingMode = 'least_busy' | 'round_robin';

export const isOpenState = (s: string) => s !== 'closed' && s !== 'missed';

/** One SLA clock, counted in the group's business hours from the handoff. */
export interface SlaTimer { targetSeconds?: number; due?: string; elapsedSeconds: number; running: boolean; breached: boolean }
export interface Sla { firstResponse: SlaTimer; resolution: SlaTimer }

/** A conversation as agents and supervisors see it (the visitor sees id, state, openedAt, agentId, closedAt, csatScore). */
export interface DeskConversation {
  id: string; state: ConversationState; openedAt: string; agentId?: string; closedAt?: string; csatScore?: number;
  visitorId?: string; channelId?: string; groupId?: string; priority?: number; queuedAt?: string; handoffReason?: string;
  offeredTo?: string; offerExpiresAt?: string; assignedAt?: string; firstResponseAt?: string;
  botAnswers?: number; botFallbacks?: number; transfers?: number; closedBy?: string; tags?: string[]; csatComment?: string; sla?: Sla;
}

/** The caller's agent seat (desk.me, desk.status) and a seat in the admin list. */
export interface Seat {
  memberId: string; maxConcurrent: number; status: AgentStatus; active: number; supervisor: boolean;
  lastAssignedAt?: string | null; statusAt?: string;
}

export interface Note { id: string; conversationId: string; authorId: string; text: string; createdAt: string }
export interface Canned { id?: string; shortcut: string; text: string }

/** desk.offer */
export interface Offer { conversationId: string; groupId?: string; reason?: string; expiresAt: string }
/** desk.conversation: assigned to you, withdrawn (declined / expired), closed. */
export interface ConversationPush { conversationId: string; state: ConversationState | 'withdrawn'; agentId?: string; outcome?: string; groupId?: string; reason?: string }
/** desk.queue */
export interface QueuePush { groupId: string; waiting: number; longestWaitSeconds: number }

export interface Detail { conversation: DeskConversation; entries: Entry[]; notes: Note[] }

export interface GroupFloor { groupId: string; name: string; waiting: number; longestWaitSeconds: number; agentsOnline: number; freeSlots: number }
export interface AgentFloor { memberId: string; status: AgentStatus; active: number; maxConcurrent: number; supervisor: boolean; groupIds: string[] }
export interface Floor { groups: GroupFloor[]; agents: AgentFloor[] }

/** Business hours in the wire form of the server's WeeklySchedule (null: always open). */
export type Interval = [string, string];
export interface HoursWire { timeZone: string; week?: Partial<Record<string, Interval[]>>; closed?: string[]; open?: Record<string, Interval[]> }

export interface SkillGroup {
  id: string; name: string; routing: RoutingMode; businessHours: HoursWire | null;
  /** seconds (may come as 120.000000000) */
  slaFirstResponse: number | null; slaResolution: number | null; maxWait: number; createdAt: string;
}
export interface GroupInput {
  name?: string; routing?: RoutingMode; businessHours?: HoursWire | Record<string, never>;
  slaFirstResponseSeconds?: number; slaResolutionSeconds?: number; maxWaitSeconds?: number;
}

export interface Channel { id: string; kind: 'web' | 'api'; name: string; widgetKey: string; identitySecret?: string; groupId: string; preChatForm: boolean; createdAt: string }
export interface Faq { id: string; question: string; alternatives: string[]; answer: string; category: string | null; createdAt?: string; updatedAt?: string }
export interface FaqInput { question: string; alternatives: string[]; answer: string; category: string }
export interface FaqImportError { row: number; field: string; code: string; message: string }
export interface Unanswered { normalized: string; question: string; times: number; firstAt: string; lastAt: string }
export interface OfflineMessage { id: string; channelId: string; visitorId: string; name: string; email: string | null; phone: string | null; text: string; createdAt: string }

/** A visitor's view of their conversation (visitor.open). */
export interface VisitorConversation { id: string; state: ConversationState; openedAt: string; agentId?: string; closedAt?: string; csatScore?: number }
/** visitor.state */
export interface VisitorStatePush {
  conversationId: string; state: ConversationState; agentId?: string; position?: number; estimatedWaitSeconds?: number;
  offlineForm?: 'closed_hours' | 'max_wait'; csat?: boolean;
}
/** The bot's answer cards. */
export interface FaqAnswerCard { type: 'faq_answer'; faqId: string; confidence: number }
export interface AiAnswerCard { type: 'ai_answer'; sources: string[] }
export interface FaqSuggestionsCard { type: 'faq_suggestions'; items: { faqId: string; question: string }[] }
