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
  /** Permission the item needs; absent for the pages every signed-in person has (their inbox, messages). */
  permission?: Permission;
}

export interface MenuModule {
  key: string;
  labelKey: string;
  icon: string;
  items: MenuItem[];
}

export const MENU: MenuModule[] = [
  {
    key: 'workbench',
    labelKey: 'menu.workbench',
    icon: 'Briefcase',
    items: [
      { path: '/inbox', labelKey: 'menu.inbox' },
      { path: '/approvals', labelKey: 'menu.approvals' },
      { path: '/messages', labelKey: 'menu.messages' },
      // Everyone reports problems to the leadership (REQ-1) and asks other departments for support (REQ-2).
      { path: '/assessment/escalations', labelKey: 'escalations.menu' },
      { path: '/assessment/support', labelKey: 'supportRequests.menu' },
    ],
  },
  {
    key: 'documents',
    labelKey: 'menu.documents',
    icon: 'Document',
    items: [
      // Everyone handles the documents routed to them; registering and the full register need documents.incoming.* (checked on the page).
      { path: '/documents/incoming', labelKey: 'menu.incomingDocuments' },
      // Drafters, countersigners and receivers all work on outgoing documents; the API answers what each may see and do.
      { path: '/documents/outgoing', labelKey: 'menu.outgoingDocuments' },
      { path: '/documents/outgoing/prefixes', labelKey: 'menu.outgoingPrefixes', permission: PERMISSIONS.DOCUMENTS_OUTGOING_REVIEW },
      { path: '/documents/filing', labelKey: 'menu.documentFiling', permission: PERMISSIONS.DOCUMENTS_FILING_MANAGE },
      { path: '/documents/inventory', labelKey: 'menu.documentInventory', permission: PERMISSIONS.DOCUMENTS_INVENTORY_MANAGE },
      { path: '/retention/destruction-lists', labelKey: 'menu.destructionLists', permission: PERMISSIONS.RETENTION_DESTRUCTION_MANAGE },
    ],
  },
  {
    key: 'meetings',
    labelKey: 'meetings.menu.module',
    icon: 'Calendar',
    items: [
      // Invitees reach their meetings through the inbox and /meetings/:id as well; the menu shows the pages to those who book.
      { path: '/meetings', labelKey: 'meetings.menu.meetings', permission: PERMISSIONS.MEETINGS_BOOK },
      { path: '/meetings/calendar', labelKey: 'meetings.menu.calendar', permission: PERMISSIONS.MEETINGS_BOOK },
      { path: '/meetings/rooms', labelKey: 'meetings.menu.rooms', permission: PERMISSIONS.MEETINGS_ROOMS_MANAGE },
      { path: '/meetings/resolutions', labelKey: 'meetings.menu.resolutions', permission: PERMISSIONS.MEETINGS_RESOLUTIONS_REPORT },
    ],
  },
  {
    key: 'information',
    labelKey: 'information.menu.module',
    icon: 'Promotion',
    items: [
      // Recipients read their notices from the message centre and /information/notices/:id; the list is the office's.
      { path: '/information/notices', labelKey: 'information.menu.notices', permission: PERMISSIONS.INFO_NOTICES_DRAFT },
      { path: '/information/desensitise', labelKey: 'information.menu.desensitise', permission: PERMISSIONS.INFO_DESENSITISE },
      { path: '/information/name-lists', labelKey: 'information.menu.nameLists', permission: PERMISSIONS.INFO_NAME_LISTS_MANAGE },
      { path: '/information/boards', labelKey: 'boards.menu.boards', permission: PERMISSIONS.INFO_BOARDS_MANAGE },
      { path: '/information/robots', labelKey: 'boards.menu.robots', permission: PERMISSIONS.INFO_NOTICES_MANAGE },
      { path: '/information/links', labelKey: 'boards.menu.links', permission: PERMISSIONS.INFO_NOTICES_MANAGE },
      // INF-1: the office asks and reviews; a department head submits for the department (the same page, narrowed to theirs).
      { path: '/information/collection', labelKey: 'reception.menu.collection', permission: PERMISSIONS.INFO_COLLECTION_MANAGE },
      { path: '/information/collection/mine', labelKey: 'reception.menu.collection', permission: PERMISSIONS.INFO_COLLECTION_SUBMIT },
      { path: '/information/publishing-list', labelKey: 'reception.menu.publishing', permission: PERMISSIONS.INFO_COLLECTION_MANAGE },
      // INF-7, INF-9: the visitor log and the reception roster with who covers now.
      { path: '/information/visitors', labelKey: 'reception.menu.visitors', permission: PERMISSIONS.INFO_RECEPTION_MANAGE },
      { path: '/information/reception/cover', labelKey: 'reception.menu.cover', permission: PERMISSIONS.INFO_RECEPTION_MANAGE },
      // 外出登记: everyone records their own, so that reception cover is planned around them.
      { path: '/information/out-of-office', labelKey: 'reception.menu.outOfOffice', permission: PERMISSIONS.INFO_OUT_OF_OFFICE_RECORD },
    ],
  },
  {
    // Each logistics part (supplies, purchasing, maintenance, event logistics) adds its pages here.
    key: 'logistics',
    labelKey: 'menu.logistics',
    icon: 'Van',
    items: [
      // 维修与巡查 (LOG-9, LOG-10): the phone page is every teacher's; the rest are the office's and the workers'.
      { path: '/logistics/repairs', labelKey: 'maintenance.menu.repairs', permission: PERMISSIONS.LOGISTICS_MAINTENANCE_REQUEST },
      { path: '/logistics/maintenance', labelKey: 'maintenance.menu.requests', permission: PERMISSIONS.LOGISTICS_MAINTENANCE_MANAGE },
      { path: '/logistics/maintenance/jobs', labelKey: 'maintenance.menu.jobs', permission: PERMISSIONS.LOGISTICS_MAINTENANCE_WORK },
      {
        path: '/logistics/maintenance/locations',
        labelKey: 'maintenance.menu.locations',
        permission: PERMISSIONS.LOGISTICS_MAINTENANCE_MANAGE,
      },
      {
        path: '/logistics/maintenance/inspections',
        labelKey: 'maintenance.menu.inspections',
        permission: PERMISSIONS.LOGISTICS_INSPECTIONS_RECORD,
      },
      { path: '/logistics/maintenance/report', labelKey: 'maintenance.menu.report', permission: PERMISSIONS.LOGISTICS_MAINTENANCE_MANAGE },
      { path: '/logistics/demand', labelKey: 'purchasing.menu.demand', permission: PERMISSIONS.LOGISTICS_DEMAND_SUBMIT },
      { path: '/logistics/purchase-lists', labelKey: 'purchasing.menu.lists', permission: PERMISSIONS.LOGISTICS_PURCHASING_MANAGE },
      { path: '/logistics/suppliers', labelKey: 'purchasing.menu.suppliers', permission: PERMISSIONS.LOGISTICS_PURCHASING_MANAGE },
      // Office supplies (LOG-1, LOG-5–LOG-8): departments request; the storekeeper keeps the store.
      { path: '/logistics/supplies/requests', labelKey: 'supplies.menu.requests', permission: PERMISSIONS.LOGISTICS_SUPPLIES_REQUEST },
      { path: '/logistics/supplies/items', labelKey: 'supplies.menu.items', permission: PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE },
      { path: '/logistics/supplies/movements', labelKey: 'supplies.menu.movements', permission: PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE },
      { path: '/logistics/supplies/alerts', labelKey: 'supplies.menu.alerts', permission: PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE },
      { path: '/logistics/supplies/stocktakes', labelKey: 'supplies.menu.stocktakes', permission: PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE },
      { path: '/logistics/supplies/consumption', labelKey: 'supplies.menu.consumption', permission: PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE },
      // Event logistics (LOG-11): the office's events; an owner is sent the link to theirs.
      { path: '/logistics/events', labelKey: 'logisticsEvents.menu.events', permission: PERMISSIONS.LOGISTICS_EVENTS_MANAGE },
    ],
  },
  {
    key: 'administration',
    labelKey: 'administration.menu.module',
    icon: 'Briefcase',
    items: [
      { path: '/administration/seal-uses', labelKey: 'administration.menu.sealUses', permission: PERMISSIONS.ADMIN_SEALS_APPLY },
      { path: '/administration/seals', labelKey: 'administration.menu.seals', permission: PERMISSIONS.ADMIN_SEALS_MANAGE },
      { path: '/administration/seal-inspections', labelKey: 'administration.menu.inspections', permission: PERMISSIONS.ADMIN_SEALS_MANAGE },
      { path: '/administration/ledger', labelKey: 'administration.menu.ledger', permission: PERMISSIONS.ADMIN_LEDGER_MANAGE },
      { path: '/administration/archives', labelKey: 'administration.menu.archives', permission: PERMISSIONS.ADMIN_ARCHIVES_MANAGE },
      { path: '/administration/lending', labelKey: 'lending.menu.loans', permission: PERMISSIONS.ADMIN_LENDING_MANAGE },
      { path: '/administration/liaison', labelKey: 'liaison.menu', permission: PERMISSIONS.ORG_READ },
    ],
  },
  {
    key: 'assessment',
    labelKey: 'training.menu.module',
    icon: 'DataAnalysis',
    items: [
      { path: '/assessment/training', labelKey: 'training.menu.training', permission: PERMISSIONS.ASSESSMENT_TRAINING_MANAGE },
      { path: '/assessment/suggestions', labelKey: 'suggestions.menu', permission: PERMISSIONS.ASSESSMENT_SUGGESTIONS_MANAGE },
      { path: '/assessment/summaries', labelKey: 'summary.menu', permission: PERMISSIONS.ASSESSMENT_SUMMARY_MANAGE },
      { path: '/assessment/dashboard', labelKey: 'dashboard.menu', permission: PERMISSIONS.ASSESSMENT_DASHBOARD_VIEW },
      { path: '/assessment/improvement', labelKey: 'improvement.menu', permission: PERMISSIONS.ASSESSMENT_IMPROVEMENT_MANAGE },
      { path: '/assessment/incidents', labelKey: 'incidents.menu', permission: PERMISSIONS.ASSESSMENT_INCIDENTS_MANAGE },
      { path: '/assessment/questionnaires', labelKey: 'questionnaires.menu', permission: PERMISSIONS.ASSESSMENT_QUESTIONNAIRES_MANAGE },
      // 考核 (ASM-2): everyone fills their forms and reads their report; the office runs templates and cycles.
      { path: '/assessment/evaluations/forms', labelKey: 'evaluations.menu.forms' },
      { path: '/assessment/evaluations/reports', labelKey: 'evaluations.menu.reports' },
      { path: '/assessment/evaluations/results', labelKey: 'evaluations.menu.results' },
      {
        path: '/assessment/evaluations/cycles',
        labelKey: 'evaluations.menu.cycles',
        permission: PERMISSIONS.ASSESSMENT_EVALUATIONS_MANAGE,
      },
      {
        path: '/assessment/evaluations/templates',
        labelKey: 'evaluations.menu.templates',
        permission: PERMISSIONS.ASSESSMENT_EVALUATIONS_MANAGE,
      },
      // 创新建议 (ASM-7): anyone submits; the reviewers adopt and award on the same page.
      { path: '/assessment/innovation', labelKey: 'innovation.menu' },
    ],
  },
  {
    key: 'system',
    labelKey: 'menu.system',
    icon: 'Setting',
    items: [
      { path: '/system/users', labelKey: 'menu.users', permission: PERMISSIONS.ORG_READ },
      { path: '/system/departments', labelKey: 'menu.departments', permission: PERMISSIONS.ORG_READ },
      { path: '/system/roles', labelKey: 'menu.roles', permission: PERMISSIONS.ORG_READ },
      { path: '/system/approval-chains', labelKey: 'menu.approvalChains', permission: PERMISSIONS.APPROVAL_CHAINS_MANAGE },
      { path: '/system/notifications', labelKey: 'menu.notifications', permission: PERMISSIONS.NOTIFICATIONS_READ },
      { path: '/system/audit', labelKey: 'menu.audit', permission: PERMISSIONS.AUDIT_READ },
      { path: '/system/backups', labelKey: 'backups.menu', permission: PERMISSIONS.BACKUPS_MANAGE },
      { path: '/system/jobs', labelKey: 'jobs.menu', permission: PERMISSIONS.JOBS_MANAGE },
      { path: '/system/integration/tokens', labelKey: 'integration.tokensMenu', permission: PERMISSIONS.INTEGRATION_TOKENS_MANAGE },
      { path: '/system/integration/webhooks', labelKey: 'integration.webhooksMenu', permission: PERMISSIONS.INTEGRATION_WEBHOOKS_MANAGE },
      // The page itself is open to everyone signed in (reading the calendar); the menu shows it to those who keep it.
      { path: '/system/calendar', labelKey: 'calendar.menu', permission: PERMISSIONS.CALENDAR_MANAGE },
    ],
  },
];

/** True when a person holding `granted` may open the item: it needs no permission, or they hold it. */
export function canSeeMenuItem(item: Pick<MenuItem, 'permission'>, granted: ReadonlySet<string>): boolean {
  return item.permission === undefined || granted.has(item.permission);
}

/**
 * The menu as one person sees it (signed in): items they may use, modules with at least one such
 * item. Items without a permission are everyone's.
 */
export function visibleMenu(granted: readonly string[]): MenuModule[] {
  const has = new Set(granted);
  return MENU.map((module) => ({ ...module, items: module.items.filter((item) => canSeeMenuItem(item, has)) })).filter(
    (module) => module.items.length > 0,
  );
}
