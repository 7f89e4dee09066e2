// Typed client for the Queqiao HTTP API (/api/v1). Every failure becomes an ApiError carrying the
// server's problem+json: a stable `code`, the offending `field` and a human `detail`.

export type Role = 'owner' | 'admin' | 'member' | 'guest';
export interface Member {
  id: string; name: string; email: string; phone: string | null; title: string | null; avatarUrl: string | null;
  role: Role; status: 'active' | 'deactivated'; departmentIds: string[]; createdAt: string;
}
export interface Department { id: string; name: string; parentId: string | null; memberCount: number; childCount: number }
export interface Plan { id: string; name: string; quotas: Record<string, number> }
export interface Org { id: string; name: string; plan: Plan; usage: Record<string, number> }
export interface Session { id: string; deviceName: string | null; ip: string | null; userAgent: string | null; createdAt: string; lastSeenAt: string; current: boolean }
export interface SignedIn { token: string; member: Member; org: Org; mustChangePassword: boolean }
export interface Invitation { id: string; code: string; url: string; role: Role; expiresAt: string; maxUses: number | null; uses: number; revoked: boolean }
export interface AuditEntry { id: string; at: string; actorName: string | null; action: string; targetType: string | null; targetId: string | null; details: Record<string, unknown> }
export interface Page<T> { items: T[]; nextCursor: string | null }
export interface ImportRowError { row: number; field: string; code: string; message: string }

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly field: string | undefined,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
  get rows(): ImportRowError[] {
    return (this.extra.rows as ImportRowError[] | undefined) ?? [];
  }
}

const TOKEN_KEY = 'queqiao.token';
let unauthorizedHandler: () => void = () => {};

export const tokens = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (t: string) => localStorage.setItem(TOKEN_KEY, t),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

/** Called when a signed-in request answers 401: the session ended (revoked, expired, offboarded). */
export function onUnauthorized(handler: () => void) {
  unauthorizedHandler = handler;
}

export async function request<T>(method: string, path: string, body?: unknown, contentType = 'application/json',
  extraHeaders: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...extraHeaders };
  const token = tokens.get();
  if (token) headers.Authorization = `Bearer ${token}`;
  let payload: BodyInit | undefined;
  if (body !== undefined) {
    headers['Content-Type'] = contentType;
    payload = typeof body === 'string' ? body : JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { method, headers, body: payload });
  } catch {
    throw new ApiError(0, 'network_error', undefined, 'network');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const json = text ? safeJson(text) : undefined;
  if (!res.ok) throw problemOf(res.status, res.statusText, text, !!token);
  return json as T;
}

/**
 * The ApiError for a failed answer (its problem+json text), for requests made outside request()
 * (uploads with progress, downloads as blobs). A 401 with a token ends the session, as in request().
 */
export function problemOf(status: number, statusText: string, text: string, hadToken: boolean): ApiError {
  const p = ((text ? safeJson(text) : undefined) ?? {}) as Record<string, unknown>;
  const err = new ApiError(status, String(p.code ?? `http_${status}`), p.field as string | undefined, String(p.detail ?? statusText), p);
  if (status === 401 && hadToken) unauthorizedHandler();
  return err;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const q = (params: Record<string, string | undefined | null>) => {
  const s = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => { if (v) s.set(k, v); });
  const str = s.toString();
  return str ? `?${str}` : '';
};

export const api = {
  clientConfig: () => request<{ signupEnabled: boolean; gatewayUrl: string; version: string }>('GET', '/client-config'),
  signup: (b: { orgName: string; name: string; email: string; password: string }) => request<SignedIn>('POST', '/signup', { ...b, deviceName: 'Web' }),
  login: (email: string, password: string) => request<SignedIn>('POST', '/sessions', { email, password, deviceName: 'Web' }),
  logout: () => request<void>('DELETE', '/sessions/current'),
  me: () => request<{ member: Member; org: Org; mustChangePassword: boolean }>('GET', '/me'),
  sessions: () => request<{ items: Session[] }>('GET', '/me/sessions'),
  revokeSession: (id: string) => request<void>('DELETE', `/me/sessions/${id}`),
  revokeAllSessions: () => request<void>('DELETE', '/me/sessions'),
  changePassword: (currentPassword: string, newPassword: string) => request<void>('POST', '/me/password', { currentPassword, newPassword }),
  members: (p: { q?: string; departmentId?: string | null; status?: string; cursor?: string | null; limit?: number }) =>
    request<Page<Member>>('GET', `/members${q({ q: p.q, departmentId: p.departmentId, status: p.status, cursor: p.cursor, limit: p.limit ? String(p.limit) : undefined })}`),
  member: (id: string) => request<Member>('GET', `/members/${id}`),
  addMember: (b: Partial<Member>) => request<{ member: Member; temporaryPassword: string }>('POST', '/members', b),
  updateMember: (id: string, b: Partial<Member>) => request<Member>('PATCH', `/members/${id}`, b),
  deactivate: (id: string, handoverTo: string) => request<Member>('POST', `/members/${id}/deactivate`, { handoverTo }),
  resetPassword: (id: string) => request<{ temporaryPassword: string }>('POST', `/members/${id}/password-reset`, {}),
  importCsv: (csv: string) => request<{ imported: number; createdDepartments: number }>('POST', '/members/import', csv, 'text/csv'),
  departments: () => request<{ items: Department[] }>('GET', '/departments'),
  createDepartment: (name: string, parentId: string | null) => request<Department>('POST', '/departments', { name, parentId }),
  renameDepartment: (id: string, name: string) => request<Department>('PATCH', `/departments/${id}`, { name }),
  moveDepartment: (id: string, parentId: string | null) => request<Department>('PATCH', `/departments/${id}`, { parentId }),
  deleteDepartment: (id: string) => request<void>('DELETE', `/departments/${id}`),
  invitations: () => request<{ items: Invitation[] }>('GET', '/invitations'),
  createInvitation: (role: Role, expiresInHours: number, maxUses?: number) => request<Invitation>('POST', '/invitations', { role, expiresInHours, maxUses }),
  revokeInvitation: (id: string) => request<void>('DELETE', `/invitations/${id}`),
  invitation: (code: string) => request<{ orgName: string; role: Role; expiresAt: string }>('GET', `/invitations/code/${encodeURIComponent(code)}`),
  acceptInvitation: (code: string, b: { name: string; email: string; password: string }) =>
    request<SignedIn>('POST', `/invitations/code/${encodeURIComponent(code)}/accept`, { ...b, deviceName: 'Web' }),
  activate: (b: { email: string; code: string; password: string }) => request<SignedIn>('POST', '/activate', { ...b, deviceName: 'Web' }),
  audit: (cursor?: string | null) => request<Page<AuditEntry>>('GET', `/audit${q({ cursor })}`),
};
