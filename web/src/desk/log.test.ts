import { describe, expect, it } from 'vitest';
import type { Entry } from './types';
import { agentNames, aiAnswerOf, faqAnswerOf } from './log';

const C = 'c1';
const ev = (seq: number, event: Record<string, unknown>): Entry =>
  ({ id: `e${seq}`, conversationId: C, seq, senderId: 'x', clientMsgId: `m${seq}`, kind: 'system', body: { event }, createdAt: '2026-12-03T08:00:00Z' } as unknown as Entry);

describe('agent names from the log', () => {
  it('names the agent who joined, then whoever the conversation was transferred to', () => {
    const names = agentNames([
      ev(1, { type: 'handoff', reason: 'requested' }),
      ev(2, { type: 'agent_joined', agentId: 'a1', agentName: '王芳' }),
      ev(3, { type: 'transfer', from: 'a1', to: 'a2', toName: 'Li Lei' }),
    ]);
    expect(names.get('a1')).toBe('王芳');
    expect(names.get('a2')).toBe('Li Lei');
  });

  it('ignores events without a name (an older server, or a member without one)', () => {
    const names = agentNames([ev(1, { type: 'agent_joined', agentId: 'a1' }), ev(2, { type: 'agent_joined', agentId: 'a3', agentName: '' })]);
    expect(names.size).toBe(0);
  });
});

const card = (seq: number, c: Record<string, unknown>): Entry =>
  ({ id: `e${seq}`, conversationId: C, seq, senderId: 'bot', clientMsgId: `m${seq}`, kind: 'card', body: { text: 'answer', card: c }, createdAt: '2026-12-03T08:00:00Z' } as unknown as Entry);

describe('the bot\'s answers', () => {
  it('tells an answer the AI assistant wrote from one taken from the knowledge base', () => {
    const ai = card(1, { type: 'ai_answer', sources: ['f1', 2, 'f3'] });
    expect(aiAnswerOf(ai)).toEqual({ type: 'ai_answer', sources: ['f1', 'f3'] });
    expect(faqAnswerOf(ai)).toBeNull();
    const faq = card(2, { type: 'faq_answer', faqId: 'f1', confidence: 0.8 });
    expect(aiAnswerOf(faq)).toBeNull();
    expect(faqAnswerOf(faq)?.faqId).toBe('f1');
    expect(aiAnswerOf(card(3, { type: 'ai_answer' }))).toEqual({ type: 'ai_answer', sources: [] });
  });
});
