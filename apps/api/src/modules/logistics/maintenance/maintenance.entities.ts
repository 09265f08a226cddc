import type {
  InspectionFrequency,
  InspectionResult,
  InspectionRoundStatus,
  LocationKind,
  MaintenanceAction,
  MaintenanceCategory,
  MaintenanceHandling,
  MaintenanceSource,
  MaintenanceStatus,
  MaintenanceUrgency,
} from '@xiaoban/shared';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { User } from '../../../platform/org/user.entity';

/**
 * A place repairs happen (LOG-9): campus → building → floor → room. A node for a meeting room
 * carries `meeting_room_id`, so that a failed equipment test (MTG-4) finds its location.
 */
@Entity('maintenance_locations')
@Index('IDX_maintenance_locations_parent', ['parentId'])
@Index('UQ_maintenance_locations_name', ['parentId', 'name'], { unique: true, where: 'parent_id IS NOT NULL' })
@Index('UQ_maintenance_locations_root_name', ['name'], { unique: true, where: 'parent_id IS NULL' })
@Index('UQ_maintenance_locations_meeting_room', ['meetingRoomId'], { unique: true, where: 'meeting_room_id IS NOT NULL' })
@Check('CHK_maintenance_locations_kind', `kind IN ('campus', 'building', 'floor', 'room')`)
export class MaintenanceLocation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_maintenance_locations' })
  id: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne('MaintenanceLocation', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'FK_maintenance_locations_parent' })
  parent?: MaintenanceLocation | null;

  @Column({ type: 'varchar', length: 20 })
  kind: LocationKind;

  /** e.g. 东校区, 实验楼, 3F, 305 */
  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** The meeting room this node stands for (MTG-4 wiring); the module keeps no other tie to meetings. */
  @Column({ name: 'meeting_room_id', type: 'uuid', nullable: true })
  meetingRoomId: string | null;

  @ManyToOne('MeetingRoom', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'meeting_room_id', foreignKeyConstraintName: 'FK_maintenance_locations_meeting_room' })
  meetingRoom?: { id: string } | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** The school's maintenance settings (one row): the approval threshold, SLA per urgency, the repeat-fault rule. */
@Entity('maintenance_settings')
@Check('CHK_maintenance_settings_single', `id = 1`)
@Check(
  'CHK_maintenance_settings_values',
  `approval_threshold_fen >= 0 AND urgent_hours >= 1 AND normal_working_days >= 1 AND low_working_days >= 1 AND repeat_threshold >= 1 AND repeat_period_days >= 1`,
)
export class MaintenanceSettings {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'PK_maintenance_settings' })
  id: number;

  /** An external repair costing more than this (fen) needs `repair-cost` approval. Default 2,000 元. */
  @Column({
    name: 'approval_threshold_fen',
    type: 'bigint',
    default: 200_000,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  approvalThresholdFen: number;

  @Column({ name: 'urgent_hours', type: 'integer', default: 4 })
  urgentHours: number;

  @Column({ name: 'normal_working_days', type: 'integer', default: 3 })
  normalWorkingDays: number;

  @Column({ name: 'low_working_days', type: 'integer', default: 10 })
  lowWorkingDays: number;

  /** A location + category with more than this many requests in the period is a repeat fault. */
  @Column({ name: 'repeat_threshold', type: 'integer', default: 2 })
  repeatThreshold: number;

  @Column({ name: 'repeat_period_days', type: 'integer', default: 90 })
  repeatPeriodDays: number;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * A maintenance request (报修单, LOG-9). `dedupe_key` holds one open request per automatic source:
 * `meeting-equipment:<room>:<item>` or `inspection:<result>`; a partial unique index enforces it.
 */
@Entity('maintenance_requests')
@Index('IDX_maintenance_requests_status', ['status', 'createdAt'])
@Index('IDX_maintenance_requests_requester', ['requesterId'])
@Index('IDX_maintenance_requests_assignee', ['assigneeId'])
@Index('IDX_maintenance_requests_location', ['locationId', 'category', 'createdAt'])
@Index('UQ_maintenance_requests_open_dedupe', ['dedupeKey'], {
  unique: true,
  where: `dedupe_key IS NOT NULL AND status NOT IN ('confirmed', 'cancelled')`,
})
@Check('CHK_maintenance_requests_category', `category IN ('electrical', 'plumbing', 'building', 'network', 'other')`)
@Check('CHK_maintenance_requests_source', `source IN ('online', 'phone', 'paper', 'inspection', 'meeting-equipment')`)
@Check('CHK_maintenance_requests_urgency', `urgency IN ('urgent', 'normal', 'low')`)
@Check(
  'CHK_maintenance_requests_status',
  `status IN ('submitted', 'awaiting-approval', 'triaged', 'assigned', 'in-progress', 'completed', 'reopened', 'confirmed', 'cancelled')`,
)
@Check('CHK_maintenance_requests_handling', `handling IS NULL OR handling IN ('in-house', 'external')`)
@Check('CHK_maintenance_requests_money', `(quote_fen IS NULL OR quote_fen >= 0) AND (cost_fen IS NULL OR cost_fen >= 0)`)
@Check('CHK_maintenance_requests_rating', `rating IS NULL OR rating BETWEEN 1 AND 5`)
@Check('CHK_maintenance_requests_confirmed', `(status = 'confirmed') = (rating IS NOT NULL)`)
export class MaintenanceRequest {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_maintenance_requests' })
  id: string;

  @Column({ type: 'varchar', length: 20 })
  category: MaintenanceCategory;

  @Column({ name: 'location_id', type: 'uuid' })
  locationId: string;

  @ManyToOne('MaintenanceLocation', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'location_id', foreignKeyConstraintName: 'FK_maintenance_requests_location' })
  location?: MaintenanceLocation;

  /** Where exactly, in the requester's words (e.g. 靠窗第二盏灯). */
  @Column({ name: 'location_detail', type: 'varchar', length: 200, nullable: true })
  locationDetail: string | null;

  @Column({ type: 'varchar', length: 2000 })
  description: string;

  @Column({ type: 'varchar', length: 10, default: 'normal' })
  urgency: MaintenanceUrgency;

  @Column({ type: 'varchar', length: 20 })
  source: MaintenanceSource;

  /** The member of staff the repair is for; null for a caller the office registered by name only. */
  @Column({ name: 'requester_id', type: 'uuid', nullable: true })
  requesterId: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requester_id', foreignKeyConstraintName: 'FK_maintenance_requests_requester' })
  requester?: User | null;

  @Column({ name: 'requester_name', type: 'varchar', length: 100, nullable: true })
  requesterName: string | null;

  @Column({ name: 'contact_phone', type: 'varchar', length: 30, nullable: true })
  contactPhone: string | null;

  /** Who entered it: the requester online, the office for phone/paper, the inspector or the tester. */
  @Column({ name: 'reported_by', type: 'uuid', nullable: true })
  reportedById: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reported_by', foreignKeyConstraintName: 'FK_maintenance_requests_reported_by' })
  reportedBy?: User | null;

  @Column({ type: 'varchar', length: 20, default: 'submitted' })
  status: MaintenanceStatus;

  @Column({ type: 'varchar', length: 10, nullable: true })
  handling: MaintenanceHandling | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  contractor: string | null;

  @Column({
    name: 'quote_fen',
    type: 'bigint',
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  quoteFen: number | null;

  @Column({
    name: 'cost_fen',
    type: 'bigint',
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  costFen: number | null;

  @Column({ name: 'approval_request_id', type: 'uuid', nullable: true })
  approvalRequestId: string | null;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'FK_maintenance_requests_assignee' })
  assignee?: User | null;

  /** The SLA deadline set by the urgency when the request arrives. */
  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  /** When the SLA job flagged it overdue (once). */
  @Column({ name: 'overdue_at', type: 'timestamptz', nullable: true })
  overdueAt: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'smallint', nullable: true })
  rating: number | null;

  @Column({ name: 'reopen_count', type: 'integer', default: 0 })
  reopenCount: number;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 200, nullable: true })
  dedupeKey: string | null;

  /** The inspection result that raised it (LOG-10). */
  @Column({ name: 'inspection_result_id', type: 'uuid', nullable: true })
  inspectionResultId: string | null;

  @ManyToOne('InspectionResultRow', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'inspection_result_id', foreignKeyConstraintName: 'FK_maintenance_requests_inspection_result' })
  inspectionResult?: InspectionResultRow | null;

  /** The meeting equipment test that raised it (MTG-4). */
  @Column({ name: 'equipment_test_id', type: 'uuid', nullable: true })
  equipmentTestId: string | null;

  @ManyToOne('MeetingEquipmentTest', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'equipment_test_id', foreignKeyConstraintName: 'FK_maintenance_requests_equipment_test' })
  equipmentTest?: { id: string } | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One step of a request's history (进度), seen by the requester: who did what, with a note and the photos it added. */
@Entity('maintenance_request_events')
@Index('IDX_maintenance_request_events_request', ['requestId', 'createdAt'])
export class MaintenanceRequestEvent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_maintenance_request_events' })
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @ManyToOne('MaintenanceRequest', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'FK_maintenance_request_events_request' })
  request?: MaintenanceRequest;

  /** A MaintenanceAction, or `submit` / `register` / `raise` / `overdue` / `re-reported`. */
  @Column({ type: 'varchar', length: 20 })
  action: MaintenanceAction | 'submit' | 'register' | 'raise' | 'overdue' | 're-reported';

  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true })
  fromStatus: MaintenanceStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 20 })
  toStatus: MaintenanceStatus;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'FK_maintenance_request_events_actor' })
  actor?: User | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  /** Photos this step added (the request owns the files; this says which step brought them). */
  @Column({ name: 'file_ids', type: 'uuid', array: true, default: () => "'{}'" })
  fileIds: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A checklist of an area (巡查模板, LOG-10), e.g. 教学楼电气与楼梯月检. */
@Entity('inspection_templates')
@Check('CHK_inspection_templates_frequency', `frequency IN ('weekly', 'monthly', 'quarterly')`)
export class InspectionTemplate {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_inspection_templates' })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'location_id', type: 'uuid' })
  locationId: string;

  @ManyToOne('MaintenanceLocation', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'location_id', foreignKeyConstraintName: 'FK_inspection_templates_location' })
  location?: MaintenanceLocation;

  @Column({ type: 'varchar', length: 20 })
  frequency: InspectionFrequency;

  /** Who walks the rounds; null: any holder of logistics.inspections.record. */
  @Column({ name: 'inspector_id', type: 'uuid', nullable: true })
  inspectorId: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'inspector_id', foreignKeyConstraintName: 'FK_inspection_templates_inspector' })
  inspector?: User | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One item of a checklist; a failure raises a request of its category. */
@Entity('inspection_template_items')
@Index('IDX_inspection_template_items_template', ['templateId', 'position'])
@Check('CHK_inspection_template_items_category', `category IN ('electrical', 'plumbing', 'building', 'network', 'other')`)
export class InspectionTemplateItem {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_inspection_template_items' })
  id: string;

  @Column({ name: 'template_id', type: 'uuid' })
  templateId: string;

  @ManyToOne('InspectionTemplate', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'template_id', foreignKeyConstraintName: 'FK_inspection_template_items_template' })
  template?: InspectionTemplate;

  @Column({ type: 'integer' })
  position: number;

  /** e.g. 配电箱无异味、无发热; 楼梯扶手牢固 */
  @Column({ type: 'varchar', length: 200 })
  text: string;

  @Column({ type: 'varchar', length: 20 })
  category: MaintenanceCategory;
}

/** A round of a checklist for one period (巡查记录); one per template and period, so the daily job is idempotent. */
@Entity('inspection_rounds')
@Index('UQ_inspection_rounds_period', ['templateId', 'periodKey'], { unique: true })
@Check('CHK_inspection_rounds_status', `status IN ('open', 'completed')`)
export class InspectionRound {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_inspection_rounds' })
  id: string;

  @Column({ name: 'template_id', type: 'uuid' })
  templateId: string;

  @ManyToOne('InspectionTemplate', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'template_id', foreignKeyConstraintName: 'FK_inspection_rounds_template' })
  template?: InspectionTemplate;

  @Column({ name: 'period_key', type: 'varchar', length: 20 })
  periodKey: string;

  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ type: 'varchar', length: 20, default: 'open' })
  status: InspectionRoundStatus;

  @Column({ name: 'completed_by', type: 'uuid', nullable: true })
  completedById: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'completed_by', foreignKeyConstraintName: 'FK_inspection_rounds_completed_by' })
  completedBy?: User | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** The result of one item in a round: pass or fail with a remark. */
@Entity('inspection_results')
@Index('UQ_inspection_results_item', ['roundId', 'itemId'], { unique: true })
@Check('CHK_inspection_results_result', `result IN ('pass', 'fail')`)
export class InspectionResultRow {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_inspection_results' })
  id: string;

  @Column({ name: 'round_id', type: 'uuid' })
  roundId: string;

  @ManyToOne('InspectionRound', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'FK_inspection_results_round' })
  round?: InspectionRound;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @ManyToOne('InspectionTemplateItem', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'FK_inspection_results_item' })
  item?: InspectionTemplateItem;

  @Column({ type: 'varchar', length: 10 })
  result: InspectionResult;

  @Column({ type: 'varchar', length: 500, nullable: true })
  remark: string | null;

  /** The maintenance request the failure raised (or the one already open for the item). */
  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId: string | null;

  @ManyToOne('MaintenanceRequest', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'FK_inspection_results_request' })
  request?: MaintenanceRequest | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'FK_inspection_results_recorded_by' })
  recordedBy?: User;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}

export const MAINTENANCE_ENTITIES = [
  MaintenanceLocation,
  MaintenanceSettings,
  MaintenanceRequest,
  MaintenanceRequestEvent,
  InspectionTemplate,
  InspectionTemplateItem,
  InspectionRound,
  InspectionResultRow,
];
