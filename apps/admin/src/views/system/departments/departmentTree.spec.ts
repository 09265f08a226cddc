import { describe, expect, it } from 'vitest';
import { buildDepartmentTree, subtreeIds, type DepartmentNode, type FlatDepartment } from './departmentTree';

type Flat = FlatDepartment<number>;

const department = (id: number, name: string, parentId: number | null, sortOrder = 0): Flat => ({ id, name, parentId, sortOrder });

function outline(nodes: DepartmentNode<Flat>[], depth = 0): string[] {
  return nodes.flatMap((node) => [`${'  '.repeat(depth)}${node.name}`, ...outline(node.children, depth + 1)]);
}

describe('department tree', () => {
  it('PLT-1 nests departments under their parents, ordered by sort order then name', () => {
    const tree = buildDepartmentTree([
      department(5, '高二年级组', 3, 2),
      department(1, '校长室', null, 1),
      department(2, '党政办公室', null, 2),
      department(3, '教务处', null, 3),
      department(4, '高一年级组', 3, 1),
      department(6, '教研组', 3, 1),
    ]);
    expect(outline(tree)).toEqual(['校长室', '党政办公室', '教务处', '  高一年级组', '  教研组', '  高二年级组']);
  });

  it('PLT-1 shows a department whose parent is not in the list at the top level', () => {
    const tree = buildDepartmentTree([department(7, '总务处', null, 1), department(8, '食堂', 99, 2)]);
    expect(outline(tree)).toEqual(['总务处', '食堂']);
  });

  it('PLT-1 keeps every department exactly once even if the data holds a cycle', () => {
    const tree = buildDepartmentTree([department(1, '甲', 2), department(2, '乙', 1), department(3, '丙', null)]);
    const names = outline(tree).map((line) => line.trim());
    expect(names.sort()).toEqual(['丙', '乙', '甲'].sort());
  });

  it('PLT-1 does not change the list it was given', () => {
    const flat = [department(1, '校长室', null), department(2, '副校长室', 1)];
    const copy = structuredClone(flat);
    buildDepartmentTree(flat);
    expect(flat).toEqual(copy);
  });

  it('PLT-1 names a department and its whole subtree as parents it may not move under', () => {
    const tree = buildDepartmentTree([
      department(1, '教务处', null),
      department(2, '高一年级组', 1),
      department(3, '高一（1）班', 2),
      department(4, '总务处', null),
    ]);
    expect([...subtreeIds(tree, 1)].sort()).toEqual([1, 2, 3]);
    expect([...subtreeIds(tree, 4)]).toEqual([4]);
    expect([...subtreeIds(tree, 42)]).toEqual([]);
  });
});
