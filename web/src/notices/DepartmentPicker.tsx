// Picking whole departments from the tree. A department reaches its sub-departments too, so those
// show as included under a picked one.
import type { Department } from '../api';
import { useI18n } from '../i18n';
import { subtreeIds, treeRows } from '../tree';

/** The picked departments without those already included by a picked ancestor. */
export function topmost(all: Department[], picked: string[]): string[] {
  const covered = new Set<string>();
  for (const id of picked) subtreeIds(all, id).forEach((d) => { if (d !== id) covered.add(d); });
  return picked.filter((id) => !covered.has(id));
}

export function DepartmentPicker({ departments, selected, onChange }: { departments: Department[]; selected: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useI18n();
  const picked = new Set(selected);
  const included = new Set<string>();
  for (const id of selected) subtreeIds(departments, id).forEach((d) => { if (d !== id) included.add(d); });
  const toggle = (id: string) => onChange(picked.has(id) ? selected.filter((x) => x !== id) : [...selected, id]);
  if (!departments.length) return <p className="muted small">{t('noDepartments')}</p>;
  return (
    <ul className="dept-picker">
      {treeRows(departments).map(({ dept, depth }) => {
        const inherited = included.has(dept.id) && !picked.has(dept.id);
        return (
          <li key={dept.id} style={{ paddingLeft: depth * 18 }}>
            <label className="check" data-testid="notice-dept-option">
              <input type="checkbox" checked={picked.has(dept.id) || inherited} disabled={inherited} onChange={() => toggle(dept.id)} />
              {dept.name} <span className="muted small">{t('membersCount', { n: dept.memberCount })}</span>
              {inherited && <span className="muted small">({t('includedAbove')})</span>}
            </label>
          </li>
        );
      })}
    </ul>
  );
}
