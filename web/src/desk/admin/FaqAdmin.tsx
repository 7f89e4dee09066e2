// The bot's knowledge base: the questions (filter, add, edit, delete), CSV import (every row or none;
// the rows to fix when it is rejected) with its template, and the questions the bot could not answer.
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { problemText, useI18n } from '../../i18n';
import { Banner, Field, formatTime, Modal, useFormError } from '../../ui';
import { deskApi } from '../deskApi';
import { emptyFaqForm, faqToForm, filterFaqs, formToFaq, importErrors, type FaqForm } from '../faq';
import type { Faq, FaqImportError, Unanswered } from '../types';

export function FaqAdmin() {
  const { t } = useI18n();
  const [faqs, setFaqs] = useState<Faq[] | null>(null);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<{ faq: Faq | null; form: FaqForm } | null>(null);
  const [deleting, setDeleting] = useState<Faq | null>(null);
  const { error, capture, setError } = useFormError();
  const load = useCallback(() => { deskApi.faqs().then((r) => setFaqs(r.items), (e) => { capture(e); setFaqs([]); }); }, []); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(load, [load]);
  const shown = useMemo(() => filterFaqs(faqs ?? [], filter), [faqs, filter]);
  const remove = async (f: Faq) => {
    setDeleting(null);
    setError(null);
    try {
      await deskApi.deleteFaq(f.id);
      load();
    } catch (e) {
      capture(e);
    }
  };
  return (
    <section>
      <div className="toolbar">
        <button className="primary" data-testid="faq-new" onClick={() => setEditing({ faq: null, form: emptyFaqForm })}>{t('desk_newFaq')}</button>
        <input className="search" value={filter} placeholder={t('desk_filterFaqs')} aria-label={t('desk_filterFaqs')} data-testid="faq-filter" onChange={(e) => setFilter(e.target.value)} />
        {faqs && <span className="muted">{t('desk_faqCount', { n: faqs.length })}</span>}
      </div>
      <Banner error={error} />
      {faqs === null ? <p className="muted">{t('loading')}</p> : faqs.length === 0 ? <p className="muted">{t('desk_noFaqs')}</p> : (
        <table className="table">
          <thead><tr><th>{t('desk_question')}</th><th>{t('desk_answer')}</th><th>{t('desk_category')}</th><th /></tr></thead>
          <tbody>
            {shown.map((f) => (
              <tr key={f.id} data-testid="faq-row">
                <td><strong>{f.question}</strong>{f.alternatives.length > 0 && <div className="muted small">{f.alternatives.join(' · ')}</div>}</td>
                <td className="pre small">{f.answer}</td>
                <td>{f.category ?? ''}</td>
                <td className="actions">
                  <button className="link" onClick={() => setEditing({ faq: f, form: faqToForm(f) })}>{t('edit')}</button>
                  <button className="link danger" onClick={() => setDeleting(f)}>{t('delete')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FaqImport onImported={load} />
      <UnansweredList onAnswer={(question) => setEditing({ faq: null, form: { ...emptyFaqForm, question } })} />
      {editing && <FaqDialog faq={editing.faq} initial={editing.form} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); load(); }} />}
      {deleting && (
        <Modal title={t('delete')} onClose={() => setDeleting(null)}>
          <p>{t('desk_deleteFaqConfirm', { question: deleting.question })}</p>
          <div className="buttons"><button onClick={() => setDeleting(null)}>{t('cancel')}</button><button className="danger-button" onClick={() => remove(deleting)}>{t('delete')}</button></div>
        </Modal>
      )}
    </section>
  );
}

function FaqDialog({ faq, initial, onClose, onSaved }: { faq: Faq | null; initial: FaqForm; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState(initial);
  const [busy, setBusy] = useState(false);
  const { error, capture, setError } = useFormError();
  const set = (k: keyof FaqForm) => (v: string) => setForm({ ...form, [k]: v });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (faq) await deskApi.updateFaq(faq.id, formToFaq(form));
      else await deskApi.createFaq(formToFaq(form));
      onSaved();
    } catch (err) {
      capture(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={faq ? t('desk_editFaq') : t('desk_newFaq')} onClose={onClose}>
      <form onSubmit={submit} data-testid="faq-form">
        <Field label={t('desk_question')} name="question" value={form.question} onChange={set('question')} error={error} testId="faq-question" required />
        <label className="field"><span>{t('desk_alternatives')}</span>
          <textarea rows={3} value={form.alternatives} data-testid="faq-alternatives" onChange={(e) => set('alternatives')(e.target.value)} /></label>
        <label className={`field${error?.field === 'answer' ? ' has-error' : ''}`}><span>{t('desk_answer')}</span>
          <textarea rows={4} value={form.answer} data-testid="faq-answer" required onChange={(e) => set('answer')(e.target.value)} />
          {error?.field === 'answer' && <small className="field-error" role="alert">{error.message}</small>}
        </label>
        <Field label={t('desk_category')} name="category" value={form.category} onChange={set('category')} error={error} testId="faq-category" />
        <Banner error={error} fields={['question', 'answer', 'category']} />
        <div className="buttons"><button type="button" onClick={onClose}>{t('cancel')}</button><button className="primary" disabled={busy} data-testid="faq-save">{t('save')}</button></div>
      </form>
    </Modal>
  );
}

function FaqImport({ onImported }: { onImported: () => void }) {
  const { t, lang } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [rows, setRows] = useState<FaqImportError[]>([]);
  const [done, setDone] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const { error, capture, setError } = useFormError();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setRows([]);
    setDone(null);
    setError(null);
    try {
      setDone((await deskApi.importFaqs(await file.text())).imported);
      onImported();
    } catch (err) {
      const list = importErrors(err);
      if (list && list.length) setRows(list);
      else capture(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel faq-import">
      <h2>{t('desk_importFaqs')}</h2>
      <p className="muted small">{t('desk_importExplain')}</p>
      <p><a href="/api/v1/desk/faqs/import/template" data-testid="faq-template" onClick={(e) => { e.preventDefault(); deskApi.downloadTemplate().catch(capture); }}>{t('downloadTemplate')}</a></p>
      <form onSubmit={submit} className="toolbar">
        <input type="file" accept=".csv,text/csv" aria-label={t('chooseFile')} data-testid="faq-import-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <button className="primary" disabled={!file || busy} data-testid="faq-import-submit">{busy ? t('loading') : t('upload')}</button>
      </form>
      <Banner error={error} />
      {done !== null && <div className="banner ok" data-testid="faq-import-done">{t('desk_importDone', { n: done })}</div>}
      {rows.length > 0 && (
        <div data-testid="faq-import-report">
          <p className="banner error">{t('desk_importRejected')}</p>
          <table className="table">
            <thead><tr><th>{t('row')}</th><th>{t('field')}</th><th>{t('problem')}</th></tr></thead>
            <tbody>
              {rows.map((r, i) => <tr key={i} data-testid="faq-import-error"><td>{r.row || '—'}</td><td>{r.field}</td><td>{problemText(lang, r.code, r.message)}</td></tr>)}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function UnansweredList({ onAnswer }: { onAnswer: (question: string) => void }) {
  const { t, lang } = useI18n();
  const [items, setItems] = useState<Unanswered[] | null>(null);
  const { error, capture, setError } = useFormError();
  const load = useCallback(() => { deskApi.unanswered().then((r) => setItems(r.items), (e) => { capture(e); setItems([]); }); }, []); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(load, [load]);
  const dismiss = async (u: Unanswered) => {
    setError(null);
    try {
      await deskApi.dismissUnanswered(u.normalized);
      load();
    } catch (e) {
      capture(e);
    }
  };
  return (
    <section className="panel" data-testid="faq-unanswered">
      <h2>{t('desk_unanswered')}</h2>
      <p className="muted small">{t('desk_unansweredHint')}</p>
      <Banner error={error} />
      {items === null ? <p className="muted">{t('loading')}</p> : items.length === 0 ? <p className="muted">{t('desk_noUnanswered')}</p> : (
        <ul className="desk-list plain">
          {items.map((u) => (
            <li key={u.normalized} data-testid="unanswered-row">
              <strong>{u.question}</strong> <span className="muted small">{t('desk_timesAsked', { n: u.times, when: formatTime(u.lastAt, lang) })}</span>
              <button className="link" onClick={() => onAnswer(u.question)}>{t('desk_addAsFaq')}</button>
              <button className="link" onClick={() => dismiss(u)}>{t('desk_dismissQuestion')}</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
