/**
 * The permission catalogue: the one list that the API guard checks and the admin panel uses to
 * show menus and buttons. Each module issue adds its own permissions here, next to its menu entry.
 *
 * A permission names a kind of action (`<area>.<resource>.<verb>`); row-level rules (department,
 * clearance, named recipients) are enforced by the services, not by permissions.
 */
export const PERMISSIONS = {
  /** See accounts and the organisation (users, departments, roles). */
  ORG_READ: 'org.read',
  /** Create and change accounts, reset passwords. */
  USERS_MANAGE: 'org.users.manage',
  /** Create and change departments. */
  DEPARTMENTS_MANAGE: 'org.departments.manage',
  /** Create and change roles and their permissions. */
  ROLES_MANAGE: 'org.roles.manage',
  /** Search the audit log (操作日志). */
  AUDIT_READ: 'audit.read',
  /** Verify and seal the audit log's hash chain. */
  AUDIT_VERIFY: 'audit.verify',
  /** Write internal messages (站内信) to people and departments. */
  MESSAGES_SEND: 'messages.send',
  /** Submit requests for approval (e.g. a general request, 请示). */
  APPROVALS_SUBMIT: 'approvals.submit',
  /** See every approval request, not only one's own and those one acts on. */
  APPROVALS_READ_ALL: 'approvals.read-all',
  /** Edit approval chains (审批流). */
  APPROVAL_CHAINS_MANAGE: 'approvals.chains.manage',
  /** See the notification delivery log. */
  NOTIFICATIONS_READ: 'notifications.read',
  /** Resend deliveries and configure channels. */
  NOTIFICATIONS_MANAGE: 'notifications.manage',
  /** Edit the school calendar: semesters, holidays, 调休 working days, weeks without teaching (PLT-10). */
  CALENDAR_MANAGE: 'calendar.manage',
  /** See scheduled jobs, their runs and failures, and run a schedule now (PLT-8). */
  JOBS_MANAGE: 'jobs.manage',
  /** Issue and revoke API tokens for other school systems (PLT-9). */
  INTEGRATION_TOKENS_MANAGE: 'integration.tokens.manage',
  /** Configure outgoing webhooks and resend their deliveries (PLT-9). */
  INTEGRATION_WEBHOOKS_MANAGE: 'integration.webhooks.manage',
  /** Run, verify and list backups. */
  BACKUPS_MANAGE: 'backups.manage',
  /** Register incoming documents (收文登记) and move them through 初审, 拟办, 退文, 办结, 归档 (DOC-1–DOC-3). */
  DOCUMENTS_INCOMING_REGISTER: 'documents.incoming.register',
  /** See every unclassified incoming document; classified ones still need clearance and need-to-know. */
  DOCUMENTS_INCOMING_READ_ALL: 'documents.incoming.read-all',
  /** Route incoming documents to departments and persons (分送, DOC-4). */
  DOCUMENTS_INCOMING_ROUTE: 'documents.incoming.route',
  /** Give a leader's instruction on incoming documents (批办, DOC-5). */
  DOCUMENTS_INCOMING_INSTRUCT: 'documents.incoming.instruct',
  /** Confirm receipt of and handle incoming documents routed to one (承办, DOC-6). */
  DOCUMENTS_INCOMING_HANDLE: 'documents.incoming.handle',
  /** Draft outgoing documents (拟稿, DOC-7) and edit one's own drafts. */
  DOCUMENTS_OUTGOING_DRAFT: 'documents.outgoing.draft',
  /** The office's steps of outgoing documents: 核稿, 审核, 复核, 登记, 印制, 校对, 用印, 分发, 归档, and numbers (DOC-7). */
  DOCUMENTS_OUTGOING_REVIEW: 'documents.outgoing.review',
  /** See every unclassified outgoing document; classified ones still need clearance and need-to-know. */
  DOCUMENTS_OUTGOING_READ_ALL: 'documents.outgoing.read-all',
  /** Configure the school's 机关代字 of outgoing numbers (DOC-7). */
  DOCUMENTS_OUTGOING_PREFIXES_MANAGE: 'documents.outgoing.prefixes.manage',
  /** Keep the meeting rooms: their equipment, photos, and whether they may be booked (MTG-1). */
  MEETINGS_ROOMS_MANAGE: 'meetings.rooms.manage',
  /** Book meeting rooms, once or weekly (MTG-1). */
  MEETINGS_BOOK: 'meetings.book',
  /** Organise meetings: agenda, attendees, notice (MTG-2, MTG-3). */
  MEETINGS_ORGANISE: 'meetings.organise',
  /** Configure meeting types, and change or cancel anyone's bookings and the meetings they may see. */
  MEETINGS_MANAGE: 'meetings.manage',
  /** Propose destruction lists of expired records (销毁清册), submit them, record and complete the destruction (DOC-10). */
  RETENTION_DESTRUCTION_MANAGE: 'retention.destruction.manage',
  /** Run the monthly inventory of paper documents (清点): open it, count, record damage and close it (DOC-9). */
  DOCUMENTS_INVENTORY_MANAGE: 'documents.inventory.manage',
  /** Mark finished documents ready to file and see the ready-to-file list (归档, DOC-11). */
  DOCUMENTS_FILING_MANAGE: 'documents.filing.manage',
  /** Keep the seal register (印章): seals, status, handovers; see every seal-use application and the 用印登记簿; inspections (ADM-4–ADM-6). */
  ADMIN_SEALS_MANAGE: 'administration.seals.manage',
  /** Apply to use a seal (用印申请, ADM-5). */
  ADMIN_SEALS_APPLY: 'administration.seals.apply',
  /** Keep the work ledger (工作台账, ADM-3): open matters, name owners, see every matter and export. */
  ADMIN_LEDGER_MANAGE: 'administration.ledger.manage',
  /** Check text for personal data before it is published (脱敏检查, INF-2): scan, mask or keep with a reason. */
  INFO_DESENSITISE: 'information.desensitise',
  /** Keep the name lists the desensitisation scan looks for (students, for example) (INF-2). */
  INFO_NAME_LISTS_MANAGE: 'information.name-lists.manage',
  /** Draft notices and announcements (通知公告), submit them for verification and publish them once verified (INF-3). */
  INFO_NOTICES_DRAFT: 'information.notices.draft',
  /** See every notice with its coverage, resend to the unreached, correct published notices (INF-3, INF-4). */
  INFO_NOTICES_MANAGE: 'information.notices.manage',
  /** Keep the archive (档案, ADM-7–ADM-9): classification and retention schedule, accession, boxes, filing from documents, archive backups. */
  ADMIN_ARCHIVES_MANAGE: 'administration.archives.manage',
  /** Lend classified items (涉密载体外借, ADM-10): register loan applications for borrowers, see the loan register, record returns. */
  ADMIN_LENDING_MANAGE: 'administration.lending.manage',
  /** Keep training records (培训, ASM-6): plans, sessions, attendance and results. */
  ASSESSMENT_TRAINING_MANAGE: 'assessment.training.manage',
  /** Handle suggestions and hotline calls (意见箱/热线, ASM-4): see them all, log calls, assign, answer and close. */
  ASSESSMENT_SUGGESTIONS_MANAGE: 'assessment.suggestions.manage',
  /** Declassify documents (解密, REQ-3): the office records the decision and its reason. */
  DOCUMENTS_DECLASSIFY: 'documents.declassify',
  /** See every resolution of the meetings one may see, with its tasks' state, and export the report (决议落实情况, MTG-9). */
  MEETINGS_RESOLUTIONS_REPORT: 'meetings.resolutions.report',
  /** Report a repair (报修, LOG-9) from the phone page; follow, confirm and rate one's own requests. */
  LOGISTICS_MAINTENANCE_REQUEST: 'logistics.maintenance.request',
  /** Run maintenance (LOG-9, LOG-10): locations, register phone/paper requests, triage, assign, settings, reports, inspection checklists. */
  LOGISTICS_MAINTENANCE_MANAGE: 'logistics.maintenance.manage',
  /** Work on the repairs one is assigned (维修工, LOG-9): start, progress, complete with note and photos. */
  LOGISTICS_MAINTENANCE_WORK: 'logistics.maintenance.work',
  /** Record facility inspection rounds (巡查, LOG-10): pass/fail per item; a failure raises a repair request. */
  LOGISTICS_INSPECTIONS_RECORD: 'logistics.inspections.record',
  /** Keep the bulletin boards (公告栏, INF-6): boards, postings and removals, daily checks, cleaning. */
  INFO_BOARDS_MANAGE: 'information.boards.manage',
  /** Keep the supplies (库管, LOG-1, LOG-5–LOG-8): catalogue, stock in, issue to departments, low-stock alerts, stocktaking, consumption. */
  LOGISTICS_SUPPLIES_MANAGE: 'logistics.supplies.manage',
  /** Request supplies for one's own department and sign for their receipt (领用, LOG-5). */
  LOGISTICS_SUPPLIES_REQUEST: 'logistics.supplies.request',
  /** Approve the variances of a stocktake entered by someone else (盘点调整审批, LOG-7). */
  LOGISTICS_STOCKTAKE_APPROVE: 'logistics.supplies.stocktake.approve',
  /** Submit one's department's monthly supply demand (月度需求, LOG-2). */
  LOGISTICS_DEMAND_SUBMIT: 'logistics.demand.submit',
  /** Run purchasing (采购, LOG-2–LOG-4): demand windows, merging into purchase lists, suppliers, quotes, orders and receiving. */
  LOGISTICS_PURCHASING_MANAGE: 'logistics.purchasing.manage',
  /** Ask departments for information (信息采集), review their submissions, keep the publishing list (INF-1). */
  INFO_COLLECTION_MANAGE: 'information.collection.manage',
  /** Submit one's department's information to a collection request (INF-1). */
  INFO_COLLECTION_SUBMIT: 'information.collection.submit',
  /** Keep the visitor log, the reception roster and out-of-office entries; see who covers reception (INF-7, INF-9). */
  INFO_RECEPTION_MANAGE: 'information.reception.manage',
  /** Record one's own out-of-office entries (外出登记, INF-9); every built-in role has it. */
  INFO_OUT_OF_OFFICE_RECORD: 'information.out-of-office.record',
  /** Organise event logistics (活动后勤, LOG-11): create events, see every event, reserve and issue stock for them, reconcile. */
  LOGISTICS_EVENTS_MANAGE: 'logistics.events.manage',
  /** Compile the monthly work summary, write the office's narrative and submit it (月度工作总结, ASM-1, REQ-4). */
  ASSESSMENT_SUMMARY_MANAGE: 'assessment.summary.manage',
  /** Review the monthly summary: approve, return with a reason, archive (ASM-1). */
  ASSESSMENT_SUMMARY_REVIEW: 'assessment.summary.review',
  /** See the director's dashboard of the office's figures (ASM-8). */
  ASSESSMENT_DASHBOARD_VIEW: 'assessment.dashboard.view',
  /** Run improvement (整改, ASM-5): record problems and root causes, set measures, evaluate the effect; promote suggestions to problems. */
  ASSESSMENT_IMPROVEMENT_MANAGE: 'assessment.improvement.manage',
  /** Keep the incident register (突发情况, REQ-5) and write post-incident reviews whose lessons become improvement measures. */
  ASSESSMENT_INCIDENTS_MANAGE: 'assessment.incidents.manage',
  /** Configure escalation routing (问题上报, REQ-1) and oversee every escalation and support request between departments (REQ-2). */
  ASSESSMENT_ESCALATIONS_MANAGE: 'assessment.escalations.manage',
  /** Build, open, distribute and close questionnaires, and see their results (问卷, ASM-3). */
  ASSESSMENT_QUESTIONNAIRES_MANAGE: 'assessment.questionnaires.manage',
  /** Run evaluations (考核, ASM-2): templates, cycles, participants; see every result. Staff fill their own forms without it. */
  ASSESSMENT_EVALUATIONS_MANAGE: 'assessment.evaluations.manage',
  /** Review innovation suggestions (创新建议, ASM-7): adopt or not, record implementation and awards. Anyone may submit one. */
  ASSESSMENT_INNOVATION_MANAGE: 'assessment.innovation.manage',
} as const;

export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

export const ALL_PERMISSIONS: readonly Permission[] = Object.values(PERMISSIONS);

export function isPermission(value: string): value is Permission {
  return (ALL_PERMISSIONS as readonly string[]).includes(value);
}

/** Human labels for the role editor, keyed by permission; zh-CN first. */
export const PERMISSION_LABELS: Record<Permission, { 'zh-CN': string; en: string }> = {
  'org.read': { 'zh-CN': '查看组织与账号', en: 'View organisation and accounts' },
  'org.users.manage': { 'zh-CN': '管理账号', en: 'Manage accounts' },
  'org.departments.manage': { 'zh-CN': '管理部门', en: 'Manage departments' },
  'org.roles.manage': { 'zh-CN': '管理角色与权限', en: 'Manage roles and permissions' },
  'audit.read': { 'zh-CN': '查看操作日志', en: 'View the audit log' },
  'audit.verify': { 'zh-CN': '校验操作日志', en: 'Verify the audit log' },
  'messages.send': { 'zh-CN': '发送站内信', en: 'Send internal messages' },
  'approvals.submit': { 'zh-CN': '提交审批申请', en: 'Submit requests for approval' },
  'approvals.read-all': { 'zh-CN': '查看全部审批', en: 'View all approval requests' },
  'approvals.chains.manage': { 'zh-CN': '配置审批流', en: 'Configure approval chains' },
  'notifications.read': { 'zh-CN': '查看消息发送记录', en: 'View the notification delivery log' },
  'notifications.manage': { 'zh-CN': '管理消息渠道与重发', en: 'Manage channels and resend notifications' },
  'calendar.manage': { 'zh-CN': '管理校历', en: 'Manage the school calendar' },
  'jobs.manage': { 'zh-CN': '管理定时任务', en: 'Manage scheduled jobs' },
  'integration.tokens.manage': { 'zh-CN': '管理接口令牌', en: 'Manage API tokens' },
  'integration.webhooks.manage': { 'zh-CN': '管理事件推送（Webhook）', en: 'Manage outgoing webhooks' },
  'backups.manage': { 'zh-CN': '管理备份', en: 'Manage backups' },
  'documents.incoming.register': { 'zh-CN': '收文登记与处理', en: 'Register and process incoming documents' },
  'documents.incoming.read-all': { 'zh-CN': '查看全部非密收文', en: 'View all unclassified incoming documents' },
  'documents.incoming.route': { 'zh-CN': '收文分送', en: 'Route incoming documents' },
  'documents.incoming.instruct': { 'zh-CN': '收文批办', en: 'Instruct on incoming documents' },
  'documents.incoming.handle': { 'zh-CN': '收文承办', en: 'Handle incoming documents routed to one' },
  'documents.outgoing.draft': { 'zh-CN': '发文拟稿', en: 'Draft outgoing documents' },
  'documents.outgoing.review': { 'zh-CN': '发文核稿、审核、登记与分发', en: 'Process outgoing documents (office)' },
  'documents.outgoing.read-all': { 'zh-CN': '查看全部非密发文', en: 'View all unclassified outgoing documents' },
  'documents.outgoing.prefixes.manage': { 'zh-CN': '管理发文机关代字', en: 'Manage outgoing number prefixes' },
  'meetings.rooms.manage': { 'zh-CN': '管理会议室', en: 'Manage meeting rooms' },
  'meetings.book': { 'zh-CN': '预约会议室', en: 'Book meeting rooms' },
  'meetings.organise': { 'zh-CN': '组织会议', en: 'Organise meetings' },
  'meetings.manage': { 'zh-CN': '管理会议类型与全部预约', en: 'Manage meeting types and all bookings' },
  'retention.destruction.manage': { 'zh-CN': '销毁清册与销毁记录', en: 'Destruction lists and records' },
  'documents.inventory.manage': { 'zh-CN': '公文清点', en: 'Inventory of paper documents' },
  'documents.filing.manage': { 'zh-CN': '公文归档准备', en: 'Prepare documents for filing' },
  'administration.seals.manage': { 'zh-CN': '印章管理', en: 'Keep the seal register' },
  'administration.seals.apply': { 'zh-CN': '用印申请', en: 'Apply to use a seal' },
  'administration.ledger.manage': { 'zh-CN': '工作台账管理', en: 'Keep the work ledger' },
  'information.desensitise': { 'zh-CN': '信息脱敏检查', en: 'Check text for personal data' },
  'information.name-lists.manage': { 'zh-CN': '管理脱敏名单', en: 'Keep the desensitisation name lists' },
  'information.notices.draft': { 'zh-CN': '拟写与发布通知公告', en: 'Draft and publish notices' },
  'information.notices.manage': { 'zh-CN': '通知公告管理（送达、补发、勘误）', en: 'Manage notices (coverage, resend, corrections)' },
  'administration.archives.manage': { 'zh-CN': '档案管理', en: 'Keep the archive' },
  'administration.lending.manage': { 'zh-CN': '涉密载体外借管理', en: 'Lend classified items' },
  'assessment.training.manage': { 'zh-CN': '培训记录管理', en: 'Keep training records' },
  'assessment.suggestions.manage': { 'zh-CN': '意见箱与热线处理', en: 'Handle suggestions and hotline calls' },
  'documents.declassify': { 'zh-CN': '公文解密', en: 'Declassify documents' },
  'meetings.resolutions.report': { 'zh-CN': '决议落实情况', en: 'Resolutions report' },
  'logistics.maintenance.request': { 'zh-CN': '报修', en: 'Report repairs' },
  'logistics.maintenance.manage': {
    'zh-CN': '维修管理（受理、派工、位置、巡查）',
    en: 'Run maintenance (triage, assign, locations, inspections)',
  },
  'logistics.maintenance.work': { 'zh-CN': '维修作业', en: 'Carry out repairs' },
  'logistics.inspections.record': { 'zh-CN': '设施巡查记录', en: 'Record facility inspections' },
  'information.boards.manage': { 'zh-CN': '公告栏管理', en: 'Keep the bulletin boards' },
  'logistics.supplies.manage': { 'zh-CN': '办公用品库管', en: 'Keep the supplies store' },
  'logistics.supplies.request': { 'zh-CN': '办公用品领用', en: 'Request supplies for one’s department' },
  'logistics.supplies.stocktake.approve': { 'zh-CN': '盘点差异审批', en: 'Approve stocktake variances' },
  'logistics.demand.submit': { 'zh-CN': '提报部门月度需求', en: 'Submit the department’s monthly supply demand' },
  'logistics.purchasing.manage': {
    'zh-CN': '采购管理（需求汇总、询价、下单、验收）',
    en: 'Run purchasing (demand, quotes, orders, receiving)',
  },
  'information.collection.manage': { 'zh-CN': '信息采集与审核', en: 'Collect and review information' },
  'information.collection.submit': { 'zh-CN': '报送部门信息', en: 'Submit department information' },
  'information.reception.manage': { 'zh-CN': '来访接待与值班', en: 'Visitor reception and duty roster' },
  'information.out-of-office.record': { 'zh-CN': '外出登记', en: 'Record one’s own out-of-office entries' },
  'logistics.events.manage': { 'zh-CN': '活动后勤管理', en: 'Organise event logistics' },
  'assessment.summary.manage': { 'zh-CN': '月度工作总结编制', en: 'Compile the monthly work summary' },
  'assessment.summary.review': { 'zh-CN': '月度工作总结审核', en: 'Review the monthly work summary' },
  'assessment.dashboard.view': { 'zh-CN': '查看工作看板', en: 'See the director’s dashboard' },
  'assessment.improvement.manage': { 'zh-CN': '整改管理', en: 'Run improvement' },
  'assessment.incidents.manage': { 'zh-CN': '突发情况登记与总结', en: 'Keep the incident register and reviews' },
  'assessment.escalations.manage': { 'zh-CN': '问题上报路由与督办（含部门协作）', en: 'Route escalations and oversee support requests' },
  'assessment.questionnaires.manage': { 'zh-CN': '问卷管理', en: 'Manage questionnaires' },
  'assessment.evaluations.manage': { 'zh-CN': '考核管理（模板、周期、结果）', en: 'Run evaluations (templates, cycles, results)' },
  'assessment.innovation.manage': { 'zh-CN': '创新建议评审与奖励', en: 'Review innovation suggestions and record awards' },
};
