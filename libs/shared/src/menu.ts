import { PERMISSIONS, type Permission } from './permissions.js';

/**
 * The admin panel's sidebar: one entry per module, each item shown only to people holding its
 * permission. Module issues add their entry here when their pages arrive.
 */
export interface MenuItem {
  /** Route path in the admin panel. */
  path: string;
  /** vue-i18n key of the label. */
  labelKey: string;
  permission: Permission;
}

export interface MenuModule {
  key: string;
  labelKey: string;
  icon: string;
  items: MenuItem[];
}

export const MENU: MenuModule[] = [
  {
    key: 'system',
    labelKey: 'menu.system',
    icon: 'Setting',
    items: [
      { path: '/system/users', labelKey: 'menu.users', permission: PERMISSIONS.ORG_READ },
      { path: '/system/departments', labelKey: 'menu.departments', permission: PERMISSIONS.ORG_READ },
      { path: '/system/roles', labelKey: 'menu.roles', permission: PERMISSIONS.ORG_READ },
      { path: '/system/audit', labelKey: 'menu.audit', permission: PERMISSIONS.AUDIT_READ },
    ],
  },
];

/** The menu as one person sees it: items they may use, modules with at least one such item. */
export function visibleMenu(granted: readonly string[]): MenuModule[] {
  const has = new Set(granted);
  return MENU.map((module) => ({ ...module, items: module.items.filter((item) => has.has(item.permission)) })).filter(
    (module) => module.items.length > 0,
  );
}
