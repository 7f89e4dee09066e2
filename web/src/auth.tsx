// Signing in, creating an organisation, and joining one with an invitation code.
import { useEffect, useState, type FormEvent } from 'react';
import { api, tokens, type SignedIn } from './api';
import { useI18n } from './i18n';
import { navigate } from './router';
import { Banner, Field, useFormError } from './ui';

function AuthFrame({ title, children }: { title: string; children: React.ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="auth-page">
      <div className="auth-card">
        <div className="brand"><img src="/favicon.svg" alt="" /> {t('appName')}</div>
        <p className="muted">{t('tagline')}</p>
        <h1>{title}</h1>
        {children}
      </div>
    </div>
  );
}

export function LoginPage({ onSignedIn, signupEnabled, notice }: { onSignedIn: (s: SignedIn) => void; signupEnabled: boolean; notice?: string }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const { error, capture, setError } = useFormError();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.login(email, password));
    } catch (err) {
      capture(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <AuthFrame title={t('signIn')}>
      {notice && <div className="banner">{notice}</div>}
      <form onSubmit={submit} noValidate>
        <Banner error={error} fields={['email', 'password']} />
        <Field label={t('email')} name="email" type="email" value={email} onChange={setEmail} error={error} testId="login-email" autoComplete="username" />
        <Field label={t('password')} name="password" type="password" value={password} onChange={setPassword} error={error} testId="login-password" autoComplete="current-password" />
        <button className="primary" disabled={busy} data-testid="login-submit">{t('signIn')}</button>
      </form>
      <p className="muted">{t('haveActivationCode')} <a href="/activate" onClick={(e) => { e.preventDefault(); navigate('/activate'); }}>{t('activate')}</a></p>
      {signupEnabled && (
        <p className="muted">{t('noAccount')} <a href="/signup" onClick={(e) => { e.preventDefault(); navigate('/signup'); }}>{t('signUp')}</a></p>
      )}
    </AuthFrame>
  );
}

export function SignupPage({ onSignedIn }: { onSignedIn: (s: SignedIn) => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ orgName: '', name: '', email: '', password: '' });
  const [busy, setBusy] = useState(false);
  const { error, capture, setError } = useFormError();
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.signup(form));
    } catch (err) {
      capture(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <AuthFrame title={t('signUp')}>
      <form onSubmit={submit} noValidate>
        <Banner error={error} fields={['orgName', 'name', 'email', 'password']} />
        <Field label={t('orgName')} name="orgName" value={form.orgName} onChange={set('orgName')} error={error} testId="signup-org" />
        <Field label={t('yourName')} name="name" value={form.name} onChange={set('name')} error={error} testId="signup-name" />
        <Field label={t('email')} name="email" type="email" value={form.email} onChange={set('email')} error={error} testId="signup-email" autoComplete="username" />
        <Field label={t('password')} name="password" type="password" value={form.password} onChange={set('password')} error={error} testId="signup-password" autoComplete="new-password" />
        <button className="primary" disabled={busy} data-testid="signup-submit">{t('signUp')}</button>
      </form>
      <p className="muted">{t('haveAccount')} <a href="/login" onClick={(e) => { e.preventDefault(); navigate('/login'); }}>{t('signIn')}</a></p>
    </AuthFrame>
  );
}

export function JoinPage({ code, onSignedIn }: { code: string; onSignedIn: (s: SignedIn) => void }) {
  const { t } = useI18n();
  const [info, setInfo] = useState<{ orgName: string; role: string } | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const { error, capture } = useFormError();
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  useEffect(() => {
    api.invitation(code).then(setInfo, () => setInvalid(true));
  }, [code]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      onSignedIn(await api.acceptInvitation(code, form));
    } catch (err) {
      capture(err);
    }
  };
  if (invalid) return <AuthFrame title={t('join')}><div className="banner error">{t('invitationInvalid')}</div></AuthFrame>;
  if (!info) return <AuthFrame title={t('join')}><p>{t('loading')}</p></AuthFrame>;
  return (
    <AuthFrame title={t('joinTitle', { org: info.orgName })}>
      <p>{t('joinRole', { role: t(`role_${info.role}` as 'role_member') })}</p>
      <form onSubmit={submit} noValidate>
        <Banner error={error} fields={['name', 'email', 'password']} />
        <Field label={t('yourName')} name="name" value={form.name} onChange={set('name')} error={error} />
        <Field label={t('email')} name="email" type="email" value={form.email} onChange={set('email')} error={error} />
        <Field label={t('password')} name="password" type="password" value={form.password} onChange={set('password')} error={error} />
        <button className="primary">{t('join')}</button>
      </form>
    </AuthFrame>
  );
}

export function ActivatePage({ onSignedIn }: { onSignedIn: (s: SignedIn) => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ email: '', code: '', password: '' });
  const { error, capture, setError } = useFormError();
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      onSignedIn(await api.activate(form));
    } catch (err) {
      capture(err);
    }
  };
  return (
    <AuthFrame title={t('activate')}>
      <form onSubmit={submit} noValidate>
        <Banner error={error} fields={['email', 'code', 'password']} />
        <Field label={t('email')} name="email" type="email" value={form.email} onChange={set('email')} error={error} testId="activate-email" />
        <Field label={t('activationCode')} name="code" value={form.code} onChange={set('code')} error={error} testId="activate-code" />
        <Field label={t('chooseYourPassword')} name="password" type="password" value={form.password} onChange={set('password')} error={error} testId="activate-password" autoComplete="new-password" />
        <button className="primary" data-testid="activate-submit">{t('activate')}</button>
      </form>
    </AuthFrame>
  );
}

export function rememberSignIn(s: SignedIn) {
  tokens.set(s.token);
}
