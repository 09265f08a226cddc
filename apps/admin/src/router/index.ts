import { createRouter, createWebHistory, type RouteRecordRaw, type Router } from 'vue-router';
import { PERMISSIONS, type Permission } from '@xiaoban/shared';
import type { useSessionStore } from '../stores/session';

declare module 'vue-router' {
  interface RouteMeta {
    /** Open without signing in. */
    public?: boolean;
    /** Permission the page needs; the guard refuses it to people without (ARCHITECTURE.md). */
    permission?: Permission;
    /** vue-i18n key of the page title. */
    titleKey?: string;
  }
}

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('../views/LoginView.vue'),
    meta: { public: true, titleKey: 'login.title' },
  },
  // Paper forms (DOC-12) print from a page of their own, outside the panel's frame: the screen shows the A4 sheet.
  {
    path: '/documents/outgoing/:id/print',
    name: 'outgoing-sheet',
    component: () => import('../views/documents/print/OutgoingDraftSheetView.vue'),
    meta: { titleKey: 'documents.print.outgoingSheet' },
  },
  {
    path: '/documents/incoming/:id/print',
    name: 'incoming-slip',
    component: () => import('../views/documents/print/IncomingSlipView.vue'),
    meta: { titleKey: 'documents.print.incomingSlip' },
  },
  // The archive's printed catalogue and box labels (ADM-8): pages of their own, the screen shows the A4 sheet.
  {
    path: '/administration/archives/print/catalogue',
    name: 'archive-catalogue-print',
    component: () => import('../views/administration/archives/ArchiveCataloguePrintView.vue'),
    meta: { permission: PERMISSIONS.ADMIN_ARCHIVES_MANAGE, titleKey: 'archives.print.catalogue' },
  },
  {
    path: '/administration/archives/print/boxes',
    name: 'archive-box-labels-print',
    component: () => import('../views/administration/archives/ArchiveBoxLabelsPrintView.vue'),
    meta: { permission: PERMISSIONS.ADMIN_ARCHIVES_MANAGE, titleKey: 'archives.print.labels' },
  },
  // The phone page a QR label opens (DOC-9): outside the panel's frame, laid out for a phone.
  {
    path: '/m/inventory/scan/:kind/:id',
    name: 'inventory-scan',
    component: () => import('../views/documents/inventory/InventoryScanView.vue'),
    meta: { permission: PERMISSIONS.DOCUMENTS_INVENTORY_MANAGE, titleKey: 'retention.scan.title' },
  },
  // Meeting sign-in (MTG-6): the room screen, full screen outside the panel's frame, and the phone
  // page its QR code opens (signing in needs a session: the guard sends a stranger to log in and back).
  {
    path: '/meetings/:id/sign-in-screen',
    name: 'meeting-sign-in-screen',
    component: () => import('../views/meetings/attendance/SignInScreenView.vue'),
    meta: { titleKey: 'meetingPrep.screen.title' },
  },
  // The public suggestion box (ASM-4): anyone, on a phone, without signing in.
  {
    path: '/suggest',
    name: 'suggestion-box',
    component: () => import('../views/assessment/suggestions/SuggestionBoxView.vue'),
    meta: { public: true, titleKey: 'suggestions.box.title' },
  },
  // Answering a questionnaire (ASM-3) through its public link or QR code, on a phone; no sign-in unless named.
  {
    path: '/q/:code',
    name: 'questionnaire-answer',
    component: () => import('../views/assessment/questionnaires/AnswerQuestionnaireView.vue'),
    meta: { public: true, titleKey: 'questionnaires.menu' },
  },
  {
    path: '/m/sign-in',
    name: 'meeting-sign-in',
    component: () => import('../views/meetings/attendance/SignInPhoneView.vue'),
    meta: { titleKey: 'meetingPrep.signIn.title' },
  },
  // Reporting a repair (LOG-9): a teacher's phone page, outside the panel's frame; `:id` is one request's progress.
  {
    path: '/logistics/repairs/:id?',
    name: 'maintenance-repairs',
    component: () => import('../views/logistics/maintenance/RepairPhoneView.vue'),
    meta: { permission: PERMISSIONS.LOGISTICS_MAINTENANCE_REQUEST, titleKey: 'maintenance.menu.repairs' },
  },
  // The phone page an issue slip's QR code opens (LOG-5): a member of the department signs for the supplies.
  {
    path: '/m/supplies/sign/:id',
    name: 'supplies-sign',
    component: () => import('../views/logistics/supplies/SupplySignPhoneView.vue'),
    meta: { titleKey: 'supplies.sign.title' },
  },
  {
    path: '/',
    component: () => import('../layouts/AppLayout.vue'),
    children: [
      { path: '', name: 'home', component: () => import('../views/HomeView.vue'), meta: { titleKey: 'app.subtitle' } },
      // The workbench: everyone signed in has an inbox, requests and messages; rows are theirs only.
      {
        path: 'inbox',
        name: 'inbox',
        component: () => import('../views/workbench/inbox/InboxView.vue'),
        meta: { titleKey: 'menu.inbox' },
      },
      {
        path: 'approvals',
        name: 'approvals',
        component: () => import('../views/workbench/approvals/ApprovalListView.vue'),
        meta: { titleKey: 'menu.approvals' },
      },
      {
        path: 'approvals/:id',
        name: 'approval-detail',
        component: () => import('../views/workbench/approvals/ApprovalDetailView.vue'),
        meta: { titleKey: 'approvals.detailTitle' },
      },
      {
        path: 'messages',
        name: 'messages',
        component: () => import('../views/workbench/messages/MessageListView.vue'),
        meta: { titleKey: 'menu.messages' },
      },
      {
        path: 'messages/:id',
        name: 'message-detail',
        component: () => import('../views/workbench/messages/MessageDetailView.vue'),
        meta: { titleKey: 'messages.detailTitle' },
      },
      // Everyone handles the documents routed to them; the API answers only what the person may see and do.
      {
        path: 'documents/incoming',
        name: 'incoming',
        component: () => import('../views/documents/incoming/IncomingListView.vue'),
        meta: { titleKey: 'menu.incomingDocuments' },
      },
      {
        path: 'documents/outgoing',
        name: 'outgoing',
        component: () => import('../views/documents/outgoing/OutgoingListView.vue'),
        meta: { titleKey: 'menu.outgoingDocuments' },
      },
      {
        path: 'documents/outgoing/prefixes',
        name: 'outgoing-prefixes',
        component: () => import('../views/documents/outgoing/OutgoingPrefixesView.vue'),
        meta: { permission: PERMISSIONS.DOCUMENTS_OUTGOING_REVIEW, titleKey: 'menu.outgoingPrefixes' },
      },
      {
        path: 'documents/outgoing/:id',
        name: 'outgoing-detail',
        component: () => import('../views/documents/outgoing/OutgoingDetailView.vue'),
        meta: { titleKey: 'documents.outgoing.register' },
      },
      {
        path: 'documents/incoming/:id',
        name: 'incoming-detail',
        component: () => import('../views/documents/incoming/IncomingDetailView.vue'),
        meta: { titleKey: 'documents.detailTitle' },
      },
      // Filing, inventory and destruction (DOC-9–DOC-11). A witness opens a destruction list from their inbox without the permission.
      {
        path: 'documents/filing',
        name: 'filing',
        component: () => import('../views/documents/filing/ReadyToFileView.vue'),
        meta: { permission: PERMISSIONS.DOCUMENTS_FILING_MANAGE, titleKey: 'menu.documentFiling' },
      },
      {
        path: 'documents/inventory',
        name: 'inventory',
        component: () => import('../views/documents/inventory/InventoryListView.vue'),
        meta: { permission: PERMISSIONS.DOCUMENTS_INVENTORY_MANAGE, titleKey: 'menu.documentInventory' },
      },
      {
        path: 'documents/inventory/:id',
        name: 'inventory-detail',
        component: () => import('../views/documents/inventory/InventoryDetailView.vue'),
        meta: { permission: PERMISSIONS.DOCUMENTS_INVENTORY_MANAGE, titleKey: 'menu.documentInventory' },
      },
      {
        path: 'retention/destruction-lists',
        name: 'destruction-lists',
        component: () => import('../views/retention/DestructionListView.vue'),
        meta: { permission: PERMISSIONS.RETENTION_DESTRUCTION_MANAGE, titleKey: 'menu.destructionLists' },
      },
      {
        path: 'retention/destruction-lists/:id',
        name: 'destruction-list',
        component: () => import('../views/retention/DestructionDetailView.vue'),
        meta: { titleKey: 'menu.destructionLists' },
      },
      // Meetings (MTG-1–MTG-3). An invitee opens their meeting from the inbox without meetings.book.
      {
        path: 'meetings',
        name: 'meetings',
        component: () => import('../views/meetings/MeetingListView.vue'),
        meta: { permission: PERMISSIONS.MEETINGS_BOOK, titleKey: 'meetings.menu.meetings' },
      },
      {
        path: 'meetings/calendar',
        name: 'meeting-calendar',
        component: () => import('../views/meetings/calendar/BookingCalendarView.vue'),
        meta: { permission: PERMISSIONS.MEETINGS_BOOK, titleKey: 'meetings.menu.calendar' },
      },
      {
        path: 'meetings/rooms',
        name: 'meeting-rooms',
        component: () => import('../views/meetings/rooms/RoomListView.vue'),
        meta: { permission: PERMISSIONS.MEETINGS_ROOMS_MANAGE, titleKey: 'meetings.menu.rooms' },
      },
      // Resolutions (MTG-9): the leaders' report; a task opened from its owner's inbox.
      {
        path: 'meetings/resolutions',
        name: 'meeting-resolutions',
        component: () => import('../views/meetings/resolutions/ResolutionReportView.vue'),
        meta: { permission: PERMISSIONS.MEETINGS_RESOLUTIONS_REPORT, titleKey: 'meetings.menu.resolutions' },
      },
      {
        path: 'meetings/resolution-tasks/:taskId',
        name: 'resolution-task',
        component: () => import('../views/meetings/resolutions/ResolutionTaskView.vue'),
        meta: { titleKey: 'meetingMinutes.task.title' },
      },
      {
        path: 'meetings/:id',
        name: 'meeting-detail',
        component: () => import('../views/meetings/MeetingDetailView.vue'),
        meta: { titleKey: 'meetings.menu.meetings' },
      },
      // Administration: seals (ADM-4–ADM-6) and the work ledger (ADM-3). Owners and custodians open items from their notifications.
      {
        path: 'administration/seals/:id?',
        name: 'seals',
        component: () => import('../views/administration/SealListView.vue'),
        meta: { permission: PERMISSIONS.ADMIN_SEALS_MANAGE, titleKey: 'administration.menu.seals' },
      },
      {
        path: 'administration/seal-uses/:id?',
        name: 'seal-uses',
        component: () => import('../views/administration/SealUsesView.vue'),
        meta: { titleKey: 'administration.menu.sealUses' },
      },
      {
        path: 'administration/seal-inspections',
        name: 'seal-inspections',
        component: () => import('../views/administration/SealInspectionsView.vue'),
        meta: { titleKey: 'administration.menu.inspections' },
      },
      {
        path: 'administration/ledger/:id?',
        name: 'work-ledger',
        component: () => import('../views/administration/LedgerView.vue'),
        meta: { titleKey: 'administration.menu.ledger' },
      },
      // Information (INF-2 first): the personal-data check before publishing, and the name lists it looks for.
      {
        path: 'information/notices',
        name: 'notices',
        component: () => import('../views/information/notices/NoticeListView.vue'),
        meta: { titleKey: 'information.menu.notices' },
      },
      // Recipients open their notices from the message centre, on a phone as well.
      {
        path: 'information/notices/:id',
        name: 'notice-detail',
        component: () => import('../views/information/notices/NoticeDetailView.vue'),
        meta: { titleKey: 'information.menu.notices' },
      },
      {
        path: 'information/desensitise',
        name: 'desensitise',
        component: () => import('../views/information/DesensitiseCheckView.vue'),
        meta: { permission: PERMISSIONS.INFO_DESENSITISE, titleKey: 'information.menu.desensitise' },
      },
      {
        path: 'information/name-lists',
        name: 'name-lists',
        component: () => import('../views/information/NameListsView.vue'),
        meta: { permission: PERMISSIONS.INFO_NAME_LISTS_MANAGE, titleKey: 'information.menu.nameLists' },
      },
      // Bulletin boards (INF-6), group robots (INF-3) and the link checker's report (INF-5).
      {
        path: 'information/boards',
        name: 'boards',
        component: () => import('../views/information/boards/BoardListView.vue'),
        meta: { permission: PERMISSIONS.INFO_BOARDS_MANAGE, titleKey: 'boards.menu.boards' },
      },
      {
        path: 'information/robots',
        name: 'notice-robots',
        component: () => import('../views/information/boards/RobotsView.vue'),
        meta: { permission: PERMISSIONS.INFO_NOTICES_MANAGE, titleKey: 'boards.menu.robots' },
      },
      {
        path: 'information/links',
        name: 'notice-links',
        component: () => import('../views/information/boards/BrokenLinksView.vue'),
        meta: { permission: PERMISSIONS.INFO_NOTICES_MANAGE, titleKey: 'boards.menu.links' },
      },
      // Information collection (INF-1): the office's requests and review; a department's own submissions; the publishing list.
      {
        path: 'information/collection',
        name: 'collection-requests',
        component: () => import('../views/information/collection/CollectionRequestsView.vue'),
        meta: { permission: PERMISSIONS.INFO_COLLECTION_MANAGE, titleKey: 'reception.menu.collection' },
      },
      {
        path: 'information/collection/mine',
        name: 'collection-mine',
        component: () => import('../views/information/collection/CollectionRequestsView.vue'),
        meta: { titleKey: 'reception.menu.collection' },
      },
      {
        path: 'information/collection/:id',
        name: 'collection-request',
        component: () => import('../views/information/collection/CollectionRequestDetailView.vue'),
        meta: { titleKey: 'reception.menu.collection' },
      },
      {
        path: 'information/publishing-list',
        name: 'publishing-list',
        component: () => import('../views/information/collection/PublishingListView.vue'),
        meta: { permission: PERMISSIONS.INFO_COLLECTION_MANAGE, titleKey: 'reception.menu.publishing' },
      },
      // Visitor reception (INF-7) and reception cover (INF-9).
      {
        path: 'information/visitors',
        name: 'visitors',
        component: () => import('../views/information/visitors/VisitorsView.vue'),
        meta: { titleKey: 'reception.menu.visitors' },
      },
      {
        path: 'information/reception/cover',
        name: 'reception-cover',
        component: () => import('../views/information/cover/ReceptionCoverView.vue'),
        meta: { permission: PERMISSIONS.INFO_RECEPTION_MANAGE, titleKey: 'reception.menu.cover' },
      },
      // Everyone records their own out-of-office entries (INF-9), on a phone as well.
      {
        path: 'information/out-of-office',
        name: 'my-out-of-office',
        component: () => import('../views/information/cover/MyAbsencesView.vue'),
        meta: { permission: PERMISSIONS.INFO_OUT_OF_OFFICE_RECORD, titleKey: 'reception.menu.outOfOffice' },
      },
      {
        path: 'administration/archives',
        name: 'archives',
        component: () => import('../views/administration/archives/ArchivesView.vue'),
        meta: { permission: PERMISSIONS.ADMIN_ARCHIVES_MANAGE, titleKey: 'administration.menu.archives' },
      },
      // Classified lending (ADM-10) and the liaison directory (ADM-1); training records (ASM-6) under assessment.
      {
        path: 'administration/lending',
        name: 'classified-lending',
        component: () => import('../views/administration/lending/LoanListView.vue'),
        meta: { titleKey: 'lending.menu.loans' },
      },
      {
        path: 'administration/liaison',
        name: 'department-liaisons',
        component: () => import('../views/administration/liaison/LiaisonView.vue'),
        meta: { permission: PERMISSIONS.ORG_READ, titleKey: 'liaison.menu' },
      },
      {
        path: 'assessment/training',
        name: 'training-records',
        component: () => import('../views/assessment/training/TrainingView.vue'),
        meta: { permission: PERMISSIONS.ASSESSMENT_TRAINING_MANAGE, titleKey: 'training.menu.training' },
      },
      // The office handles every suggestion; whoever one is assigned to answers it here (from their inbox).
      {
        path: 'assessment/suggestions',
        name: 'suggestions',
        component: () => import('../views/assessment/suggestions/SuggestionsView.vue'),
        meta: { titleKey: 'suggestions.menu' },
      },
      // The monthly work summary (ASM-1, REQ-4) and the director's dashboard (ASM-8).
      {
        path: 'assessment/summaries',
        name: 'summaries',
        component: () => import('../views/assessment/summary/SummariesView.vue'),
        meta: { permission: PERMISSIONS.ASSESSMENT_SUMMARY_MANAGE, titleKey: 'summary.menu' },
      },
      {
        path: 'assessment/dashboard',
        name: 'dashboard',
        component: () => import('../views/assessment/dashboard/DashboardView.vue'),
        meta: { permission: PERMISSIONS.ASSESSMENT_DASHBOARD_VIEW, titleKey: 'dashboard.menu' },
      },
      // Questionnaires (ASM-3): the office builds, opens and closes them, and follows the results live.
      {
        path: 'assessment/questionnaires',
        name: 'questionnaires',
        component: () => import('../views/assessment/questionnaires/QuestionnairesView.vue'),
        meta: { permission: PERMISSIONS.ASSESSMENT_QUESTIONNAIRES_MANAGE, titleKey: 'questionnaires.menu' },
      },
      {
        path: 'assessment/questionnaires/:id',
        name: 'questionnaire-results',
        component: () => import('../views/assessment/questionnaires/QuestionnaireResultsView.vue'),
        meta: { permission: PERMISSIONS.ASSESSMENT_QUESTIONNAIRES_MANAGE, titleKey: 'questionnaires.results.title' },
      },
      // Evaluations (ASM-2): everyone fills their forms and reads their report; heads see their departments' results; the office runs cycles.
      {
        path: 'assessment/evaluations/forms',
        name: 'evaluation-forms',
        component: () => import('../views/assessment/evaluations/MyFormsView.vue'),
        meta: { titleKey: 'evaluations.menu.forms' },
      },
      {
        path: 'assessment/evaluations/reports',
        name: 'evaluation-reports',
        component: () => import('../views/assessment/evaluations/MyReportsView.vue'),
        meta: { titleKey: 'evaluations.menu.reports' },
      },
      {
        path: 'assessment/evaluations/results',
        name: 'evaluation-results',
        component: () => import('../views/assessment/evaluations/ResultsView.vue'),
        meta: { titleKey: 'evaluations.menu.results' },
      },
      {
        path: 'assessment/evaluations/cycles',
        name: 'evaluation-cycles',
        component: () => import('../views/assessment/evaluations/CyclesView.vue'),
        meta: { permission: PERMISSIONS.ASSESSMENT_EVALUATIONS_MANAGE, titleKey: 'evaluations.menu.cycles' },
      },
      {
        path: 'assessment/evaluations/templates',
        name: 'evaluation-templates',
        component: () => import('../views/assessment/evaluations/TemplatesView.vue'),
        meta: { permission: PERMISSIONS.ASSESSMENT_EVALUATIONS_MANAGE, titleKey: 'evaluations.menu.templates' },
      },
      // Innovation suggestions (ASM-7): anyone submits and follows theirs; reviewers adopt, record implementation and awards.
      {
        path: 'assessment/innovation',
        name: 'innovation',
        component: () => import('../views/assessment/innovation/InnovationView.vue'),
        meta: { titleKey: 'innovation.menu' },
      },
      // Purchasing (LOG-2–LOG-4): monthly demand, purchase lists with quotes, approval, order and receiving, suppliers.
      {
        path: 'logistics/demand',
        name: 'purchase-demand',
        component: () => import('../views/logistics/purchasing/DemandView.vue'),
        meta: { permission: PERMISSIONS.LOGISTICS_DEMAND_SUBMIT, titleKey: 'purchasing.menu.demand' },
      },
      {
        path: 'logistics/purchase-lists',
        name: 'purchase-lists',
        component: () => import('../views/logistics/purchasing/PurchaseListsView.vue'),
        meta: { permission: PERMISSIONS.LOGISTICS_PURCHASING_MANAGE, titleKey: 'purchasing.menu.lists' },
      },
      {
        path: 'logistics/purchase-lists/:id',
        name: 'purchase-list',
        component: () => import('../views/logistics/purchasing/PurchaseListDetailView.vue'),
        meta: { permission: PERMISSIONS.LOGISTICS_PURCHASING_MANAGE, titleKey: 'purchasing.list.detail' },
      },
      {
        path: 'logistics/suppliers',
        name: 'suppliers',
        component: () => import('../views/logistics/purchasing/SupplierListView.vue'),
        meta: { permission: PERMISSIONS.LOGISTICS_PURCHASING_MANAGE, titleKey: 'purchasing.menu.suppliers' },
      },
      // Office supplies (LOG-1, LOG-5–LOG-8).
      {
        path: 'logistics/supplies/requests',
        name: 'supply-requests',
        component: () => import('../views/logistics/supplies/SupplyRequestsView.vue'),
        meta: { permission: PERMISSIONS.LOGISTICS_SUPPLIES_REQUEST, titleKey: 'supplies.menu.requests' },
      },
      {
        path: 'logistics/supplies/items',
        name: 'supply-items',
        component: () => import('../views/logistics/supplies/SupplyItemsView.vue'),
        meta: { permission: PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE, titleKey: 'supplies.menu.items' },
      },
      {
        path: 'logistics/supplies/movements',
        name: 'stock-movements',
        component: () => import('../views/logistics/supplies/StockMovementsView.vue'),
        meta: { permission: PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE, titleKey: 'supplies.menu.movements' },
      },
      {
        path: 'logistics/supplies/alerts',
        name: 'low-stock-alerts',
        component: () => import('../views/logistics/supplies/LowStockAlertsView.vue'),
        meta: { permission: PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE, titleKey: 'supplies.menu.alerts' },
      },
      {
        path: 'logistics/supplies/stocktakes',
        name: 'stocktakes',
        component: () => import('../views/logistics/supplies/StocktakesView.vue'),
        meta: { permission: PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE, titleKey: 'supplies.menu.stocktakes' },
      },
      {
        path: 'logistics/supplies/consumption',
        name: 'supply-consumption',
        component: () => import('../views/logistics/supplies/ConsumptionView.vue'),
        meta: { permission: PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE, titleKey: 'supplies.menu.consumption' },
      },
      {
        path: 'system/users',
        name: 'users',
        component: () => import('../views/system/users/UserListView.vue'),
        meta: { permission: PERMISSIONS.ORG_READ, titleKey: 'menu.users' },
      },
      {
        path: 'system/departments',
        name: 'departments',
        component: () => import('../views/system/departments/DepartmentListView.vue'),
        meta: { permission: PERMISSIONS.ORG_READ, titleKey: 'menu.departments' },
      },
      {
        path: 'system/roles',
        name: 'roles',
        component: () => import('../views/system/roles/RoleListView.vue'),
        meta: { permission: PERMISSIONS.ORG_READ, titleKey: 'menu.roles' },
      },
      {
        path: 'system/approval-chains',
        name: 'approval-chains',
        component: () => import('../views/system/approval-chains/ApprovalChainView.vue'),
        meta: { permission: PERMISSIONS.APPROVAL_CHAINS_MANAGE, titleKey: 'menu.approvalChains' },
      },
      {
        path: 'system/notifications',
        name: 'notifications',
        component: () => import('../views/system/notifications/NotificationsView.vue'),
        meta: { permission: PERMISSIONS.NOTIFICATIONS_READ, titleKey: 'menu.notifications' },
      },
      {
        path: 'system/audit',
        name: 'audit',
        component: () => import('../views/system/audit/AuditLogView.vue'),
        meta: { permission: PERMISSIONS.AUDIT_READ, titleKey: 'menu.audit' },
      },
      {
        path: 'system/backups',
        name: 'backups',
        component: () => import('../views/system/backups/BackupListView.vue'),
        meta: { permission: PERMISSIONS.BACKUPS_MANAGE, titleKey: 'backups.menu' },
      },
      {
        path: 'system/jobs',
        name: 'jobs',
        component: () => import('../views/system/jobs/JobsView.vue'),
        meta: { permission: PERMISSIONS.JOBS_MANAGE, titleKey: 'jobs.menu' },
      },
      {
        path: 'system/integration/tokens',
        name: 'api-tokens',
        component: () => import('../views/system/integration/tokens/ApiTokenListView.vue'),
        meta: { permission: PERMISSIONS.INTEGRATION_TOKENS_MANAGE, titleKey: 'integration.tokensMenu' },
      },
      {
        path: 'system/integration/webhooks',
        name: 'webhooks',
        component: () => import('../views/system/integration/webhooks/WebhookListView.vue'),
        meta: { permission: PERMISSIONS.INTEGRATION_WEBHOOKS_MANAGE, titleKey: 'integration.webhooksMenu' },
      },
      // Event logistics (LOG-11): the office sees every event, an owner their own (the API lists what each may see).
      {
        path: 'logistics/events',
        name: 'logistics-events',
        component: () => import('../views/logistics/events/EventListView.vue'),
        meta: { titleKey: 'logisticsEvents.menu.events' },
      },
      {
        path: 'logistics/events/:id',
        name: 'logistics-event',
        component: () => import('../views/logistics/events/EventDetailView.vue'),
        meta: { titleKey: 'logisticsEvents.menu.events' },
      },
      // Everyone signed in reads the school calendar; changing it needs calendar.manage (checked on the page).
      {
        path: 'system/calendar',
        name: 'calendar',
        component: () => import('../views/system/calendar/CalendarView.vue'),
        meta: { titleKey: 'calendar.menu' },
      },
      // Maintenance (LOG-9) and facility inspections (LOG-10).
      {
        path: 'logistics/maintenance',
        name: 'maintenance-requests',
        component: () => import('../views/logistics/maintenance/MaintenanceListView.vue'),
        props: { mode: 'office' },
        meta: { permission: PERMISSIONS.LOGISTICS_MAINTENANCE_MANAGE, titleKey: 'maintenance.menu.requests' },
      },
      {
        path: 'logistics/maintenance/jobs',
        name: 'maintenance-jobs',
        component: () => import('../views/logistics/maintenance/MaintenanceListView.vue'),
        props: { mode: 'worker' },
        meta: { permission: PERMISSIONS.LOGISTICS_MAINTENANCE_WORK, titleKey: 'maintenance.menu.jobs' },
      },
      {
        path: 'logistics/maintenance/locations',
        name: 'maintenance-locations',
        component: () => import('../views/logistics/maintenance/LocationsView.vue'),
        meta: { permission: PERMISSIONS.LOGISTICS_MAINTENANCE_MANAGE, titleKey: 'maintenance.menu.locations' },
      },
      {
        path: 'logistics/maintenance/inspections',
        name: 'maintenance-inspections',
        component: () => import('../views/logistics/maintenance/InspectionsView.vue'),
        meta: { permission: PERMISSIONS.LOGISTICS_INSPECTIONS_RECORD, titleKey: 'maintenance.menu.inspections' },
      },
      {
        path: 'logistics/maintenance/report',
        name: 'maintenance-report',
        component: () => import('../views/logistics/maintenance/RepeatFaultsView.vue'),
        meta: { permission: PERMISSIONS.LOGISTICS_MAINTENANCE_MANAGE, titleKey: 'maintenance.menu.report' },
      },
      {
        path: 'forbidden',
        name: 'forbidden',
        component: () => import('../views/ForbiddenView.vue'),
        meta: { titleKey: 'pages.forbiddenTitle' },
      },
      // Improvement (ASM-5): the office runs problems; a measure owner reports from their inbox (no permission needed to open it).
      {
        path: 'assessment/improvement',
        name: 'improvement',
        component: () => import('../views/assessment/improvement/ImprovementView.vue'),
        meta: { titleKey: 'improvement.menu' },
      },
      {
        path: 'assessment/incidents',
        name: 'incidents',
        component: () => import('../views/assessment/incidents/IncidentsView.vue'),
        meta: { permission: PERMISSIONS.ASSESSMENT_INCIDENTS_MANAGE, titleKey: 'incidents.menu' },
      },
      // Escalation (REQ-1) and support requests (REQ-2): every signed-in person reports and asks; the rows show what they may see.
      {
        path: 'assessment/escalations',
        name: 'escalations',
        component: () => import('../views/assessment/escalations/EscalationsView.vue'),
        meta: { titleKey: 'escalations.menu' },
      },
      {
        path: 'assessment/support',
        name: 'support-requests',
        component: () => import('../views/assessment/support/SupportRequestsView.vue'),
        meta: { titleKey: 'supportRequests.menu' },
      },
      {
        path: ':unknown(.*)*',
        name: 'not-found',
        component: () => import('../views/NotFoundView.vue'),
        meta: { titleKey: 'pages.notFoundTitle' },
      },
    ],
  },
];

/**
 * Where to go after signing in: the page the person was sent away from, if it is one of ours.
 * Only same-origin paths are accepted, so a crafted link cannot forward a fresh session elsewhere.
 */
export function safeRedirect(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return '/';
  return value;
}

type SessionStore = ReturnType<typeof useSessionStore>;

/** Sends signed-out people to /login and refuses pages the person lacks the permission for. */
export function installGuards(router: Router, session: SessionStore): void {
  router.beforeEach(async (to) => {
    if (to.meta.public) return true;
    if (!session.isSignedIn) return { name: 'login', query: { redirect: to.fullPath } };
    // A failed look-up (rejected token, or no answer at all) ends at the sign-in page rather than
    // on a blank screen.
    if (!session.me && !(await session.loadMe().catch(() => false))) {
      session.clear();
      return { name: 'login', query: { redirect: to.fullPath } };
    }
    if (to.meta.permission && !session.can(to.meta.permission)) return { name: 'forbidden' };
    return true;
  });
}

export function createAppRouter(): Router {
  return createRouter({ history: createWebHistory(import.meta.env.BASE_URL), routes });
}
