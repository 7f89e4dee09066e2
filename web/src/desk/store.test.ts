import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { deskReducer, emptyDesk, liveOffers } from './deskState';
import { entry, FakeRt, flush, system } from './fakeRt.test-util';
import { DeskStore } from './store';
import type { DeskConversation, Entry } from './types';

const ME = 'agent-a';
const conv = (id: string, extra: Partial<DeskConversation> = {}): DeskConversation =>
  ({ id, state: 'assigned', openedAt: '2027-01-01T00:00:00Z', queuedAt: '2027-01-01T00:01:00Z', agentId: ME, visitorId: 'v1', groupId: 'g1', ...extra });
const seat = { memberId: ME, maxConcurrent: 3, status: 'online', active: 1, supervisor: false };

function setup(mine: DeskConversation[] = [conv('c1')], log: Entry[] = [entry('c1', 1, 'v1')]) {
  const ended = (id: string) => log.some((e) => e.conversationId === id && e.body.event?.type === 'closed');
  const rt = new FakeRt({
    'desk.me': () => seat,
    'desk.mine': () => ({ conversations: mine.filter((c) => !ended(c.id)) }),
    'desk.canned': () => ({ items: [{ shortcut: 'hi', text: '您好' }] }),
    'desk.detail': (d) => ({ conversation: { ...(mine.find((c) => c.id === d.conversationId) ?? conv(String(d.conversationId))), ...(ended(String(d.conversationId)) ? { state: 'closed' } : {}) }, entries: log.filter((e) => e.seq > Number(d.after)), notes: [] }),
    'chat.send': (d) => {
      const e = entry(String(d.conversationId), log.length + 1, ME, { clientMsgId: String(d.clientMsgId), body: { text: String(d.text) } });
      log.push(e);
      return { entry: e, duplicate: false };
    },
  });
  const store = new DeskStore(rt, ME);
  store.start();
  return { rt, store, log };
}

describe('the agent desk store', () => {
  it('loads my seat, conversations and canned responses when connected; a member without a seat gets none', async () => {
    const { rt, store } = setup();
    rt.becomeReady(false);
    await flush();
    expect(store.getState().seat?.status).toBe('online');
    expect(store.getState().mine).toEqual(['c1']);
    expect(store.getState().canned).toHaveLength(1);
    const other = new DeskStore(new FakeRt({ 'desk.me': () => { throw new ApiError(403, 'not_an_agent', undefined, 'no seat'); } }), 'm2');
    other.start();
    (other as unknown as { rt: FakeRt }).rt.becomeReady(false);
    await flush();
    expect(other.getState()).toMatchObject({ checked: true, seat: null });
  });

  it('opens a conversation with its history, takes live entries, counts unread elsewhere', async () => {
    const { rt, store } = setup([conv('c1'), conv('c2')]);
    rt.becomeReady(false);
    await flush();
    await store.open('c1');
    expect(store.getState().logs.c1.entries.map((e) => e.seq)).toEqual([1]);
    rt.push('desk.entry', entry('c1', 2, 'v1'));
    rt.push('desk.entry', entry('c2', 5, 'v1'));
    rt.push('desk.entry', entry('c2', 6, ME));
    expect(store.getState().logs.c1.entries.map((e) => e.seq)).toEqual([1, 2]);
    expect(store.getState().unread).toEqual({ c2: 1 });
    await store.open('c2');
    expect(store.getState().unread).toEqual({});
  });

  it('after a reconnect that could not resume, catches every open log up from its last seq', async () => {
    const { rt, store, log } = setup();
    rt.becomeReady(false);
    await flush();
    await store.open('c1');
    rt.drop();
    log.push(entry('c1', 2, 'v1'), system('c1', 3, 'closed', { by: 'system' }));
    rt.becomeReady(false);
    await flush();
    expect(rt.ops('desk.detail').at(-1)).toEqual({ conversationId: 'c1', after: 1 });
    expect(store.getState().logs.c1.entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(store.getState().conversations.c1.state).toBe('closed');
    expect(store.getState().mine).toEqual(['c1']); // still listed, ended, until dismissed
  });

  it('replies through chat.send as text, each message with its own clientMsgId', async () => {
    const { rt, store } = setup();
    rt.becomeReady(false);
    await flush();
    await store.open('c1');
    store.send('c1', ' 您好 ');
    store.send('c1', '请稍等');
    await flush();
    const sends = rt.ops('chat.send');
    expect(sends.map((s) => [s.kind, s.text])).toEqual([['text', '您好'], ['text', '请稍等']]);
    expect(new Set(sends.map((s) => s.clientMsgId)).size).toBe(2);
    expect(store.getState().outbox).toHaveLength(0);
    expect(store.getState().logs.c1.entries.map((e) => e.body.text)).toEqual(['#1', '您好', '请稍等']);
  });
});

describe('the desk state', () => {
  const now = Date.parse('2027-01-01T00:00:00Z');
  it('holds offers until accepted, declined, withdrawn or lapsed', () => {
    let s = deskReducer(emptyDesk, { type: 'offer', offer: { conversationId: 'c9', expiresAt: '2027-01-01T00:00:30Z' } }, ME);
    expect(liveOffers(s.offers, now).map((o) => o.conversationId)).toEqual(['c9']);
    expect(liveOffers(s.offers, now + 31_000)).toEqual([]);
    s = deskReducer(s, { type: 'push', push: { conversationId: 'c9', state: 'withdrawn', outcome: 'expired' } }, ME);
    expect(s.offers).toEqual({});
    s = deskReducer(s, { type: 'mine', conversations: [conv('c8', { state: 'offered', offerExpiresAt: '2027-01-01T00:00:20Z' })] }, ME);
    expect(Object.keys(s.offers)).toEqual(['c8']);
    s = deskReducer(s, { type: 'conversation', conversation: conv('c8') }, ME);
    expect(s.offers).toEqual({});
    expect(s.mine).toEqual(['c8']);
  });

  it('lets go of a conversation transferred to someone else, and keeps an ended one until dismissed', () => {
    let s = deskReducer(emptyDesk, { type: 'mine', conversations: [conv('c1'), conv('c2')] }, ME);
    s = deskReducer(s, { type: 'push', push: { conversationId: 'c1', state: 'assigned', agentId: 'agent-b' } }, ME);
    expect(s.mine).toEqual(['c2']);
    s = deskReducer(s, { type: 'push', push: { conversationId: 'c2', state: 'closed' } }, ME);
    s = deskReducer(s, { type: 'mine', conversations: [] }, ME);
    expect(s.mine).toEqual(['c2']);
    expect(s.conversations.c2.state).toBe('closed');
    s = deskReducer(s, { type: 'dismiss', id: 'c2' }, ME);
    expect(s.mine).toEqual([]);
  });
});
