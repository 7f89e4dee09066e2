// Canned responses: /shortcut → text, inserted by agents in their replies.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { Banner, Field, useFormError } from '../../ui';
import { deskApi } from '../deskApi';
import type { Canned } from '../types';

export function CannedAdmin() {
  const { t } = useI18n();
  const [items, setItems] = useState<Canned[] | null>(null);
  const [shortcut, setShortcut] = useState('');
  const [text, setText] = useState('');
  const { error, capture, setError } = useFormError();
  const load = useCallback(() => { deskApi.canned().then((r) => setItems(r.items), (e) => { capture(e); setItems([]); }); }, []); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(load, [load]);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await deskApi.addCanned(shortcut.replace(/^\//, '').trim(), text);
      setShortcut('');
      setText('');
      load();
    } catch (err) {
      capture(err);
    }
  };
  const remove = async (c: Canned) => {
    setError(null);
    try {
      if (c.id) await deskApi.deleteCanned(c.id);
      load();
    } catch (err) {
      capture(err);
    }
  };
  return (
    <section className="narrow">
      <p className="muted">{t('desk_cannedExplain')}</p>
      <form onSubmit={add} className="desk-inline-form" data-testid="canned-form">
        <Field label={t('desk_shortcut')} name="shortcut" value={shortcut} onChange={setShortcut} error={error} testId="canned-shortcut" required />
        <label className="field grow"><span>{t('desk_cannedText')}</span>
          <textarea rows={2} value={text} data-testid="canned-text" onChange={(e) => setText(e.target.value)} required />
          {error?.field === 'text' && <small className="field-error" role="alert">{error.message}</small>}
        </label>
        <button className="primary" data-testid="canned-add">{t('desk_addCanned')}</button>
      </form>
      <Banner error={error} fields={['shortcut', 'text']} />
      {items === null ? <p className="muted">{t('loading')}</p> : items.length === 0 ? <p className="muted">{t('desk_noCanned')}</p> : (
        <table className="table">
          <thead><tr><th>{t('desk_shortcut')}</th><th>{t('desk_cannedText')}</th><th /></tr></thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id ?? c.shortcut} data-testid="canned-row">
                <td><code>/{c.shortcut}</code></td><td className="pre">{c.text}</td>
                <td className="actions"><button className="link danger" onClick={() => remove(c)}>{t('delete')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
