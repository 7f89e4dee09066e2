// Picking people with the directory search (for a new group, or to add to one).
import { useEffect, useState } from 'react';
import type { Member } from '../api';
import { useMemberSearch } from '../directory';
import { useI18n } from '../i18n';
import { useNames } from './names';

export function MemberPicker({ selected, onChange, exclude }: { selected: Member[]; onChange: (m: Member[]) => void; exclude: Set<string> }) {
  const { t } = useI18n();
  const { cache } = useNames();
  const [text, setText] = useState('');
  const search = useMemberSearch(text, null);
  useEffect(() => { cache.seed(search.items); }, [cache, search.items]);
  const chosen = new Set(selected.map((m) => m.id));
  const toggle = (m: Member) => onChange(chosen.has(m.id) ? selected.filter((x) => x.id !== m.id) : [...selected, m]);
  return (
    <div className="member-picker">
      <input className="search" placeholder={t('search')} value={text} onChange={(e) => setText(e.target.value)} data-testid="member-picker-search" />
      {selected.length > 0 && (
        <div className="chips">
          <span className="muted small">{t('selectedCount', { n: selected.length })}</span>
          {selected.map((m) => <button key={m.id} type="button" className="chip" onClick={() => toggle(m)}>{m.name} ×</button>)}
        </div>
      )}
      <ul className="picker-results">
        {search.items.filter((m) => !exclude.has(m.id)).map((m) => (
          <li key={m.id}>
            <label className="check" data-testid="member-picker-option">
              <input type="checkbox" checked={chosen.has(m.id)} onChange={() => toggle(m)} /> {m.name} <span className="muted small">{m.email}</span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
