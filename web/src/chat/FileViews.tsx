// Files and images in messages. Downloads need the bearer token, so the bytes are fetched as a blob
// and shown through an object URL, shared by everything showing the same file and revoked when the
// last of them is unmounted. Images show as a thumbnail, larger on click; files as name, size and a
// download button that saves the file under its original name.
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { chatProblemText } from './errors';
import { downloadFile, fetchBlob, filePath, fileUrls } from './fileTransfer';
import type { FileInfo } from './types';
import { formatSize, mayRetry, progressOf, type Upload } from './uploads';
import { useChatEngine } from './context';
import { FileIcon, ImageIcon } from './icons';
import { shortTime } from './MessageItem';

/** The object URL of a file of a conversation while the component is mounted (null while loading). */
export function useFileUrl(conversationId: string, sha256: string): { url: string | null; failed: boolean } {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const key = `${conversationId}/${sha256}`;
    let live = true;
    fileUrls.acquire(key, async () => (await fetchBlob(filePath(conversationId, sha256))).blob).then(
      (u) => { if (live) setUrl(u); },
      () => { if (live) setFailed(true); },
    );
    return () => { live = false; fileUrls.release(key); };
  }, [conversationId, sha256]);
  return { url, failed };
}

export function ImageMessage({ conversationId, file, onError }: { conversationId: string; file: FileInfo; onError: (e: unknown) => void }) {
  const { t } = useI18n();
  const { url, failed } = useFileUrl(conversationId, file.sha256);
  const [large, setLarge] = useState(false);
  return (
    <>
      <button type="button" className="image-thumb" data-testid="message-image" title={file.name} onClick={() => setLarge(true)} disabled={!url}>
        {url ? <img src={url} alt={file.name} data-testid="message-image-img" />
          : <span className="muted small">{failed ? t('imageLoadFailed') : t('loading')}</span>}
      </button>
      {large && url && <ImageViewer url={url} file={file} conversationId={conversationId} onError={onError} onClose={() => setLarge(false)} />}
    </>
  );
}

function ImageViewer({ url, file, conversationId, onError, onClose }: {
  url: string; file: FileInfo; conversationId: string; onError: (e: unknown) => void; onClose: () => void;
}) {
  const { t } = useI18n();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') onClose(); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="modal image-viewer" role="dialog" aria-label={file.name} data-testid="image-viewer" onClick={(e) => e.stopPropagation()}>
        <img src={url} alt={file.name} />
        <div className="buttons">
          <span className="muted small file-caption">{file.name} · {formatSize(file.size)}</span>
          <button data-testid="image-download" onClick={() => downloadFile(conversationId, file.sha256, file.name).catch(onError)}>{t('download')}</button>
          <button className="primary" data-testid="image-viewer-close" onClick={onClose}>{t('close')}</button>
        </div>
      </div>
    </div>
  );
}

export function FileMessage({ conversationId, file, onError }: { conversationId: string; file: FileInfo; onError: (e: unknown) => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const download = () => {
    setBusy(true);
    downloadFile(conversationId, file.sha256, file.name).catch(onError).finally(() => setBusy(false));
  };
  return (
    <span className="file-card" data-testid="message-file">
      <span className="file-icon"><FileIcon /></span>
      <span className="file-text">
        <span className="file-name" data-testid="file-name">{file.name}</span>
        <span className="muted small" data-testid="file-size">{formatSize(file.size)}</span>
      </span>
      <button type="button" className="link" data-testid="file-download" disabled={busy} onClick={download}>{busy ? t('loading') : t('download')}</button>
    </span>
  );
}

/** A file or image on its way: progress, then the message replaces it; a failure says why (retry / discard). */
export function UploadItem({ u }: { u: Upload }) {
  const { t, lang } = useI18n();
  const engine = useChatEngine();
  const percent = Math.round(progressOf(u) * 100);
  let status: React.ReactNode;
  if (u.state === 'failed') {
    status = <>
      {t('sendFailed')}: {u.error ? chatProblemText(lang, u.error) : ''}
      {' '}{mayRetry(u) && <button className="link" data-testid="upload-retry" onClick={() => engine.retryUpload(u.clientMsgId)}>{t('retry')}</button>}
      <button className="link" data-testid="upload-discard" onClick={() => engine.discardUpload(u.clientMsgId)}>{t('discard')}</button>
    </>;
  } else if (u.state === 'queued') {
    status = <>{t('uploadQueued')} <button className="link" data-testid="upload-cancel" onClick={() => engine.discardUpload(u.clientMsgId)}>{t('cancel')}</button></>;
  } else if (u.state === 'waiting') {
    status = <>{t('uploadWaiting')} <button className="link" onClick={() => engine.discardUpload(u.clientMsgId)}>{t('cancel')}</button></>;
  } else {
    status = <>{percent >= 100 ? t('uploadFinishing') : t('uploading', { percent })}
      {' '}<button className="link" data-testid="upload-cancel" onClick={() => engine.discardUpload(u.clientMsgId)}>{t('cancel')}</button></>;
  }
  return (
    <div className="message mine pending" data-testid="upload-pending" data-client-msg-id={u.clientMsgId} data-state={u.state}>
      <div className="message-meta muted small">{shortTime(u.createdAt, lang)}</div>
      <div className="bubble-row">
        <div className="bubble">
          <span className="file-card">
            <span className="file-icon">{u.contentType.startsWith('image/') ? <ImageIcon /> : <FileIcon />}</span>
            <span className="file-text">
              <span className="file-name">{u.name}</span>
              <span className="muted small">{formatSize(u.size)}</span>
            </span>
          </span>
          {u.state !== 'failed' && <progress className="upload-progress" max={100} value={percent} data-testid="upload-progress" />}
        </div>
      </div>
      <div className={`message-status${u.state === 'failed' ? ' danger' : ''}`} data-testid="upload-status">{status}</div>
    </div>
  );
}
