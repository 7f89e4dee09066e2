import { describe, expect, it } from 'vitest';
import { entry, system } from '../desk/fakeRt.test-util';
import { BOT_ID } from '../desk/types';
import { initialState, isClosed, widgetReducer, type WidgetAction, type WidgetState } from './state';

const V = 'visitor-1';
const C = 'conv-1';
const apply = (s: WidgetState, ...actions: WidgetAction[]) => actions.reduce(widgetReducer, s);
const opened = (state: 'bot' | 'queued' | 'assigned' = 'bot', entries = [entry(C, 1, BOT_ID)]): WidgetAction =>
  ({ type: 'opened', conversation: { id: C, state, openedAt: '2027-01-01T00:00:00Z' }, entries });
const start = (...more: WidgetAction[]) => apply(initialState, { type: 'session', visitorId: V }, opened(), ...more);

describe('the widget state', () => {
  it('opens a conversation with its log and keeps each entry once, whichever way it came', () => {
    const s = start({ type: 'entry', entry: entry(C, 2, V) }, { type: 'entry', entry: entry(C, 2, V) },
      { type: 'entries', conversationId: C, entries: [entry(C, 1, BOT_ID), entry(C, 3, BOT_ID)] });
    expect(s.phase).toBe('ready');
    expect(s.entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(s.lastSeq).toBe(3);
  });

  it('asks again after the last seq held without a hole (a skipped push is fetched again)', () => {
    const s = start({ type: 'entry', entry: entry(C, 3, BOT_ID) });
    expect(s.lastSeq).toBe(1);
    expect(apply(s, { type: 'entry', entry: entry(C, 2, V) }).lastSeq).toBe(3);
  });

  it('keeps pushes that came before visitor.open answered, and ignores other conversations', () => {
    const early = apply(initialState, { type: 'session', visitorId: V }, { type: 'entry', entry: entry(C, 1, BOT_ID) }, { type: 'entry', entry: entry('old', 9, BOT_ID) });
    const s = apply(early, opened('bot', []), { type: 'entry', entry: entry('old', 10, BOT_ID) });
    expect(s.entries.map((e) => `${e.conversationId}:${e.seq}`)).toEqual([`${C}:1`]);
    expect(s.unread).toBe(0); // the log loaded with the conversation is not news
  });

  it('counts what the bot and agents say while the panel is closed, not what the visitor says', () => {
    let s = start({ type: 'entry', entry: entry(C, 2, V) }, { type: 'entry', entry: entry(C, 3, BOT_ID) }, { type: 'entry', entry: entry(C, 4, 'agent') },
      { type: 'entry', entry: system(C, 5, 'agent_joined') });
    expect(s.unread).toBe(2);
    s = apply(s, { type: 'panel', open: true });
    expect(s.unread).toBe(0);
    expect(apply(s, { type: 'entry', entry: entry(C, 6, 'agent') }).unread).toBe(0);
  });

  it('shows the place in the queue and the estimate, and forgets them when an agent takes it', () => {
    let s = start({ type: 'state', push: { conversationId: C, state: 'queued' } });
    expect(s.queue).toEqual({});
    s = apply(s, { type: 'state', push: { conversationId: C, state: 'queued', position: 3, estimatedWaitSeconds: 120 } });
    expect(s.queue).toEqual({ position: 3, etaSeconds: 120 });
    s = apply(s, { type: 'state', push: { conversationId: C, state: 'queued', position: 2 } });
    expect(s.queue).toEqual({ position: 2, etaSeconds: undefined }); // nobody served lately: no estimate
    s = apply(s, { type: 'state', push: { conversationId: C, state: 'assigned', agentId: 'a1' } });
    expect(s.queue).toBeNull();
    expect(s.hadAgent).toBe(true);
    expect(s.conversation?.agentId).toBe('a1');
  });

  it('ignores state pushes of another conversation', () => {
    const s = start();
    expect(apply(s, { type: 'state', push: { conversationId: 'other', state: 'closed', csat: true } })).toBe(s);
  });

  it('asks for the survey when a conversation a person handled closes, once', () => {
    let s = start({ type: 'state', push: { conversationId: C, state: 'assigned', agentId: 'a1' } });
    s = apply(s, { type: 'state', push: { conversationId: C, state: 'closed', csat: true } }, { type: 'entry', entry: system(C, 2, 'closed') });
    expect(isClosed(s)).toBe(true);
    expect(s.csat).toBe('ask');
    s = apply(s, { type: 'csatSent' }, { type: 'state', push: { conversationId: C, state: 'closed', csat: true } });
    expect(s.csat).toBe('sent');
  });

  it('learns the end from the log alone too (a reconnect that fetched it), with the survey only after a person', () => {
    const withAgent = start({ type: 'entries', conversationId: C, entries: [system(C, 2, 'handoff'), system(C, 3, 'agent_joined'), system(C, 4, 'closed')] });
    expect(withAgent.conversation?.state).toBe('closed');
    expect(withAgent.csat).toBe('ask');
    const botOnly = start({ type: 'ended', conversation: { id: C, state: 'closed', openedAt: '' } });
    expect(isClosed(botOnly)).toBe(true);
    expect(botOnly.csat).toBe('none');
  });

  it('offers the offline form outside business hours and after waiting too long, and not after it was sent', () => {
    const closedHours = start({ type: 'human', outcome: 'closed_hours' });
    expect(closedHours.offlineForm).toBe('closed_hours');
    expect(closedHours.conversation?.state).toBe('bot');
    const missed = start({ type: 'state', push: { conversationId: C, state: 'queued', position: 1 } },
      { type: 'state', push: { conversationId: C, state: 'missed', offlineForm: 'max_wait' } });
    expect(missed.offlineForm).toBe('max_wait');
    expect(missed.csat).toBe('none');
    const sent = apply(missed, { type: 'offlineSent' }, { type: 'entry', entry: system(C, 2, 'missed') });
    expect(sent.offlineForm).toBeNull();
    expect(sent.offlineSent).toBe(true);
  });

  it('goes to the queue at once when visitor.human says so', () => {
    const s = start({ type: 'human', outcome: 'queued' });
    expect(s.conversation?.state).toBe('queued');
    expect(s.queue).toEqual({});
  });

  it('starts over clean for a new conversation', () => {
    const old = start({ type: 'panel', open: true }, { type: 'state', push: { conversationId: C, state: 'closed', csat: true } });
    const fresh = apply(old, { type: 'newConversation' });
    expect(fresh.conversation).toBeNull();
    expect(fresh.entries).toEqual([]);
    expect(fresh.csat).toBe('none');
    expect(fresh.visitorId).toBe(V);
    expect(fresh.panelOpen).toBe(true);
    const next = apply(fresh, { type: 'opened', conversation: { id: 'conv-2', state: 'bot', openedAt: '' }, entries: [entry('conv-2', 1, BOT_ID)] });
    expect(next.conversation?.id).toBe('conv-2');
    expect(next.entries).toHaveLength(1);
  });
});
