import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { chatProblemText, megabytes } from './errors';
import { ObjectUrls, fileNameOf, uploadProblem } from './fileTransfer';

describe('object URLs of downloaded files', () => {
  function make() {
    let n = 0;
    const revoked: string[] = [];
    const urls = new ObjectUrls(() => `blob:${++n}`, (u) => revoked.push(u));
    return { urls, revoked };
  }

  it('loads a file once for everyone showing it and revokes the URL when the last one goes', async () => {
    const { urls, revoked } = make();
    const load = vi.fn(async () => new Blob(['x']));
    const [a, b] = await Promise.all([urls.acquire('k', load), urls.acquire('k', load)]);
    expect(a).toBe('blob:1');
    expect(b).toBe('blob:1');
    expect(load).toHaveBeenCalledTimes(1);
    urls.release('k');
    expect(revoked).toEqual([]);
    urls.release('k');
    expect(revoked).toEqual(['blob:1']);
    expect(urls.size).toBe(0);
  });

  it('revokes a URL that arrives after its component is gone', async () => {
    const { urls, revoked } = make();
    let done!: (b: Blob) => void;
    const p = urls.acquire('k', () => new Promise((r) => { done = r; }));
    urls.release('k');
    done(new Blob(['x']));
    await expect(p).rejects.toBeInstanceOf(ApiError);
    expect(revoked).toEqual(['blob:1']);
  });

  it('tries again after a failed load', async () => {
    const { urls } = make();
    await expect(urls.acquire('k', async () => { throw new Error('offline'); })).rejects.toThrow('offline');
    expect(await urls.acquire('k', async () => new Blob(['x']))).toBe('blob:1');
  });

  it('reads an upload refused by its Content-Length (body_too_large) as file_too_large with the limit', () => {
    const e = uploadProblem(new ApiError(413, 'body_too_large', undefined, 'The request body is larger than 104857600 bytes'));
    expect(e.code).toBe('file_too_large');
    expect(e.extra.limit).toBe(104857600);
    expect(chatProblemText('zh-CN', e)).toBe('文件超过了 100 MB 的大小上限。');
    const other = new ApiError(400, 'empty_file', 'file', 'x');
    expect(uploadProblem(other)).toBe(other);
  });

  it('reads the file name of Content-Disposition', () => {
    expect(fileNameOf("inline; filename*=UTF-8''%E7%97%85%E5%8E%86%20scan.png")).toBe('病历 scan.png');
    expect(fileNameOf('attachment; filename="conversation-1.csv"')).toBe('conversation-1.csv');
    expect(fileNameOf(null)).toBeNull();
  });
});

describe('chat problems', () => {
  it('names the size limit of a file too large, in MB', () => {
    const e = new ApiError(413, 'file_too_large', 'file', 'Files are limited to 100 MB', { limit: 104857600 });
    expect(chatProblemText('en', e)).toBe('The file is larger than the 100 MB limit.');
    expect(chatProblemText('zh-CN', e)).toBe('文件超过了 100 MB 的大小上限。');
    expect(megabytes(1.5 * 1024 * 1024)).toBe('1.5');
  });

  it('names the blocked words of a refused message', () => {
    const e = new ApiError(400, 'sensitive_content', 'text', 'The message contains…', { words: ['降价', '内幕'] });
    expect(chatProblemText('zh-CN', e)).toBe('未发送：包含本组织禁止发送的词 “降价”、“内幕”。');
    expect(chatProblemText('en', e)).toBe('Not sent: your organisation does not allow “降价”, “内幕”.');
  });

  it('translates the other file errors, and falls back to the server’s words for unknown codes', () => {
    expect(chatProblemText('zh-CN', new ApiError(400, 'empty_file', 'file', 'x'))).toBe('文件是空的。');
    expect(chatProblemText('en', new ApiError(404, 'no_such_file', undefined, 'x'))).toBe('This file is not available, or you are not in the conversation.');
    expect(chatProblemText('en', new ApiError(400, 'invalid_file_name', 'name', 'x'))).toContain('file name');
    expect(chatProblemText('en', new ApiError(400, 'something_new', undefined, 'As the server says'))).toBe('As the server says');
    expect(chatProblemText('en', new ApiError(0, 'network_error', undefined, 'network'))).toContain('Cannot reach the server');
  });
});
