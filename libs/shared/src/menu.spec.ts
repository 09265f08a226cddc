import { describe, expect, it } from 'vitest';
import { visibleMenu, MENU } from './menu.js';
import { ALL_PERMISSIONS, PERMISSIONS } from './permissions.js';
import { SEEDED_ROLES } from './roles.js';
import { clearanceCovers } from './secrecy.js';

describe('shared catalogue', () => {
  it('PLT-1 shows a person only the menu items their permissions allow', () => {
    const menu = visibleMenu([PERMISSIONS.AUDIT_READ]);
    expect(menu.flatMap((m) => m.items.map((i) => i.path))).toEqual([
      '/inbox',
      '/approvals',
      '/messages',
      '/assessment/escalations',
      '/assessment/support',
      '/documents/incoming',
      '/documents/outgoing',
      // Everyone fills their evaluation forms, reads their report and submits innovation suggestions (ASM-2, ASM-7).
      '/assessment/evaluations/forms',
      '/assessment/evaluations/reports',
      '/assessment/evaluations/results',
      '/assessment/innovation',
      '/system/audit',
    ]);
  });

  it('PLT-3 shows everyone signed in the workbench (inbox, approvals, messages), and nothing that needs a permission', () => {
    const menu = visibleMenu([]);
    expect(menu.map((m) => m.key)).toEqual(['workbench', 'documents', 'assessment']);
    expect(menu[0]!.items.map((i) => i.path)).toEqual([
      '/inbox',
      '/approvals',
      '/messages',
      '/assessment/escalations',
      '/assessment/support',
    ]);
    expect(menu[1]!.items.map((i) => i.path)).toEqual(['/documents/incoming', '/documents/outgoing']);
    expect(menu[2]!.items.map((i) => i.path)).toEqual([
      '/assessment/evaluations/forms',
      '/assessment/evaluations/reports',
      '/assessment/evaluations/results',
      '/assessment/innovation',
    ]);
  });

  it('PLT-2 PLT-4 shows the chain editor and the delivery log to holders of their permissions only', () => {
    const paths = (granted: string[]) => visibleMenu(granted).flatMap((m) => m.items.map((i) => i.path));
    expect(paths([PERMISSIONS.APPROVAL_CHAINS_MANAGE])).toContain('/system/approval-chains');
    expect(paths([PERMISSIONS.NOTIFICATIONS_READ])).toContain('/system/notifications');
    expect(paths([PERMISSIONS.NOTIFICATIONS_MANAGE])).not.toContain('/system/notifications');
    expect(paths([])).not.toContain('/system/approval-chains');
  });

  it('PLT-1 every menu item and seeded role uses a permission from the catalogue', () => {
    for (const item of MENU.flatMap((m) => m.items)) if (item.permission !== undefined) expect(ALL_PERMISSIONS).toContain(item.permission);
    for (const role of SEEDED_ROLES) for (const p of role.permissions) expect(ALL_PERMISSIONS).toContain(p);
  });

  it('PLT-1 seeds the ten roles the guide names', () => {
    expect(SEEDED_ROLES.map((r) => r.name)).toEqual([
      '系统管理员',
      '办公室主任',
      '办公室文员',
      '校领导',
      '部门负责人',
      '教职工',
      '印章管理员',
      '档案员',
      '库管员',
      '维修工',
    ]);
  });

  it('REQ-3 a clearance covers its own level and those below it only', () => {
    expect(clearanceCovers('confidential', 'secret')).toBe(true);
    expect(clearanceCovers('secret', 'secret')).toBe(true);
    expect(clearanceCovers('secret', 'confidential')).toBe(false);
    expect(clearanceCovers('none', 'secret')).toBe(false);
  });
});
