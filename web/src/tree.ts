import type { Department } from './api';

export interface TreeRow { dept: Department; depth: number }

/** The flat department list in tree order (parents before children, siblings by name), with depths. */
export function treeRows(all: Department[]): TreeRow[] {
  const children = new Map<string | null, Department[]>();
  for (const d of all) {
    const list = children.get(d.parentId) ?? [];
    list.push(d);
    children.set(d.parentId, list);
  }
  const out: TreeRow[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const d of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name))) {
      out.push({ dept: d, depth });
      walk(d.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The department and everything under it (a department cannot move under any of these). */
export function subtreeIds(all: Department[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of all) if (d.parentId && ids.has(d.parentId) && !ids.has(d.id)) { ids.add(d.id); grew = true; }
  }
  return ids;
}
