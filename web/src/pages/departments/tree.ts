import type { Department } from '../../api/types.js';

export interface DepartmentNode {
  key: number;
  value: number;
  title: string;
  department: Department;
  children: DepartmentNode[];
}

const byOrder = (a: Department, b: Department) =>
  a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN');

/** Nest the flat list by parentId; a department whose parent is missing (or excluded) becomes a root. */
export function buildTree(
  items: readonly Department[],
  exclude: ReadonlySet<number> = new Set(),
): DepartmentNode[] {
  const kept = items.filter((d) => !exclude.has(d.id)).sort(byOrder);
  const nodes = new Map<number, DepartmentNode>(
    kept.map((d) => [d.id, { key: d.id, value: d.id, title: d.name, department: d, children: [] }]),
  );
  const roots: DepartmentNode[] = [];
  for (const d of kept) {
    const node = nodes.get(d.id);
    if (!node) continue;
    const parent = d.parentId === null ? undefined : nodes.get(d.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** A department and everything under it: not selectable as its own new parent. */
export function subtreeIds(items: readonly Department[], id: number): Set<number> {
  const result = new Set<number>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of items) {
      if (d.parentId !== null && result.has(d.parentId) && !result.has(d.id)) {
        result.add(d.id);
        grew = true;
      }
    }
  }
  return result;
}

export function departmentNameMap(items: readonly Department[] | undefined): Map<number, string> {
  return new Map((items ?? []).map((d) => [d.id, d.name]));
}
