// Chat policy (admins): how long history is kept, the sensitive words (block or mask; added one by
// one or pasted one per line), and the organisation's directory-following groups (a department's
// group, the all-staff group). The server names a bad word by its place (sensitiveWords[3]).
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useDepartments } from '../directory';
import { useI18n, type Key } from '../i18n';
import { navigate } from '../router';
import { treeRows } from '../tree';
import { formatTime } from '../ui';
import { chatApi } from '../chat/chatApi';
import { chatProblemText } from '../chat/errors';
import { useNames } from '../chat/names';
import type { ChatPolicy, Conversation, SensitiveWord, WordAction } from '../chat/types';
import { MAX_WORD_CHARS, addWords, parseBulk, parseRetention, validateWords, wordIndex } from '../chat/wordlist';
import '../chat/chat-extra.css';

/** Rows shown at once; the filter finds the others. */
const ROWS_SHOWN = 300;

interface Problem { message: string; index?: number; field?: string }

export function ChatPolicyAdmin() {
  const { t, lang } = useI18n();
  const { name } = useNames();
  const [policy, setPolicy] = useState<ChatPolicy | null>(null);
  const [retention, setRetention] = useState('0');
  const [words, setWords] = useState<SensitiveWord[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);

  const reset = (p: ChatPolicy) => { setPolicy(p); setRetention(String(p.retentionDays)); setWords(p.sensitiveWords); };
  useEffect(() => { chatApi.policy().then(reset, (e) => setProblem({ message: chatProblemText(lang, e) })); }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const dirty = !!policy && (retention.trim() !== String(policy.retentionDays) || JSON.stringify(words) !== JSON.stringify(policy.sensitiveWords));
  const edit = (next: SensitiveWord[]) => { setWords(next); setSaved(false); if (problem?.index !== undefined) setProblem(null); };
  const wordProblem = (index: number, message: string): Problem =>
    ({ index, message: t('wordProblem', { n: index + 1, word: words[index]?.word ?? '', problem: message }) });

  const save = async () => {
    setSaved(false);
    const days = parseRetention(retention);
    if (days === null) { setProblem({ field: 'retentionDays', message: t('retentionInvalid') }); return; }
    const bad = validateWords(words)[0];
    if (bad) { setProblem(wordProblem(bad.index, t(`err_${bad.code}` as Key))); return; }
    setProblem(null);
    setSaving(true);
    try {
      reset(await chatApi.updatePolicy({ retentionDays: days, sensitiveWords: words.map((w) => ({ word: w.word.trim(), action: w.action })) }));
      setSaved(true);
    } catch (e) {
      const message = chatProblemText(lang, e);
      const field = (e as { field?: string }).field;
      const index = wordIndex(field);
      setProblem(index !== null ? wordProblem(index, message) : { field, message });
    } finally {
      setSaving(false);
    }
  };

  if (!policy) return problem ? <div className="banner error" role="alert">{problem.message}</div> : <p className="muted">{t('loading')}</p>;
  return (
    <div className="narrow chat-policy">
      <section className="panel policy-section">
        <h2>{t('retention')}</h2>
        <label className={`field${problem?.field === 'retentionDays' ? ' has-error' : ''}`}>
          <span>{t('retentionDays')}</span>
          <input type="number" min={0} max={36500} step={1} value={retention} data-testid="policy-retention" style={{ maxWidth: 160 }}
            onChange={(e) => { setRetention(e.target.value); setSaved(false); }} />
        </label>
        <p className="muted small">{t('retentionExplain')}</p>
      </section>

      <section className="panel policy-section">
        <h2>{t('sensitiveWords')} <span className="muted small">{t('wordCount', { n: words.length })}</span></h2>
        <p className="muted small">{t('sensitiveWordsExplain')}</p>
        <WordAdder words={words} onChange={edit} />
        <WordTable words={words} onChange={edit} problemIndex={problem?.index} />
      </section>

      <div className="save-bar">
        <button className="primary" disabled={!dirty || saving} data-testid="policy-save" onClick={save}>{saving ? t('loading') : t('save')}</button>
        {dirty && <span className="muted small">{t('unsavedChanges')}</span>}
        {saved && !dirty && <span className="banner ok" role="status" data-testid="policy-saved">{t('saved')}</span>}
        {policy.updatedAt && !dirty && !saved && (
          <span className="muted small">{t('policyUpdated', { when: formatTime(policy.updatedAt, lang), who: name(policy.updatedBy) })}</span>
        )}
      </div>
      {problem && <div className="banner error" role="alert" data-testid="policy-error">{problem.message}</div>}

      <OrgGroups />
    </div>
  );
}

function ActionSelect({ value, onChange, testId }: { value: WordAction; onChange: (a: WordAction) => void; testId?: string }) {
  const { t } = useI18n();
  return (
    <select value={value} data-testid={testId} aria-label={t('action')} onChange={(e) => onChange(e.target.value as WordAction)}>
      <option value="block">{t('action_block')}</option>
      <option value="mask">{t('action_mask')}</option>
    </select>
  );
}

/** One word, or many pasted one per line, with the action they get. */
function WordAdder({ words, onChange }: { words: SensitiveWord[]; onChange: (w: SensitiveWord[]) => void }) {
  const { t } = useI18n();
  const [word, setWord] = useState('');
  const [action, setAction] = useState<WordAction>('block');
  const [bulk, setBulk] = useState('');
  const [bulkAction, setBulkAction] = useState<WordAction>('block');
  const [report, setReport] = useState<string | null>(null);
  const addOne = (e: FormEvent) => {
    e.preventDefault();
    if (!word.trim()) return;
    const r = addWords(words, [word], action);
    onChange(r.list);
    setReport(r.added ? null : t('bulkAdded', { n: 0, d: r.skipped }));
    setWord('');
  };
  const addMany = () => {
    const r = addWords(words, parseBulk(bulk), bulkAction);
    onChange(r.list);
    setReport(t('bulkAdded', { n: r.added, d: r.skipped }));
    setBulk('');
  };
  return (
    <>
      <form className="toolbar" onSubmit={addOne}>
        <input value={word} placeholder={t('newWord')} maxLength={MAX_WORD_CHARS * 2} data-testid="word-new" onChange={(e) => setWord(e.target.value)} />
        <ActionSelect value={action} onChange={setAction} testId="word-new-action" />
        <button data-testid="word-add" disabled={!word.trim()}>{t('add')}</button>
      </form>
      <details>
        <summary>{t('bulkAdd')}</summary>
        <textarea value={bulk} data-testid="word-bulk" aria-label={t('bulkAdd')} onChange={(e) => setBulk(e.target.value)} />
        <div className="toolbar">
          <ActionSelect value={bulkAction} onChange={setBulkAction} testId="word-bulk-action" />
          <button data-testid="word-bulk-add" disabled={!bulk.trim()} onClick={addMany}>{t('bulkAddButton')}</button>
        </div>
      </details>
      {report && <p className="muted small" data-testid="word-report">{report}</p>}
    </>
  );
}

function WordTable({ words, onChange, problemIndex }: { words: SensitiveWord[]; onChange: (w: SensitiveWord[]) => void; problemIndex?: number }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const all = words.map((w, i) => ({ w, i })).filter(({ w }) => !f || w.word.toLowerCase().includes(f));
    const shown = all.slice(0, ROWS_SHOWN);
    const bad = problemIndex !== undefined && words[problemIndex] ? { w: words[problemIndex], i: problemIndex } : null;
    if (bad && !shown.some((r) => r.i === bad.i)) shown.unshift(bad); // the word at fault is always on screen
    return { shown, total: all.length };
  }, [words, filter, problemIndex]);
  const set = (i: number, patch: Partial<SensitiveWord>) => onChange(words.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  if (!words.length) return <p className="muted" data-testid="no-words">{t('noWords')}</p>;
  return (
    <>
      {words.length > 20 && <input className="search" type="search" value={filter} placeholder={t('word')} aria-label={t('word')} onChange={(e) => setFilter(e.target.value)} />}
      <table className="table word-table">
        <thead><tr><th>#</th><th>{t('word')}</th><th>{t('action')}</th><th /></tr></thead>
        <tbody>
          {rows.shown.map(({ w, i }) => (
            <tr key={i} data-testid="word-row" className={i === problemIndex ? 'has-error' : ''}>
              <td className="num">{i + 1}</td>
              <td><input value={w.word} aria-label={t('word')} data-testid="word-text" aria-invalid={i === problemIndex} onChange={(e) => set(i, { word: e.target.value })} /></td>
              <td><ActionSelect value={w.action} onChange={(action) => set(i, { action })} testId="word-action" /></td>
              <td className="actions"><button className="link danger" data-testid="word-remove" onClick={() => onChange(words.filter((_, j) => j !== i))}>{t('remove')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.total > rows.shown.length && <p className="muted small">{rows.shown.length} / {rows.total}</p>}
    </>
  );
}

/** A department's group and the all-staff group: created here, then their members follow the directory. */
function OrgGroups() {
  const { t, lang } = useI18n();
  const { departments } = useDepartments();
  const [department, setDepartment] = useState('');
  const [title, setTitle] = useState('');
  const [created, setCreated] = useState<Conversation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<Conversation>) => {
    setBusy(true);
    setError(null);
    setCreated(null);
    try {
      setCreated(await work());
    } catch (e) {
      setError(chatProblemText(lang, e));
    } finally {
      setBusy(false);
    }
  };
  const deptName = (id: string | null) => departments.find((d) => d.id === id)?.name ?? '';
  return (
    <section className="panel policy-section">
      <h2>{t('orgGroups')}</h2>
      <p className="muted small">{t('orgGroupsExplain')}</p>
      <div className="toolbar">
        <select value={department} data-testid="department-group-select" aria-label={t('chooseDepartment')} onChange={(e) => setDepartment(e.target.value)}>
          <option value="">{t('chooseDepartment')}</option>
          {treeRows(departments).map(({ dept, depth }) => <option key={dept.id} value={dept.id}>{'\u00a0'.repeat(depth * 3)}{dept.name}</option>)}
        </select>
        <button data-testid="department-group-create" disabled={!department || busy}
          onClick={() => run(() => chatApi.createDepartmentGroup(department))}>{t('createDepartmentGroup')}</button>
      </div>
      <div className="toolbar">
        <input value={title} placeholder={t('allStaffTitle')} aria-label={t('allStaffTitle')} data-testid="all-staff-title" onChange={(e) => setTitle(e.target.value)} />
        <button data-testid="all-staff-create" disabled={busy} onClick={() => run(() => chatApi.createAllStaffGroup(title.trim() || undefined))}>{t('createAllStaffGroup')}</button>
      </div>
      {created && (
        <div className="banner ok" role="status" data-testid="org-group-created">
          {t('groupCreated', { title: created.title ?? deptName(created.departmentId) })}{' '}
          <button className="link" onClick={() => navigate(`/chat/${created.id}`)}>{t('openConversation')}</button>
        </div>
      )}
      {error && <div className="banner error" role="alert" data-testid="org-group-error">{error}</div>}
    </section>
  );
}
