/**
 * Who may see an object (REQ-3, NFR-3), declared once per resource type. The API's access
 * service applies these declarations to reads by id, lists, counts, search, exports and file
 * downloads; the NFR-3 permission tests read the same table.
 *
 * An object the person may not see is 404, exactly as if it did not exist, and absent from lists.
 */
import { PERMISSIONS, type Permission } from './permissions.js';

/**
 * - `school-wide`: every signed-in person.
 * - `department`: members of the object's department, the persons it names, and grant holders.
 * - `named-persons`: the persons the object names (sender, recipients, applicant, …) and grant holders.
 * - `classified`: clearance plus need-to-know: the person's clearance covers the object's secrecy
 *   level, and they are named by the object or hold a grant. An object classified `none` (非密)
 *   follows the declaration's `unclassifiedRule` instead.
 */
export const VISIBILITY_RULES = ['school-wide', 'department', 'named-persons', 'classified'] as const;
export type VisibilityRule = (typeof VISIBILITY_RULES)[number];

export interface VisibilityDeclaration {
  rule: VisibilityRule;
  /** For `classified` types: who sees an object whose secrecy level is `none` (非密). */
  unclassifiedRule?: Exclude<VisibilityRule, 'classified'>;
  /**
   * A permission whose holders see every object of the type regardless of department and names.
   * It never lifts clearance or need-to-know for a classified object.
   */
  readAllPermission?: Permission;
  /** A permission whose holders may change every object they can see; otherwise only the persons it names. */
  changePermission?: Permission;
  label: { 'zh-CN': string; en: string };
}

/** Every resource type with its visibility. Modules add theirs here as they arrive. */
export const RESOURCE_VISIBILITY = {
  /** An internal message (站内信, ADM-2): its sender and recipients. */
  message: { rule: 'named-persons', label: { 'zh-CN': '站内信', en: 'Internal message' } },
  /** An approval request (PLT-2): applicant, approvers, people copied; or holders of approvals.read-all. */
  'approval-request': {
    rule: 'named-persons',
    readAllPermission: PERMISSIONS.APPROVALS_READ_ALL,
    label: { 'zh-CN': '审批申请', en: 'Approval request' },
  },
  /**
   * An incoming document (收文, DOC-1–DOC-8): clearance plus need-to-know (its registrar, responsible
   * person, instructing leader, and the persons and departments it was routed to, or grant holders);
   * an unclassified one also to holders of documents.incoming.read-all (the office).
   */
  'incoming-document': {
    rule: 'classified',
    unclassifiedRule: 'named-persons',
    readAllPermission: PERMISSIONS.DOCUMENTS_INCOMING_READ_ALL,
    changePermission: PERMISSIONS.DOCUMENTS_INCOMING_REGISTER,
    label: { 'zh-CN': '收文', en: 'Incoming document' },
  },
  /**
   * An outgoing document (发文, DOC-7): clearance plus need-to-know (its drafter, countersigners,
   * signers, the office staff it reached, the departments it was distributed to, or grant holders);
   * an unclassified one also to holders of documents.outgoing.read-all (the office).
   */
  'outgoing-document': {
    rule: 'classified',
    unclassifiedRule: 'named-persons',
    readAllPermission: PERMISSIONS.DOCUMENTS_OUTGOING_READ_ALL,
    changePermission: PERMISSIONS.DOCUMENTS_OUTGOING_REVIEW,
    label: { 'zh-CN': '发文', en: 'Outgoing document' },
  },
  /** A meeting room (MTG-1), its equipment and photos: school-wide. */
  'meeting-room': {
    rule: 'school-wide',
    changePermission: PERMISSIONS.MEETINGS_ROOMS_MANAGE,
    label: { 'zh-CN': '会议室', en: 'Meeting room' },
  },
  /**
   * A room booking (MTG-1): school-wide, since anyone may see that a room is taken. The title of a
   * booking that belongs to a classified meeting is shown only to those who may see the meeting.
   */
  'room-booking': {
    rule: 'school-wide',
    changePermission: PERMISSIONS.MEETINGS_MANAGE,
    label: { 'zh-CN': '会议室预约', en: 'Room booking' },
  },
  /**
   * A meeting (MTG-2): an unclassified one is school-wide; the title, attendees and materials of a
   * classified one only for invitees (organiser, host, attendees, 列席) whose clearance covers it.
   */
  meeting: {
    rule: 'classified',
    unclassifiedRule: 'school-wide',
    changePermission: PERMISSIONS.MEETINGS_MANAGE,
    label: { 'zh-CN': '会议', en: 'Meeting' },
  },
  /**
   * A meeting material (会议材料, MTG-5): as its meeting (school-wide when unclassified; cleared
   * invitees when classified). A confidential one only for the attendees it names (grants with
   * reason `attendee`), its uploader and the meeting's organiser; anyone else gets 404.
   */
  'meeting-material': {
    rule: 'classified',
    unclassifiedRule: 'named-persons',
    changePermission: PERMISSIONS.MEETINGS_MANAGE,
    label: { 'zh-CN': '会议材料', en: 'Meeting material' },
  },
  /** A seal (印章, ADM-4) and its impression image (印模): school-wide, so that anyone may apply for it. */
  seal: { rule: 'school-wide', changePermission: PERMISSIONS.ADMIN_SEALS_MANAGE, label: { 'zh-CN': '印章', en: 'Seal' } },
  /**
   * A seal-use application (用印申请, ADM-5) and the file to be stamped: its applicant, the seal's
   * custodian and the approvers of its request; holders of administration.seals.manage see all.
   */
  'seal-use-application': {
    rule: 'named-persons',
    readAllPermission: PERMISSIONS.ADMIN_SEALS_MANAGE,
    changePermission: PERMISSIONS.ADMIN_SEALS_MANAGE,
    label: { 'zh-CN': '用印申请', en: 'Seal-use application' },
  },
  /** A seal inspection (印章检查, ADM-6) and its photo: the custodian; holders of administration.seals.manage. */
  'seal-inspection': {
    rule: 'named-persons',
    readAllPermission: PERMISSIONS.ADMIN_SEALS_MANAGE,
    label: { 'zh-CN': '印章检查', en: 'Seal inspection' },
  },
  /** A matter of the work ledger (工作台账, ADM-3): its owner and who opened it; holders of administration.ledger.manage. */
  'work-matter': {
    rule: 'named-persons',
    readAllPermission: PERMISSIONS.ADMIN_LEDGER_MANAGE,
    changePermission: PERMISSIONS.ADMIN_LEDGER_MANAGE,
    label: { 'zh-CN': '工作台账事项', en: 'Work ledger matter' },
  },
  /**
   * A notice (通知公告, INF-3): its author, and once published the persons it was resolved to;
   * holders of information.notices.manage (the office) see all.
   */
  notice: {
    rule: 'named-persons',
    readAllPermission: PERMISSIONS.INFO_NOTICES_MANAGE,
    changePermission: PERMISSIONS.INFO_NOTICES_MANAGE,
    label: { 'zh-CN': '通知公告', en: 'Notice' },
  },
  /**
   * An archive item (档案 件, ADM-8) and its digitised files: clearance plus need-to-know (the one
   * who took it into the archive, or a grant such as an approved loan); an unclassified one also
   * to the keepers of the archive (administration.archives.manage).
   */
  'archive-item': {
    rule: 'classified',
    unclassifiedRule: 'named-persons',
    readAllPermission: PERMISSIONS.ADMIN_ARCHIVES_MANAGE,
    changePermission: PERMISSIONS.ADMIN_ARCHIVES_MANAGE,
    label: { 'zh-CN': '档案', en: 'Archive item' },
  },
  /**
   * A loan of a classified item (涉密载体外借, ADM-10): its borrower, who registered it and the
   * approvers of its request; holders of administration.lending.manage see the whole register.
   */
  'classified-loan': {
    rule: 'named-persons',
    readAllPermission: PERMISSIONS.ADMIN_LENDING_MANAGE,
    changePermission: PERMISSIONS.ADMIN_LENDING_MANAGE,
    label: { 'zh-CN': '涉密载体外借', en: 'Classified loan' },
  },
  /**
   * A suggestion or hotline call (ASM-4): the person it is assigned to and whoever logged it; the
   * office (assessment.suggestions.manage) sees all. The public follows one by its query code only.
   */
  suggestion: {
    rule: 'named-persons',
    readAllPermission: PERMISSIONS.ASSESSMENT_SUGGESTIONS_MANAGE,
    changePermission: PERMISSIONS.ASSESSMENT_SUGGESTIONS_MANAGE,
    label: { 'zh-CN': '意见建议', en: 'Suggestion' },
  },
  /**
   * A maintenance request (报修, LOG-9): its requester, who registered it, the worker assigned and the
   * approvers of its cost; holders of logistics.maintenance.manage (the office) see and run them all.
   */
  'maintenance-request': {
    rule: 'named-persons',
    readAllPermission: PERMISSIONS.LOGISTICS_MAINTENANCE_MANAGE,
    changePermission: PERMISSIONS.LOGISTICS_MAINTENANCE_MANAGE,
    label: { 'zh-CN': '报修单', en: 'Maintenance request' },
  },
  /** A bulletin board (公告栏, INF-6): its name and location are no secret; the office keeps it. */
  'bulletin-board': {
    rule: 'school-wide',
    changePermission: PERMISSIONS.INFO_BOARDS_MANAGE,
    label: { 'zh-CN': '公告栏', en: 'Bulletin board' },
  },
  /** A daily check of a board (公告栏检查, INF-6) and its photo: who recorded it; holders of information.boards.manage. */
  'board-check': {
    rule: 'named-persons',
    readAllPermission: PERMISSIONS.INFO_BOARDS_MANAGE,
    changePermission: PERMISSIONS.INFO_BOARDS_MANAGE,
    label: { 'zh-CN': '公告栏检查', en: 'Bulletin board check' },
  },
  /** A supply item (办公用品, LOG-1) with its stock balance: school-wide, so that anyone may request it. */
  'supply-item': {
    rule: 'school-wide',
    changePermission: PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE,
    label: { 'zh-CN': '办公用品', en: 'Supply item' },
  },
  /**
   * A supply request (领用申请, LOG-5): the members of the requesting department; holders of
   * logistics.supplies.manage (the storekeeper) see all.
   */
  'supply-request': {
    rule: 'department',
    readAllPermission: PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE,
    changePermission: PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE,
    label: { 'zh-CN': '办公用品领用', en: 'Supply request' },
  },
  /**
   * A department's monthly supply demand (月度需求, LOG-2): the members of its department; the
   * purchasing office (logistics.purchasing.manage) sees every department's.
   */
  'purchase-demand': {
    rule: 'department',
    readAllPermission: PERMISSIONS.LOGISTICS_PURCHASING_MANAGE,
    changePermission: PERMISSIONS.LOGISTICS_PURCHASING_MANAGE,
    label: { 'zh-CN': '月度需求', en: 'Monthly demand' },
  },
  /** A collection request (信息采集, INF-1): the office, and members of the departments it asks. */
  'collection-request': {
    rule: 'named-persons',
    readAllPermission: PERMISSIONS.INFO_COLLECTION_MANAGE,
    changePermission: PERMISSIONS.INFO_COLLECTION_MANAGE,
    label: { 'zh-CN': '信息采集', en: 'Collection request' },
  },
  /** A department's submission (INF-1) and its attachments: that department only; the office sees all. */
  'collection-submission': {
    rule: 'department',
    readAllPermission: PERMISSIONS.INFO_COLLECTION_MANAGE,
    changePermission: PERMISSIONS.INFO_COLLECTION_MANAGE,
    label: { 'zh-CN': '信息报送', en: 'Collection submission' },
  },
  /** A visit in the visitor log (来访登记, INF-7): the reception office. */
  visit: {
    rule: 'named-persons',
    readAllPermission: PERMISSIONS.INFO_RECEPTION_MANAGE,
    changePermission: PERMISSIONS.INFO_RECEPTION_MANAGE,
    label: { 'zh-CN': '来访登记', en: 'Visit' },
  },
  /** A visitor's question (INF-7): the reception office, and the department it was transferred to. */
  'visitor-question': {
    rule: 'department',
    readAllPermission: PERMISSIONS.INFO_RECEPTION_MANAGE,
    changePermission: PERMISSIONS.INFO_RECEPTION_MANAGE,
    label: { 'zh-CN': '来访问题', en: 'Visitor question' },
  },
  /** An event's logistics (活动后勤, LOG-11): its owner; holders of logistics.events.manage see and change every event. */
  'logistics-event': {
    rule: 'named-persons',
    readAllPermission: PERMISSIONS.LOGISTICS_EVENTS_MANAGE,
    changePermission: PERMISSIONS.LOGISTICS_EVENTS_MANAGE,
    label: { 'zh-CN': '活动后勤', en: 'Event logistics' },
  },
  /**
   * An improvement problem (整改, ASM-5): whoever recorded it and the owners of its measures; the
   * office (assessment.improvement.manage) sees and runs them all.
   */
  'improvement-problem': {
    rule: 'named-persons',
    readAllPermission: PERMISSIONS.ASSESSMENT_IMPROVEMENT_MANAGE,
    changePermission: PERMISSIONS.ASSESSMENT_IMPROVEMENT_MANAGE,
    label: { 'zh-CN': '整改问题', en: 'Improvement problem' },
  },
  /** An escalation (问题上报, REQ-1): who reported it and the leader it was routed to; the office sees all. */
  escalation: {
    rule: 'named-persons',
    readAllPermission: PERMISSIONS.ASSESSMENT_ESCALATIONS_MANAGE,
    label: { 'zh-CN': '问题上报', en: 'Escalation' },
  },
  /**
   * A support request between departments (REQ-2): the members of the requesting and of the target
   * department; the office (assessment.escalations.manage) sees all. Everyone else: 404.
   */
  'support-request': {
    rule: 'named-persons',
    readAllPermission: PERMISSIONS.ASSESSMENT_ESCALATIONS_MANAGE,
    label: { 'zh-CN': '部门协作请求', en: 'Support request' },
  },
  /**
   * An evaluation form (考核表, ASM-2): only its evaluator. Nobody else reads a form by id, not even
   * the office: a peer's identity must never reach the person evaluated.
   */
  'evaluation-form': {
    rule: 'named-persons',
    label: { 'zh-CN': '考核表', en: 'Evaluation form' },
  },
  /**
   * An evaluation result (考核结果, ASM-2): the person (once released), the head of their department
   * at the time of the cycle; the office (assessment.evaluations.manage) sees all.
   */
  'evaluation-result': {
    rule: 'named-persons',
    readAllPermission: PERMISSIONS.ASSESSMENT_EVALUATIONS_MANAGE,
    changePermission: PERMISSIONS.ASSESSMENT_EVALUATIONS_MANAGE,
    label: { 'zh-CN': '考核结果', en: 'Evaluation result' },
  },
  /** An innovation suggestion (创新建议, ASM-7): its submitter; the reviewers (assessment.innovation.manage) see all. */
  'innovation-suggestion': {
    rule: 'named-persons',
    readAllPermission: PERMISSIONS.ASSESSMENT_INNOVATION_MANAGE,
    changePermission: PERMISSIONS.ASSESSMENT_INNOVATION_MANAGE,
    label: { 'zh-CN': '创新建议', en: 'Innovation suggestion' },
  },
} as const satisfies Record<string, VisibilityDeclaration>;

export type ResourceType = keyof typeof RESOURCE_VISIBILITY;

export function visibilityOf(type: string): VisibilityDeclaration | undefined {
  return (RESOURCE_VISIBILITY as Record<string, VisibilityDeclaration>)[type];
}

/**
 * Why a person holds a need-to-know grant on an object: a named recipient of a document, the one
 * it was routed to (批转), an approved archive loan (借阅), a meeting attendee.
 */
export const GRANT_REASONS = ['recipient', 'router', 'loan', 'attendee'] as const;
export type GrantReason = (typeof GRANT_REASONS)[number];

export const GRANT_REASON_LABELS: Record<GrantReason, { 'zh-CN': string; en: string }> = {
  recipient: { 'zh-CN': '指定接收人', en: 'Named recipient' },
  router: { 'zh-CN': '批转', en: 'Routed to' },
  loan: { 'zh-CN': '借阅', en: 'Approved loan' },
  attendee: { 'zh-CN': '参会人', en: 'Attendee' },
};
