// An admin exports a conversation's kept history (JSON or CSV, downloaded with the token; the server audits every export).
import { useState } from 'react';
import { useI18n } from '../i18n';
import { downloadExport } from './fileTransfer';

export function ExportButtons({ conversationId, onError }: { conversationId: string; onError: (e: unknown) => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const run = (format: 'json' | 'csv') => {
    setBusy(true);
    downloadExport(conversationId, format).catch(onError).finally(() => setBusy(false));
  };
  return (
    <div className="export-buttons" data-testid="export-buttons">
      <button disabled={busy} data-testid="export-json" onClick={() => run('json')}>{t('exportJson')}</button>
      <button disabled={busy} data-testid="export-csv" onClick={() => run('csv')}>{t('exportCsv')}</button>
      <p className="muted small">{t('exportExplain')}</p>
    </div>
  );
}
