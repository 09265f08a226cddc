import { ALL_PERMISSIONS, PERMISSIONS, type Permission } from './permissions.js';

/**
 * The roles every school starts with (PLT-1). Their permission lists are the defaults the
 * first start seeds; an admin may change them afterwards in the role editor. Module issues
 * extend these lists as their permissions arrive.
 */
export const SEEDED_ROLES = [
  { code: 'admin', name: '系统管理员', nameEn: 'System administrator', permissions: [...ALL_PERMISSIONS] },
  {
    code: 'office-director',
    name: '办公室主任',
    nameEn: 'Office director',
    permissions: [PERMISSIONS.ORG_READ, PERMISSIONS.AUDIT_READ, PERMISSIONS.AUDIT_VERIFY],
  },
  { code: 'office-clerk', name: '办公室文员', nameEn: 'Office clerk', permissions: [PERMISSIONS.ORG_READ] },
  { code: 'school-leader', name: '校领导', nameEn: 'School leader', permissions: [PERMISSIONS.ORG_READ, PERMISSIONS.AUDIT_READ] },
  { code: 'department-head', name: '部门负责人', nameEn: 'Department head', permissions: [PERMISSIONS.ORG_READ] },
  { code: 'staff', name: '教职工', nameEn: 'Staff / teacher', permissions: [] },
  { code: 'seal-custodian', name: '印章管理员', nameEn: 'Seal custodian', permissions: [] },
  { code: 'archivist', name: '档案员', nameEn: 'Archivist', permissions: [] },
  { code: 'storekeeper', name: '库管员', nameEn: 'Storekeeper', permissions: [] },
  { code: 'maintenance-worker', name: '维修工', nameEn: 'Maintenance worker', permissions: [] },
] as const satisfies readonly { code: string; name: string; nameEn: string; permissions: readonly Permission[] }[];

export type SeededRoleCode = (typeof SEEDED_ROLES)[number]['code'];
