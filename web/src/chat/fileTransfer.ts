// Moving file bytes with the bearer token: uploads with XMLHttpRequest (fetch cannot report upload
// progress), downloads with fetch as blobs (an <img src> or a plain link cannot carry the token).
// Object URLs of downloaded files are shared between the components showing them and revoked when
// the last one goes.
import { ApiError, problemOf, tokens } from '../api';
import type { SendResult } from './types';
import type { Upload } from './uploads';

const C = '/api/v1/conversations';

export function uploadFile(u: Upload, onProgress: (loaded: number) => void, signal: AbortSignal): Promise<SendResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const qs = new URLSearchParams({ name: u.name, clientMsgId: u.clientMsgId });
    xhr.open('POST', `${C}/${encodeURIComponent(u.conversationId)}/files?${qs}`);
    const token = tokens.get();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Content-Type', u.contentType);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as SendResult);
        } catch {
          reject(new ApiError(0, 'network_error', undefined, 'unreadable answer'));
        }
      } else {
        reject(uploadProblem(problemOf(xhr.status, xhr.statusText, xhr.responseText, !!token)));
      }
    };
    const lost = () => reject(new ApiError(0, 'network_error', undefined, 'network'));
    xhr.onerror = lost;
    xhr.ontimeout = lost;
    xhr.onabort = () => reject(new ApiError(0, 'aborted', undefined, 'aborted'));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(u.file);
  });
}

/**
 * The server refuses an upload whose Content-Length is over chat.max-file-bytes before reading it,
 * as `body_too_large` without `limit` (only a body without a length is answered `file_too_large`
 * with `limit`). Both read as file_too_large here, with the limit taken from the detail if need be.
 */
export function uploadProblem(e: ApiError): ApiError {
  if (e.code !== 'body_too_large') return e;
  const stated = typeof e.extra.limit === 'number' ? e.extra.limit : Number(/(\d{3,})/.exec(e.detail)?.[1]);
  return new ApiError(413, 'file_too_large', 'file', e.detail, Number.isFinite(stated) && stated > 0 ? { ...e.extra, limit: stated } : e.extra);
}

/** GET with the token, answered as a blob (and the file name the server gives, if any). */
export async function fetchBlob(path: string): Promise<{ blob: Blob; fileName: string | null }> {
  const token = tokens.get();
  let res: Response;
  try {
    res = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(0, 'network_error', undefined, 'network');
  }
  if (!res.ok) throw problemOf(res.status, res.statusText, await res.text(), !!token);
  return { blob: await res.blob(), fileName: fileNameOf(res.headers.get('Content-Disposition')) };
}

/** The file name of a Content-Disposition header (filename* first, as RFC 6266 says). */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[2].trim());
    } catch {
      // fall back to the plain filename
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : null;
}

export const filePath = (conversationId: string, sha256: string) => `${C}/${encodeURIComponent(conversationId)}/files/${encodeURIComponent(sha256)}`;

/** Hands a blob to the browser as a download under the given name. */
export function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name, rel: 'noopener' });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function downloadFile(conversationId: string, sha256: string, name: string) {
  const { blob } = await fetchBlob(filePath(conversationId, sha256));
  saveBlob(blob, name);
}

/** An admin's export of a conversation (audited by the server). */
export async function downloadExport(conversationId: string, format: 'json' | 'csv') {
  const { blob, fileName } = await fetchBlob(`${C}/${encodeURIComponent(conversationId)}/export?format=${format}`);
  saveBlob(blob, fileName ?? `conversation-${conversationId}.${format}`);
}

interface Held { count: number; url: string | null; promise: Promise<string>; revoked: boolean }

/**
 * Object URLs by key, counted: acquire() loads once however many components show the same file,
 * release() revokes the URL when the last of them is gone (also if it was still loading then).
 */
export class ObjectUrls {
  private readonly held = new Map<string, Held>();

  constructor(
    private readonly create: (b: Blob) => string = (b) => URL.createObjectURL(b),
    private readonly revoke: (url: string) => void = (u) => URL.revokeObjectURL(u),
  ) {}

  acquire(key: string, load: () => Promise<Blob>): Promise<string> {
    const h = this.held.get(key);
    if (h) { h.count++; return h.promise; }
    const entry: Held = { count: 1, url: null, revoked: false, promise: Promise.resolve('') };
    entry.promise = load().then(
      (blob) => {
        const url = this.create(blob);
        if (entry.revoked) { this.revoke(url); throw new ApiError(0, 'aborted', undefined, 'released'); }
        entry.url = url;
        return url;
      },
      (e) => {
        if (this.held.get(key) === entry) this.held.delete(key); // a later acquire tries again
        throw e;
      },
    );
    this.held.set(key, entry);
    return entry.promise;
  }

  release(key: string) {
    const h = this.held.get(key);
    if (!h || --h.count > 0) return;
    this.held.delete(key);
    h.revoked = true;
    if (h.url) this.revoke(h.url);
  }

  /** How many URLs are alive (tests). */
  get size() { return this.held.size; }
}

export const fileUrls = new ObjectUrls();
