import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, onUnauthorized, tokens } from './api';
import { noticeApi } from './notices/noticeApi';

function respond(status: number, body: unknown, contentType = 'application/problem+json') {
  return vi.fn().mockResolvedValue(new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': contentType } }));
}

describe('api client', () => {
  afterEach(() => { vi.unstubAllGlobals(); localStorage.clear(); });

  it('turns problem+json into an ApiError with code, field and detail', async () => {
    vi.stubGlobal('fetch', respond(400, { status: 400, code: 'invalid_email', field: 'email', detail: 'email is not a valid e-mail address' }));
    const err = await api.login('x', 'y').catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('invalid_email');
    expect(err.field).toBe('email');
    expect(err.detail).toBe('email is not a valid e-mail address');
  });

  it('exposes the per-row report of a rejected import', async () => {
    vi.stubGlobal('fetch', respond(422, { code: 'import_rejected', detail: '1 row(s)', rows: [{ row: 3, field: 'email', code: 'invalid_email', message: 'bad' }] }));
    const err = (await api.importCsv('name,email\n').catch((e) => e)) as ApiError;
    expect(err.rows).toEqual([{ row: 3, field: 'email', code: 'invalid_email', message: 'bad' }]);
  });

  it('sends the bearer token and reports an ended session', async () => {
    tokens.set('qq_token');
    const fetchMock = respond(401, { code: 'invalid_token', detail: 'ended' });
    vi.stubGlobal('fetch', fetchMock);
    const ended = vi.fn();
    onUnauthorized(ended);
    await api.me().catch(() => {});
    expect(fetchMock.mock.calls[0][1].headers.Authorization).toBe('Bearer qq_token');
    expect(ended).toHaveBeenCalledOnce();
  });

  it('reports a network failure as network_error', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('offline')));
    const err = (await api.clientConfig().catch((e) => e)) as ApiError;
    expect(err.code).toBe('network_error');
  });
  it('sends an urgent notice with its Idempotency-Key', async () => {
    const fetchMock = respond(201, { id: 'n1', recipientCount: 2 }, 'application/json');
    vi.stubGlobal('fetch', fetchMock);
    const n = await noticeApi.send({ text: 'drill', memberIds: [], departmentIds: ['d1'] }, 'key-1');
    expect(n.recipientCount).toBe(2);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v1/urgent-notices');
    expect(init.headers['Idempotency-Key']).toBe('key-1');
    expect(JSON.parse(init.body)).toEqual({ text: 'drill', memberIds: [], departmentIds: ['d1'] });
  });

  it('carries a 429’s retryAfterSeconds', async () => {
    vi.stubGlobal('fetch', respond(429, { code: 'renotify_too_soon', detail: 'Notify again at most once a minute', retryAfterSeconds: 42 }));
    const err = (await noticeApi.renotify('n1').catch((e) => e)) as ApiError;
    expect(err.code).toBe('renotify_too_soon');
    expect(err.extra.retryAfterSeconds).toBe(42);
  });
});
