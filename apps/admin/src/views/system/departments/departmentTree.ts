/**
 * The department tree, built in the panel from the flat list GET /org/departments returns.
 * Generic over the department shape so it can be tested without the API's types.
 */
export interface FlatDepartment<Id> {
  id: Id;
  parentId: Id | null;
  name: string;
  sortOrder: number;
}

export type DepartmentNode<D> = D & { children: DepartmentNode<D>[] };

function bySortOrderThenName(a: FlatDepartment<unknown>, b: FlatDepartment<unknown>): number {
  return a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN');
}

/**
 * Nests departments under their parents, siblings ordered by sort order then name.
 *
 * The list is what this person may see, so a parent can be missing: such a department is shown at
 * the top level rather than hidden. A cycle in the data (which the API should prevent) is broken
 * at one of its members, so that every department still appears exactly once.
 */
export function buildDepartmentTree<Id, D extends FlatDepartment<Id>>(departments: readonly D[]): DepartmentNode<D>[] {
  const nodes = new Map<Id, DepartmentNode<D>>();
  for (const department of departments) nodes.set(department.id, { ...department, children: [] });

  const roots: DepartmentNode<D>[] = [];
  const childrenOf = new Map<Id, DepartmentNode<D>[]>();
  for (const node of nodes.values()) {
    if (node.parentId === null || !nodes.has(node.parentId) || node.parentId === node.id) {
      roots.push(node);
    } else {
      const siblings = childrenOf.get(node.parentId) ?? [];
      siblings.push(node);
      childrenOf.set(node.parentId, siblings);
    }
  }

  const placed = new Set<Id>();
  function attach(node: DepartmentNode<D>): void {
    placed.add(node.id);
    node.children = (childrenOf.get(node.id) ?? []).filter((child) => !placed.has(child.id)).sort(bySortOrderThenName);
    for (const child of node.children) attach(child);
  }

  roots.sort(bySortOrderThenName);
  for (const root of roots) attach(root);
  // Whatever is still unplaced hangs in a cycle: lift its first member to the top level.
  for (const node of nodes.values()) {
    if (placed.has(node.id)) continue;
    roots.push(node);
    attach(node);
  }
  return roots;
}

/** A department and everything beneath it: the parents it may not be moved under. */
export function subtreeIds<Id, D extends FlatDepartment<Id>>(roots: readonly DepartmentNode<D>[], id: Id): Set<Id> {
  const found = new Set<Id>();
  function collect(node: DepartmentNode<D>): void {
    found.add(node.id);
    node.children.forEach(collect);
  }
  function search(nodes: readonly DepartmentNode<D>[]): boolean {
    for (const node of nodes) {
      if (node.id === id) {
        collect(node);
        return true;
      }
      if (search(node.children)) return true;
    }
    return false;
  }
  search(roots);
  return found;
}
