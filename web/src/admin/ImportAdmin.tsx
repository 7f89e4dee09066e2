// Bulk onboarding from CSV: all rows or none, with a per-row report of what to fix.
import { useState, type FormEvent } from 'react';
import { api, ApiError, type ImportRowError } from '../api';
import { problemText, useI18n } from '../i18n';
import { useSession } from '../session';
import { Banner, useFormError } from '../ui';

export function ImportReport({ rows }: { rows: ImportRowError[] }) {
  const { t, lang } = useI18n();
  return (
    <div data-testid="import-report" className="report">
      <p className="banner error">{t('importRejected')}</p>
      <table className="table">
        <thead><tr><th>{t('row')}</th><th>{t('field')}</th><th>{t('problem')}</th></tr></thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} data-testid="import-row-error"><td>{r.row}</td><td>{r.field}</td><td>{problemText(lang, r.code, r.message)}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ImportAdmin() {
  const { t } = useI18n();
  const { refresh } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [rows, setRows] = useState<ImportRowError[]>([]);
  const [result, setResult] = useState<{ imported: number; createdDepartments: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const { error, capture, setError } = useFormError();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setRows([]);
    setResult(null);
    setError(null);
    try {
      setResult(await api.importCsv(await file.text()));
      refresh();
    } catch (err) {
      if (err instanceof ApiError && err.rows.length > 0) setRows(err.rows);
      else capture(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="narrow">
      <p>{t('importExplain')}</p>
      <p><a href="/api/v1/members/import/template" onClick={async (e) => {
        e.preventDefault();
        const res = await fetch('/api/v1/members/import/template', { headers: { Authorization: `Bearer ${localStorage.getItem('queqiao.token')}` } });
        const url = URL.createObjectURL(await res.blob());
        Object.assign(document.createElement('a'), { href: url, download: 'queqiao-members.csv' }).click();
      }}>{t('downloadTemplate')}</a></p>
      <form onSubmit={submit} className="toolbar">
        <input type="file" accept=".csv,text/csv" aria-label={t('chooseFile')} data-testid="import-file"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <button className="primary" disabled={!file || busy} data-testid="import-submit">{busy ? t('loading') : t('upload')}</button>
      </form>
      <Banner error={error} />
      {result && <div className="banner ok" data-testid="import-success">{t('importDone', { n: result.imported, d: result.createdDepartments })}</div>}
      {rows.length > 0 && <ImportReport rows={rows} />}
      <h2>{t('activationCodes')}</h2>
      <p>{t('activationExplain')}</p>
      <button data-testid="activation-codes" onClick={async () => {
        const res = await fetch('/api/v1/members/activation-codes', { method: 'POST', headers: { Authorization: `Bearer ${localStorage.getItem('queqiao.token')}` } });
        if (!res.ok) { setError({ message: t('networkError') }); return; }
        const url = URL.createObjectURL(await res.blob());
        Object.assign(document.createElement('a'), { href: url, download: 'queqiao-activation-codes.csv' }).click();
      }}>{t('downloadActivationCodes')}</button>
    </section>
  );
}
