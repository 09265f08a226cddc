import { ALL_PERMISSIONS, PERMISSIONS, type Permission } from './permissions.js';

/** What every member of staff may do: write messages and submit requests. */
const EVERYONE: Permission[] = [PERMISSIONS.MESSAGES_SEND, PERMISSIONS.APPROVALS_SUBMIT];
/** The office's own staff also watch approvals and notifications school-wide. */
const OFFICE: Permission[] = [
  ...EVERYONE,
  PERMISSIONS.ORG_READ,
  PERMISSIONS.APPROVALS_READ_ALL,
  PERMISSIONS.NOTIFICATIONS_READ,
  // The office keeps the school calendar (PLT-10).
  PERMISSIONS.CALENDAR_MANAGE,
];

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
    permissions: [
      ...OFFICE,
      PERMISSIONS.AUDIT_READ,
      PERMISSIONS.AUDIT_VERIFY,
      PERMISSIONS.APPROVAL_CHAINS_MANAGE,
      PERMISSIONS.NOTIFICATIONS_MANAGE,
      // 收文 (DOC-1–DOC-6): the office registers, reads and routes incoming documents.
      PERMISSIONS.DOCUMENTS_INCOMING_REGISTER,
      PERMISSIONS.DOCUMENTS_INCOMING_READ_ALL,
      PERMISSIONS.DOCUMENTS_INCOMING_ROUTE,
    ],
  },
  {
    code: 'office-clerk',
    name: '办公室文员',
    nameEn: 'Office clerk',
    permissions: [
      ...OFFICE,
      PERMISSIONS.NOTIFICATIONS_MANAGE,
      PERMISSIONS.DOCUMENTS_INCOMING_REGISTER,
      PERMISSIONS.DOCUMENTS_INCOMING_READ_ALL,
      PERMISSIONS.DOCUMENTS_INCOMING_ROUTE,
    ],
  },
  {
    code: 'school-leader',
    name: '校领导',
    nameEn: 'School leader',
    permissions: [
      ...EVERYONE,
      PERMISSIONS.ORG_READ,
      PERMISSIONS.AUDIT_READ,
      PERMISSIONS.APPROVALS_READ_ALL,
      PERMISSIONS.DOCUMENTS_INCOMING_INSTRUCT,
      PERMISSIONS.DOCUMENTS_INCOMING_HANDLE,
    ],
  },
  {
    code: 'department-head',
    name: '部门负责人',
    nameEn: 'Department head',
    permissions: [...EVERYONE, PERMISSIONS.ORG_READ, PERMISSIONS.DOCUMENTS_INCOMING_HANDLE],
  },
  { code: 'staff', name: '教职工', nameEn: 'Staff / teacher', permissions: [...EVERYONE, PERMISSIONS.DOCUMENTS_INCOMING_HANDLE] },
  { code: 'seal-custodian', name: '印章管理员', nameEn: 'Seal custodian', permissions: [...EVERYONE] },
  { code: 'archivist', name: '档案员', nameEn: 'Archivist', permissions: [...EVERYONE] },
  { code: 'storekeeper', name: '库管员', nameEn: 'Storekeeper', permissions: [...EVERYONE] },
  { code: 'maintenance-worker', name: '维修工', nameEn: 'Maintenance worker', permissions: [...EVERYONE] },
] as const satisfies readonly { code: string; name: string; nameEn: string; permissions: readonly Permission[] }[];

export type SeededRoleCode = (typeof SEEDED_ROLES)[number]['code'];
