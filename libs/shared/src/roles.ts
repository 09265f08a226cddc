import { ALL_PERMISSIONS, PERMISSIONS, type Permission } from './permissions.js';

/** What every member of staff may do: write messages and submit requests. */
const EVERYONE: Permission[] = [
  PERMISSIONS.MESSAGES_SEND,
  PERMISSIONS.APPROVALS_SUBMIT,
  PERMISSIONS.ADMIN_SEALS_APPLY,
  // 报修 (LOG-9): every member of staff reports repairs from a phone.
  PERMISSIONS.LOGISTICS_MAINTENANCE_REQUEST,
  // 办公用品领用 (LOG-5): everyone requests supplies for their own department and signs for them.
  PERMISSIONS.LOGISTICS_SUPPLIES_REQUEST,
  // 外出登记 (INF-9): everyone records when they are out, so that reception cover is planned around them.
  PERMISSIONS.INFO_OUT_OF_OFFICE_RECORD,
];
/** The office's own staff also watch approvals and notifications school-wide. */
const OFFICE: Permission[] = [
  ...EVERYONE,
  PERMISSIONS.ORG_READ,
  PERMISSIONS.APPROVALS_READ_ALL,
  PERMISSIONS.NOTIFICATIONS_READ,
  // The office keeps the school calendar (PLT-10).
  PERMISSIONS.CALENDAR_MANAGE,
  // 会议服务 (MTG-1–MTG-3): the office keeps the rooms, books them and organises the school's meetings.
  PERMISSIONS.MEETINGS_ROOMS_MANAGE,
  PERMISSIONS.MEETINGS_BOOK,
  PERMISSIONS.MEETINGS_ORGANISE,
  PERMISSIONS.MEETINGS_MANAGE,
  // 信息发布 (INF-2, INF-3): the office checks what it publishes, drafts and publishes notices, and follows their reach.
  PERMISSIONS.INFO_DESENSITISE,
  PERMISSIONS.INFO_NOTICES_DRAFT,
  PERMISSIONS.INFO_NOTICES_MANAGE,
  PERMISSIONS.MEETINGS_RESOLUTIONS_REPORT,
  // 维修与巡查 (LOG-9, LOG-10): the office triages and assigns repairs, keeps the locations and the inspection checklists.
  PERMISSIONS.LOGISTICS_MAINTENANCE_MANAGE,
  PERMISSIONS.LOGISTICS_INSPECTIONS_RECORD,
  // 公告栏 (INF-6): the office keeps the bulletin boards, their postings, checks and cleaning.
  PERMISSIONS.INFO_BOARDS_MANAGE,
  // 信息采集与来访接待 (INF-1, INF-7, INF-9): the office collects and reviews information and keeps reception.
  PERMISSIONS.INFO_COLLECTION_MANAGE,
  PERMISSIONS.INFO_RECEPTION_MANAGE,
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
      // 发文 (DOC-7): the office checks, numbers, prints and distributes; the director keeps the 代字.
      PERMISSIONS.DOCUMENTS_OUTGOING_DRAFT,
      PERMISSIONS.DOCUMENTS_OUTGOING_REVIEW,
      PERMISSIONS.DOCUMENTS_OUTGOING_READ_ALL,
      PERMISSIONS.DOCUMENTS_OUTGOING_PREFIXES_MANAGE,
      // 清点, 归档准备 and 销毁 (DOC-9–DOC-11): the office keeps the paper.
      PERMISSIONS.DOCUMENTS_INVENTORY_MANAGE,
      PERMISSIONS.DOCUMENTS_FILING_MANAGE,
      PERMISSIONS.RETENTION_DESTRUCTION_MANAGE,
      // 印章与工作台账 (ADM-3–ADM-6): the office director keeps the seal register and the ledger.
      PERMISSIONS.ADMIN_SEALS_MANAGE,
      PERMISSIONS.ADMIN_LEDGER_MANAGE,
      // 脱敏名单 (INF-2): the director keeps the lists of names (students…) the scan looks for.
      PERMISSIONS.INFO_NAME_LISTS_MANAGE,
      // 档案 (ADM-7–ADM-9): the office director oversees the archive.
      PERMISSIONS.ADMIN_ARCHIVES_MANAGE,
      // 涉密载体外借, 培训记录 and 解密 (ADM-10, ASM-6, REQ-3): the office keeps them.
      PERMISSIONS.ADMIN_LENDING_MANAGE,
      PERMISSIONS.ASSESSMENT_TRAINING_MANAGE,
      PERMISSIONS.DOCUMENTS_DECLASSIFY,
      // 意见箱/热线 (ASM-4): the office answers the school's suggestions and calls.
      PERMISSIONS.ASSESSMENT_SUGGESTIONS_MANAGE,
      // 办公用品 (LOG-1, LOG-5–LOG-8): the director oversees the store and approves stocktake variances.
      PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE,
      PERMISSIONS.LOGISTICS_STOCKTAKE_APPROVE,
      // 采购 (LOG-2–LOG-4): the office runs purchasing and submits its own demand.
      PERMISSIONS.LOGISTICS_DEMAND_SUBMIT,
      PERMISSIONS.LOGISTICS_PURCHASING_MANAGE,
      // 活动后勤 (LOG-11): the office organises the school's events.
      PERMISSIONS.LOGISTICS_EVENTS_MANAGE,
      // 月度工作总结 and 看板 (ASM-1, ASM-8): the director compiles, reviews and watches the figures.
      PERMISSIONS.ASSESSMENT_SUMMARY_MANAGE,
      PERMISSIONS.ASSESSMENT_SUMMARY_REVIEW,
      PERMISSIONS.ASSESSMENT_DASHBOARD_VIEW,
      // 整改, 突发情况, 问题上报与部门协作 (ASM-5, REQ-5, REQ-1, REQ-2): the office runs and oversees them.
      PERMISSIONS.ASSESSMENT_IMPROVEMENT_MANAGE,
      PERMISSIONS.ASSESSMENT_INCIDENTS_MANAGE,
      PERMISSIONS.ASSESSMENT_ESCALATIONS_MANAGE,
      // 问卷 (ASM-3): the office builds and runs questionnaires.
      PERMISSIONS.ASSESSMENT_QUESTIONNAIRES_MANAGE,
      // 考核与创新建议 (ASM-2, ASM-7): the office runs evaluation cycles and reviews innovation suggestions.
      PERMISSIONS.ASSESSMENT_EVALUATIONS_MANAGE,
      PERMISSIONS.ASSESSMENT_INNOVATION_MANAGE,
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
      PERMISSIONS.DOCUMENTS_OUTGOING_DRAFT,
      PERMISSIONS.DOCUMENTS_OUTGOING_REVIEW,
      PERMISSIONS.DOCUMENTS_OUTGOING_READ_ALL,
      PERMISSIONS.DOCUMENTS_INVENTORY_MANAGE,
      PERMISSIONS.DOCUMENTS_FILING_MANAGE,
      // The clerk registers loans and keeps the training records (ADM-10, ASM-6), logs hotline calls and routes suggestions (ASM-4).
      PERMISSIONS.ADMIN_LENDING_MANAGE,
      PERMISSIONS.ASSESSMENT_TRAINING_MANAGE,
      PERMISSIONS.ASSESSMENT_SUGGESTIONS_MANAGE,
      // 采购 (LOG-2–LOG-4): the clerk gathers demand and quotes, orders and receives.
      PERMISSIONS.LOGISTICS_DEMAND_SUBMIT,
      PERMISSIONS.LOGISTICS_PURCHASING_MANAGE,
      // 活动后勤 (LOG-11).
      PERMISSIONS.LOGISTICS_EVENTS_MANAGE,
      // 月度工作总结 (ASM-1): the clerk compiles the month and drafts the narrative.
      PERMISSIONS.ASSESSMENT_SUMMARY_MANAGE,
      // 整改, 突发情况, 问题上报与部门协作 (ASM-5, REQ-5, REQ-1, REQ-2): the office runs and oversees them.
      PERMISSIONS.ASSESSMENT_IMPROVEMENT_MANAGE,
      PERMISSIONS.ASSESSMENT_INCIDENTS_MANAGE,
      PERMISSIONS.ASSESSMENT_ESCALATIONS_MANAGE,
      // 问卷 (ASM-3).
      PERMISSIONS.ASSESSMENT_QUESTIONNAIRES_MANAGE,
      // 考核与创新建议 (ASM-2, ASM-7): the clerk sets up cycles and records reviews and awards.
      PERMISSIONS.ASSESSMENT_EVALUATIONS_MANAGE,
      PERMISSIONS.ASSESSMENT_INNOVATION_MANAGE,
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
      PERMISSIONS.DOCUMENTS_OUTGOING_DRAFT,
      PERMISSIONS.MEETINGS_BOOK,
      PERMISSIONS.MEETINGS_ORGANISE,
      PERMISSIONS.MEETINGS_RESOLUTIONS_REPORT,
      // 看板 (ASM-8): leaders see the office's figures.
      PERMISSIONS.ASSESSMENT_DASHBOARD_VIEW,
    ],
  },
  {
    code: 'department-head',
    name: '部门负责人',
    nameEn: 'Department head',
    permissions: [
      ...EVERYONE,
      PERMISSIONS.ORG_READ,
      PERMISSIONS.DOCUMENTS_INCOMING_HANDLE,
      PERMISSIONS.DOCUMENTS_OUTGOING_DRAFT,
      PERMISSIONS.MEETINGS_BOOK,
      PERMISSIONS.MEETINGS_ORGANISE,
      // 月度需求 (LOG-2): the head submits the department's monthly supply demand.
      PERMISSIONS.LOGISTICS_DEMAND_SUBMIT,
      // The head submits the department's information when the office asks for it (INF-1).
      PERMISSIONS.INFO_COLLECTION_SUBMIT,
    ],
  },
  {
    code: 'staff',
    name: '教职工',
    nameEn: 'Staff / teacher',
    // Teachers book rooms for their own meetings (MTG-1).
    // Staff draft outgoing documents (拟稿, DOC-7).
    permissions: [...EVERYONE, PERMISSIONS.DOCUMENTS_INCOMING_HANDLE, PERMISSIONS.MEETINGS_BOOK, PERMISSIONS.DOCUMENTS_OUTGOING_DRAFT],
  },
  {
    code: 'seal-custodian',
    name: '印章管理员',
    nameEn: 'Seal custodian',
    // Keeps the seals, registers each use and records the monthly inspection (ADM-4–ADM-6).
    permissions: [...EVERYONE, PERMISSIONS.ADMIN_SEALS_MANAGE],
  },
  {
    code: 'archivist',
    name: '档案员',
    nameEn: 'Archivist',
    // The archivist takes documents ready to file and proposes expired records for destruction (DOC-10, DOC-11).
    // The archivist also keeps the archive itself: classification, accession, boxes, backups (ADM-7–ADM-9).
    permissions: [
      ...EVERYONE,
      PERMISSIONS.DOCUMENTS_FILING_MANAGE,
      PERMISSIONS.RETENTION_DESTRUCTION_MANAGE,
      PERMISSIONS.ADMIN_ARCHIVES_MANAGE,
    ],
  },
  // The storekeeper keeps the supplies: catalogue, stock, issues, alerts, stocktaking (LOG-1, LOG-5–LOG-8).
  { code: 'storekeeper', name: '库管员', nameEn: 'Storekeeper', permissions: [...EVERYONE, PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE] },
  {
    code: 'maintenance-worker',
    name: '维修工',
    nameEn: 'Maintenance worker',
    // Carries out the repairs assigned to them and walks the inspection rounds (LOG-9, LOG-10).
    permissions: [...EVERYONE, PERMISSIONS.LOGISTICS_MAINTENANCE_WORK, PERMISSIONS.LOGISTICS_INSPECTIONS_RECORD],
  },
] as const satisfies readonly { code: string; name: string; nameEn: string; permissions: readonly Permission[] }[];

export type SeededRoleCode = (typeof SEEDED_ROLES)[number]['code'];
