// The widget's forms: who the visitor is (when the channel asks before the chat), a message for later
// (closed hours, or waited too long), and the satisfaction survey after a person helped.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { useWidget } from './context';
import type { OfflineReason } from './state';
import { widgetError } from './strings';

interface Problem { field?: string; message: string }

function useProblem() {
  const { lang } = useWidget();
  const [problem, setProblem] = useState<Problem | null>(null);
  const capture = (e: unknown) => setProblem({ field: e instanceof ApiError ? e.field : undefined, message: widgetError(lang, e) });
  return { problem, setProblem, capture };
}

function Input({ label, name, value, onChange, problem, type = 'text', testId }: {
  label: string; name: string; value: string; onChange: (v: string) => void; problem: Problem | null; type?: string; testId: string;
}) {
  const err = problem?.field === name ? problem.message : null;
  return (
    <label className="w-field">
      <span>{label}</span>
      <input name={name} type={type} value={value} data-testid={testId} aria-invalid={!!err} onChange={(e) => onChange(e.target.value)} />
      {err && <small className="w-error-text" role="alert">{err}</small>}
    </label>
  );
}

function FormError({ problem, fields }: { problem: Problem | null; fields: string[] }) {
  if (!problem || (problem.field && fields.includes(problem.field))) return null;
  return <div className="w-error" role="alert" data-testid="widget-form-error">{problem.message}</div>;
}

export function PreChatForm() {
  const { t, client } = useWidget();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const { problem, setProblem, capture } = useProblem();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) { setProblem({ field: 'name', message: t('nameRequired') }); return; }
    if (!email.trim() && !phone.trim()) { setProblem({ message: t('contactRequired') }); return; }
    setBusy(true);
    setProblem(null);
    try {
      await client.start({ name, email, phone });
    } catch (err) {
      capture(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="w-form" onSubmit={submit} data-testid="prechat-form">
      <h2>{t('preChatTitle')}</h2>
      <p className="w-muted">{t('preChatExplain')}</p>
      <Input label={t('name')} name="name" value={name} onChange={setName} problem={problem} testId="prechat-name" />
      <Input label={t('email')} name="email" type="email" value={email} onChange={setEmail} problem={problem} testId="prechat-email" />
      <Input label={t('phone')} name="phone" type="tel" value={phone} onChange={setPhone} problem={problem} testId="prechat-phone" />
      <FormError problem={problem} fields={['name', 'email', 'phone']} />
      <button className="w-primary" disabled={busy} data-testid="prechat-submit">{t('startChat')}</button>
    </form>
  );
}

export function OfflineForm({ reason }: { reason: OfflineReason }) {
  const { t, client } = useWidget();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const { problem, setProblem, capture } = useProblem();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!email.trim() && !phone.trim()) { setProblem({ field: 'email', message: t('contactRequired') }); return; }
    setBusy(true);
    setProblem(null);
    try {
      await client.leaveMessage({ name, email, phone, text });
    } catch (err) {
      capture(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="w-form w-card" onSubmit={submit} data-testid="offline-form">
      <h2>{t('offlineTitle')}</h2>
      <p className="w-muted">{reason === 'closed_hours' ? t('offlineClosedHours') : t('offlineMaxWait')}</p>
      <Input label={t('name')} name="name" value={name} onChange={setName} problem={problem} testId="offline-name" />
      <Input label={t('email')} name="email" type="email" value={email} onChange={setEmail} problem={problem} testId="offline-email" />
      <Input label={t('phone')} name="phone" type="tel" value={phone} onChange={setPhone} problem={problem} testId="offline-phone" />
      <label className="w-field">
        <span>{t('message')}</span>
        <textarea name="text" rows={3} value={text} data-testid="offline-text" onChange={(e) => setText(e.target.value)} />
        {problem?.field === 'text' && <small className="w-error-text" role="alert">{problem.message}</small>}
      </label>
      <FormError problem={problem} fields={['name', 'email', 'phone', 'text']} />
      <button className="w-primary" disabled={busy} data-testid="offline-submit">{t('leaveMessage')}</button>
    </form>
  );
}

export function CsatForm() {
  const { t, client } = useWidget();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const { problem, setProblem, capture } = useProblem();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (score < 1) { setProblem({ message: t('csatChoose') }); return; }
    setBusy(true);
    setProblem(null);
    try {
      await client.rate(score, comment);
    } catch (err) {
      capture(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="w-form w-card" onSubmit={submit} data-testid="csat-form">
      <h2>{t('csatTitle')}</h2>
      <div className="w-stars" role="radiogroup" aria-label={t('csatTitle')}>
        {[1, 2, 3, 4, 5].map((n) => (
          <button key={n} type="button" role="radio" aria-checked={score === n} aria-label={t('csatScore', { n })} data-testid={`csat-${n}`}
            className={`w-star${n <= score ? ' on' : ''}`} onClick={() => setScore(n)}>★</button>
        ))}
      </div>
      <label className="w-field">
        <span>{t('csatComment')}</span>
        <textarea rows={2} maxLength={1000} value={comment} data-testid="csat-comment" onChange={(e) => setComment(e.target.value)} />
      </label>
      <FormError problem={problem} fields={[]} />
      <button className="w-primary" disabled={busy} data-testid="csat-submit">{t('csatSubmit')}</button>
    </form>
  );
}
