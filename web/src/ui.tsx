// Small shared pieces: form fields that show the server's field errors, banners, modals.
import { useState, type ReactNode } from 'react';
import { ApiError } from './api';
import { problemText, useI18n } from './i18n';

/** The error of one form: a field error (shown under that field) or a banner. */
export interface FormError { field?: string; message: string }

export function useFormError() {
  const { t, lang } = useI18n();
  const [error, setError] = useState<FormError | null>(null);
  const capture = (e: unknown) => {
    if (e instanceof ApiError) setError({ field: e.field, message: e.code === 'network_error' ? t('networkError') : problemText(lang, e.code, e.detail, e.extra) });
    else setError({ message: String(e) });
  };
  return { error, setError, capture };
}

export function Field(props: {
  label: string; name: string; value: string; onChange: (v: string) => void; type?: string; error?: FormError | null;
  testId?: string; autoComplete?: string; required?: boolean;
}) {
  const err = props.error && props.error.field === props.name ? props.error.message : null;
  return (
    <label className={`field${err ? ' has-error' : ''}`}>
      <span>{props.label}</span>
      <input name={props.name} type={props.type ?? 'text'} value={props.value} data-testid={props.testId}
        autoComplete={props.autoComplete} required={props.required} aria-invalid={!!err}
        onChange={(e) => props.onChange(e.target.value)} />
      {err && <small className="field-error" role="alert">{err}</small>}
    </label>
  );
}

/** A form-level error that did not name a field (or named one this form does not show). */
export function Banner({ error, fields = [] }: { error: FormError | null; fields?: string[] }) {
  if (!error || (error.field && fields.includes(error.field))) return null;
  return <div className="banner error" role="alert" data-testid="banner-error">{error.message}</div>;
}

export function Notice({ children }: { children: ReactNode }) {
  return <div className="banner ok" role="status">{children}</div>;
}

export function Modal({ title, children, onClose }: { title: string; children: ReactNode; onClose: () => void }) {
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="modal" role="dialog" aria-label={title} onClick={(e) => e.stopPropagation()}>
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
}

export function CopyButton({ text }: { text: string }) {
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  return (
    <button type="button" className="link" onClick={() => {
      navigator.clipboard?.writeText(text).then(() => setDone(true), () => setDone(false));
    }}>{done ? t('copied') : t('copy')}</button>
  );
}

export function formatTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'medium', timeStyle: 'short' });
}
