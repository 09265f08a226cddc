import { ALL_PERMISSIONS } from '@xiaoban/shared';

export interface PermissionGroup {
  /** First segment of the permission (`org` of `org.users.manage`): the area of the school's work it covers. */
  area: string;
  permissions: string[];
}

/** The catalogue grouped by area, in catalogue order, for the role editor's checklist. */
export function groupPermissionsByArea(permissions: readonly string[] = ALL_PERMISSIONS): PermissionGroup[] {
  const groups = new Map<string, string[]>();
  for (const permission of permissions) {
    const area = permission.split('.', 1)[0] ?? permission;
    const list = groups.get(area) ?? [];
    list.push(permission);
    groups.set(area, list);
  }
  return [...groups].map(([area, list]) => ({ area, permissions: list }));
}
