import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AttendanceDialog } from './Attendance';
import { EditMeetingDialog } from './EditMeeting';
import { meeting } from './fixtures.test-util';
import { ShareToChatDialog } from './ShareToChat';

afterEach(() => { cleanup(); vi.unstubAllGlobals(); });

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const group = (id: string, title: string, lastEntryAt: string) => ({ id, kind: 'group', title, peerId: null, dissolved: false, lastEntryAt });

/** fetch answering by method and path; the calls are kept. */
function serve(routes: Record<string, (init: RequestInit) => Response>) {
  const f = vi.fn(async (url: string, init: RequestInit = {}) => {
    const key = `${init.method ?? 'GET'} ${url.replace(/\?.*$/, '')}`;
    const h = routes[key];
    if (!h) throw new Error(`unexpected ${key}`);
    return h(init);
  });
  vi.stubGlobal('fetch', f);
  return f;
}

describe('share to chat', () => {
  it('lists my conversations, narrows them by title and posts the card with an Idempotency-Key', async () => {
    const f = serve({
      'GET /api/v1/conversations': () => json({ items: [group('c1', 'Design team', '2026-01-01T00:00:00Z'), group('c2', 'Sales', '2026-01-02T00:00:00Z')], nextCursor: '' }),
      'POST /api/v1/meetings/m1/card': () => json({ entry: { id: 'e1' }, duplicate: false }, 201),
    });
    render(<ShareToChatDialog m={meeting()} onClose={() => {}} />);
    await waitFor(() => expect(screen.getAllByTestId('share-chat-item')).toHaveLength(2));
    fireEvent.change(screen.getByTestId('share-chat-search'), { target: { value: 'design' } });
    expect(screen.getAllByTestId('share-chat-item').map((e) => e.dataset.conversationId)).toEqual(['c1']);
    fireEvent.click(screen.getByTestId('share-chat-send'));
    await waitFor(() => expect(screen.getByTestId('share-chat-done').textContent).toBe('Shared to Design team.'));
    const [, init] = f.mock.calls.find(([u]) => String(u).endsWith('/card'))!;
    const body = JSON.parse(String(init!.body));
    expect(body.conversationId).toBe('c1');
    expect((init!.headers as Record<string, string>)['Idempotency-Key']).toBe(body.clientMsgId);
  });
  it('shows the problem when the chat refuses the card', async () => {
    serve({
      'GET /api/v1/conversations': () => json({ items: [group('c1', 'Design team', '2026-01-01T00:00:00Z')], nextCursor: '' }),
      'POST /api/v1/meetings/m1/card': () => json({ code: 'muted', detail: 'muted' }, 403),
    });
    render(<ShareToChatDialog m={meeting()} onClose={() => {}} />);
    fireEvent.click(await screen.findByTestId('share-chat-send'));
    await waitFor(() => expect(screen.getByTestId('banner-error').textContent).toBe('You are muted in this conversation.'));
  });
});

describe('editing a meeting', () => {
  it('sends only what changed and shows the server’s field error next to the field', async () => {
    const f = serve({ 'PATCH /api/v1/meetings/m1': () => json({ code: 'start_in_past', field: 'startAt', detail: 'startAt is in the past' }, 400) });
    const m = meeting({ kind: 'scheduled', status: 'scheduled', startAt: '2026-03-02T09:00:00Z', durationMinutes: 60 });
    render(<EditMeetingDialog m={m} onClose={() => {}} onSaved={() => {}} />);
    fireEvent.change(screen.getByTestId('edit-start'), { target: { value: '2020-01-01T10:00' } });
    fireEvent.click(screen.getByTestId('edit-submit'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The start time is in the past.'));
    expect(screen.getByTestId('edit-start').getAttribute('aria-invalid')).toBe('true');
    expect(Object.keys(JSON.parse(String(f.mock.calls[0][1]!.body)))).toEqual(['startAt']);
  });
});

describe('attendance', () => {
  it('reads every page and shows the sessions with the total', async () => {
    const s = (id: string, minutes: number) => ({ id, runId: 'r1', participantId: id, memberId: null, guest: true, displayName: id, joinedAt: '2026-01-01T09:00:00Z', leftAt: null, reason: null, participantMinutes: minutes });
    let calls = 0;
    serve({
      'GET /api/v1/meetings/m1/attendance': () => json(++calls === 1
        ? { runs: [{ id: 'r1', startedAt: '2026-01-01T09:00:00Z', endedAt: null }], items: [s('a', 10)], nextCursor: 'next' }
        : { runs: [], items: [s('b', 5)], nextCursor: '' }),
    });
    render(<AttendanceDialog m={{ id: 'm1', number: '123456789', title: 'Weekly' }} onClose={() => {}} />);
    await waitFor(() => expect(screen.getAllByTestId('attendance-row')).toHaveLength(2));
    expect(screen.getByTestId('attendance-total').textContent).toBe('15');
  });
});
