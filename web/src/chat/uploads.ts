// Files and images on their way: each upload has a clientMsgId made here once and kept for every
// attempt, so a retry after a lost answer is recognised by the server (`duplicate: true`) and never
// posts the file twice. Progress is reported while the bytes go out; answers that were lost (network,
// 5xx, 429) are retried a few times by themselves, anything else waits for the person (retry / discard).
// One conversation's files go one at a time, in the order they were picked: an upload is posted when its
// bytes are in, so files sent side by side would be posted in the order they happened to finish.
import { ApiError } from '../api';
import { isRetryable, retryDelayMs } from './outbox';
import type { Entry, SendResult } from './types';
import { newUuid } from '../uuid';

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
export const isImageType = (contentType: string) => IMAGE_TYPES.includes(contentType.toLowerCase());
/** The server's limit on file names (code points). */
export const MAX_FILE_NAME = 255;

export interface Upload {
  clientMsgId: string; conversationId: string; file: Blob; name: string; contentType: string; size: number; createdAt: string;
  /** queued: behind an earlier file of the conversation; uploading: bytes are going out; waiting: a retry is scheduled; failed: waits for the person. */
  state: 'queued' | 'uploading' | 'waiting' | 'failed';
  /** Bytes sent in the current attempt. */
  loaded: number;
  attempts: number;
  error: ApiError | null;
}

export interface UploadDeps {
  send: (u: Upload, onProgress: (loaded: number) => void, signal: AbortSignal) => Promise<SendResult>;
  onSent: (u: Upload, entry: Entry | null) => void;
  onChange: () => void;
  newId?: () => string;
  schedule?: (fn: () => void, ms: number) => () => void;
  /** chat.max-file-bytes when the server tells it (null: the server checks, 413 file_too_large). */
  maxBytes?: () => number | null;
  maxAttempts?: number;
}

/** Why a file cannot be sent at all, found before a byte goes out (null: send it). */
export function precheck(size: number, name: string, maxBytes: number | null): ApiError | null {
  if (size === 0) return new ApiError(400, 'empty_file', 'file', 'The file is empty');
  if (maxBytes !== null && size > maxBytes) return new ApiError(413, 'file_too_large', 'file', 'The file is too large', { limit: maxBytes });
  const n = name.trim();
  // eslint-disable-next-line no-control-regex
  if (!n || [...n].length > MAX_FILE_NAME || /[\u0000-\u001f\u007f-\u009f]/.test(n)) {
    return new ApiError(400, 'invalid_file_name', 'name', 'The file name is not valid');
  }
  return null;
}

/** Whether sending the same upload again can help (not for a file that is too large, empty or badly named). */
export function mayRetry(u: Upload): boolean {
  if (u.state !== 'failed' || !u.error) return false;
  return !['file_too_large', 'empty_file', 'invalid_file_name', 'invalid_content_type', 'no_such_conversation', 'conversation_dissolved'].includes(u.error.code);
}

/** Share of the bytes sent, 0–1. */
export const progressOf = (u: Pick<Upload, 'loaded' | 'size'>) => (u.size > 0 ? Math.min(1, u.loaded / u.size) : 0);

export class Uploads {
  private items: Upload[] = [];
  private readonly inFlight = new Map<string, AbortController>();
  private readonly waiting = new Map<string, () => void>();
  private readonly maxAttempts: number;
  private readonly schedule: (fn: () => void, ms: number) => () => void;
  private readonly newId: () => string;

  constructor(private readonly deps: UploadDeps) {
    this.maxAttempts = deps.maxAttempts ?? 4;
    this.schedule = deps.schedule ?? ((fn, ms) => { const t = setTimeout(fn, ms); return () => clearTimeout(t); });
    this.newId = deps.newId ?? newUuid;
  }

  all(): readonly Upload[] { return this.items; }

  of(conversationId: string): Upload[] { return this.items.filter((u) => u.conversationId === conversationId); }

  /** Queues a file for a conversation: it goes out after the conversation's earlier ones, unless it cannot be sent at all. */
  add(conversationId: string, file: Blob, name: string, contentType = file.type): Upload {
    const u: Upload = {
      clientMsgId: this.newId(), conversationId, file, name: name.trim(), contentType: contentType || 'application/octet-stream', size: file.size,
      createdAt: new Date().toISOString(), state: 'queued', loaded: 0, attempts: 0, error: null,
    };
    const refused = precheck(file.size, name, this.deps.maxBytes?.() ?? null);
    this.items = [...this.items, refused ? { ...u, state: 'failed', error: refused } : u];
    this.deps.onChange();
    this.startNext(conversationId);
    return u;
  }

  /** Sends a failed upload again, with its first clientMsgId (after the conversation's file on its way, if any). */
  retry(clientMsgId: string) {
    const u = this.items.find((x) => x.clientMsgId === clientMsgId);
    if (!u || u.state !== 'failed') return;
    this.update(clientMsgId, { state: 'queued', error: null, attempts: 0, loaded: 0 });
    this.startNext(u.conversationId);
  }

  /** Stops an upload (aborting the bytes in flight) and forgets it; the conversation's next file goes. */
  discard(clientMsgId: string) {
    const u = this.items.find((x) => x.clientMsgId === clientMsgId);
    this.cancelWait(clientMsgId);
    this.inFlight.get(clientMsgId)?.abort();
    this.inFlight.delete(clientMsgId);
    this.items = this.items.filter((x) => x.clientMsgId !== clientMsgId);
    this.deps.onChange();
    if (u) this.startNext(u.conversationId);
  }

  /** The connection is back: uploads waiting for a retry go now. */
  resendAll() {
    for (const u of this.items) if (u.state === 'waiting') this.attempt(u.clientMsgId);
  }

  /** Our own file message arrived by push: if it is one on its way here, it made it. */
  confirm(entry: Entry) {
    const u = this.items.find((x) => x.clientMsgId === entry.clientMsgId && x.conversationId === entry.conversationId);
    if (u) this.done(u, entry);
  }

  private done(u: Upload, entry: Entry | null) {
    if (!this.items.some((x) => x.clientMsgId === u.clientMsgId)) return;
    this.cancelWait(u.clientMsgId);
    this.inFlight.delete(u.clientMsgId);
    this.items = this.items.filter((x) => x.clientMsgId !== u.clientMsgId);
    this.deps.onSent(u, entry);
    this.deps.onChange();
    this.startNext(u.conversationId);
  }

  /** The conversation's first queued file goes, unless one of its files is already on its way (or about to retry). */
  private startNext(conversationId: string) {
    const mine = this.items.filter((x) => x.conversationId === conversationId);
    if (mine.some((x) => x.state === 'uploading' || x.state === 'waiting')) return;
    const next = mine.find((x) => x.state === 'queued');
    if (next) this.attempt(next.clientMsgId);
  }

  private attempt(clientMsgId: string) {
    const u = this.items.find((x) => x.clientMsgId === clientMsgId);
    if (!u || this.inFlight.has(clientMsgId)) return;
    this.cancelWait(clientMsgId);
    const abort = new AbortController();
    this.inFlight.set(clientMsgId, abort);
    const current = this.update(clientMsgId, { state: 'uploading', attempts: u.attempts + 1, loaded: 0 })!;
    const progress = (loaded: number) => {
      if (this.inFlight.get(clientMsgId) === abort) this.update(clientMsgId, { loaded });
    };
    this.deps.send(current, progress, abort.signal).then(
      (res) => {
        if (this.inFlight.get(clientMsgId) !== abort) return;
        const now = this.items.find((x) => x.clientMsgId === clientMsgId);
        if (now) this.done(now, res.entry);
      },
      (e: unknown) => {
        if (this.inFlight.get(clientMsgId) !== abort) return; // discarded, or confirmed by a push meanwhile
        this.inFlight.delete(clientMsgId);
        const now = this.items.find((x) => x.clientMsgId === clientMsgId);
        if (!now) return;
        const err = e instanceof ApiError ? e : new ApiError(0, 'network_error', undefined, String(e));
        if (isRetryable(err) && now.attempts < this.maxAttempts) {
          this.update(clientMsgId, { state: 'waiting', error: err });
          this.waiting.set(clientMsgId, this.schedule(() => { this.waiting.delete(clientMsgId); this.attempt(clientMsgId); }, retryDelayMs(err, now.attempts)));
        } else {
          this.update(clientMsgId, { state: 'failed', error: err });
          this.startNext(now.conversationId);
        }
      },
    );
  }

  private cancelWait(clientMsgId: string) {
    const cancel = this.waiting.get(clientMsgId);
    if (cancel) { cancel(); this.waiting.delete(clientMsgId); }
  }

  private update(clientMsgId: string, patch: Partial<Upload>): Upload | undefined {
    let out: Upload | undefined;
    this.items = this.items.map((u) => (u.clientMsgId === clientMsgId ? (out = { ...u, ...patch }) : u));
    this.deps.onChange();
    return out;
  }
}

/** A size for people: 532 B, 12.4 KB, 3.1 MB, 1.2 GB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return `${v >= 100 ? Math.round(v) : Math.round(v * 10) / 10} ${units[i]}`;
}
