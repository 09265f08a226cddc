import type { ArchiveCondition, ArchiveOrgMode, RetentionPeriod, SecrecyLevel } from '@xiaoban/shared';
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
import type { DestructionList } from '../../../platform/retention/destruction.entities';
import type { Department } from '../../../platform/org/department.entity';
import type { User } from '../../../platform/org/user.entity';

const RETENTION_CHECK = `retention IN ('permanent', '30-years', '10-years')`;

/** The archive's settings (ADM-7): one row. 全宗号 (fonds code) and whether the 4th part of a 档号 is 机构 or 问题. */
@Entity('archive_settings')
@Check('CHK_archive_settings_single', `id = 1`)
@Check('CHK_archive_settings_org_mode', `org_mode IN ('department', 'subject')`)
export class ArchiveSettings {
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'PK_archive_settings' })
  id: number;

  /** 全宗号, e.g. Z001. */
  @Column({ name: 'fonds_code', type: 'varchar', length: 10 })
  fondsCode: string;

  /** 全宗名称: the school's name as the archive knows it. */
  @Column({ name: 'fonds_name', type: 'varchar', length: 100, default: '' })
  fondsName: string;

  @Column({ name: 'org_mode', type: 'varchar', length: 20, default: 'department' })
  orgMode: ArchiveOrgMode;

  @Column({ type: 'integer', default: 1 })
  version: number;
}

/** A 门类 (category) of the archive, e.g. 文书 WS (ADM-7). */
@Entity('archive_categories')
export class ArchiveCategory {
  @PrimaryColumn({ type: 'varchar', length: 4, primaryKeyConstraintName: 'PK_archive_categories' })
  code: string;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}

/** A 机构代码 (or 问题代码) of the 档号 (ADM-7): BGS 办公室, optionally tied to a department. */
@Entity('archive_org_codes')
export class ArchiveOrgCode {
  @PrimaryColumn({ type: 'varchar', length: 10, primaryKeyConstraintName: 'PK_archive_org_codes' })
  code: string;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Index('UQ_archive_org_codes_department', { unique: true, where: 'department_id IS NOT NULL' })
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne('Department', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_archive_org_codes_department' })
  department?: Department | null;
}

/**
 * One row of the school's retention schedule (归档范围与保管期限表, ADM-7): in a category, what is
 * archived and for how long. A row may name a document type (通知, 决定 …): filing a document of
 * that type defaults to the row's category and retention.
 */
@Entity('archive_retention_rules')
@Index('IDX_archive_retention_rules_category', ['categoryCode', 'sortOrder'])
@Check('CHK_archive_retention_rules_retention', RETENTION_CHECK)
export class ArchiveRetentionRule {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_archive_retention_rules' })
  id: string;

  @Column({ name: 'category_code', type: 'varchar', length: 4 })
  categoryCode: string;

  @ManyToOne('ArchiveCategory', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_code', foreignKeyConstraintName: 'FK_archive_retention_rules_category' })
  category?: ArchiveCategory;

  /** 归档范围: what is archived, e.g. 学校党政领导班子会议纪要. */
  @Column({ type: 'varchar', length: 300 })
  scope: string;

  @Column({ type: 'varchar', length: 20 })
  retention: RetentionPeriod;

  /** A document type (libs/shared DOCUMENT_TYPES) this row covers when documents are filed. */
  @Column({ name: 'document_type', type: 'varchar', length: 30, nullable: true })
  documentType: string | null;

  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder: number;

  @Column({ type: 'integer', default: 1 })
  version: number;
}

/**
 * The last 件号 of a class (全宗, 门类, 年度, 保管期限, 机构): taken with UPDATE … RETURNING in the
 * accession's transaction, so the numbers are gap-free (a rollback gives the number back).
 */
@Entity('archive_item_counters')
export class ArchiveItemCounter {
  @PrimaryColumn({ name: 'fonds_code', type: 'varchar', length: 10, primaryKeyConstraintName: 'PK_archive_item_counters' })
  fondsCode: string;

  @PrimaryColumn({ name: 'category_code', type: 'varchar', length: 4, primaryKeyConstraintName: 'PK_archive_item_counters' })
  categoryCode: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'PK_archive_item_counters' })
  year: number;

  @PrimaryColumn({ type: 'varchar', length: 20, primaryKeyConstraintName: 'PK_archive_item_counters' })
  retention: string;

  @PrimaryColumn({ name: 'org_code', type: 'varchar', length: 10, primaryKeyConstraintName: 'PK_archive_item_counters' })
  orgCode: string;

  @Column({ name: 'last_seq', type: 'integer', default: 0 })
  lastSeq: number;
}

/**
 * A box (档案盒) of one class: its spine shows 全宗号, 年度, 期限, 起止件号 and 盒号; its 备考表 names
 * who put it in order (整理人), who checked it (检查人) and when.
 */
@Entity('archive_boxes')
@Index('UQ_archive_boxes_class_number', ['fondsCode', 'categoryCode', 'year', 'retention', 'orgCode', 'boxNumber'], { unique: true })
@Check('CHK_archive_boxes_retention', RETENTION_CHECK)
@Check('CHK_archive_boxes_number', `box_number >= 1`)
export class ArchiveBox {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_archive_boxes' })
  id: string;

  @Column({ name: 'fonds_code', type: 'varchar', length: 10 })
  fondsCode: string;

  @Column({ name: 'category_code', type: 'varchar', length: 4 })
  categoryCode: string;

  @ManyToOne('ArchiveCategory', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_code', foreignKeyConstraintName: 'FK_archive_boxes_category' })
  category?: ArchiveCategory;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'varchar', length: 20 })
  retention: RetentionPeriod;

  @Column({ name: 'org_code', type: 'varchar', length: 10 })
  orgCode: string;

  /** 盒号 */
  @Column({ name: 'box_number', type: 'integer' })
  boxNumber: number;

  /** 备考表: 整理人 */
  @Column({ type: 'varchar', length: 50, nullable: true })
  organiser: string | null;

  /** 备考表: 检查人 */
  @Column({ type: 'varchar', length: 50, nullable: true })
  checker: string | null;

  /** 备考表: 日期 */
  @Column({ name: 'checked_on', type: 'date', nullable: true })
  checkedOn: string | null;

  /** 备考表: 情况说明 */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * An archive item (件, ADM-8): its 档号 and catalogue fields (序号 is the 件号), where it is kept,
 * and what its accession (入库) recorded. A classified item follows the access service's rule.
 */
@Entity('archive_items')
@Index('UQ_archive_items_class_seq', ['fondsCode', 'categoryCode', 'year', 'retention', 'orgCode', 'seq'], { unique: true })
@Index('UQ_archive_items_number', ['archiveNumber'], { unique: true })
@Index('UQ_archive_items_source', ['sourceKind', 'sourceId'], { unique: true, where: 'source_id IS NOT NULL' })
@Index('IDX_archive_items_box', ['boxId'])
@Check('CHK_archive_items_retention', RETENTION_CHECK)
@Check('CHK_archive_items_secrecy', `secrecy IN ('none', 'secret', 'confidential', 'top-secret')`)
@Check('CHK_archive_items_condition', `condition IN ('good', 'worn', 'damaged')`)
@Check('CHK_archive_items_seq', `seq BETWEEN 1 AND 9999 AND pages >= 0`)
export class ArchiveItem {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_archive_items' })
  id: string;

  /** 档号, e.g. Z001-WS·2026-Y-BGS-0001. */
  @Column({ name: 'archive_number', type: 'varchar', length: 60 })
  archiveNumber: string;

  @Column({ name: 'fonds_code', type: 'varchar', length: 10 })
  fondsCode: string;

  @Column({ name: 'category_code', type: 'varchar', length: 4 })
  categoryCode: string;

  @ManyToOne('ArchiveCategory', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_code', foreignKeyConstraintName: 'FK_archive_items_category' })
  category?: ArchiveCategory;

  /** 年度 */
  @Column({ type: 'integer' })
  year: number;

  /** 保管期限 */
  @Column({ type: 'varchar', length: 20 })
  retention: RetentionPeriod;

  /** 机构代码 (or 问题代码) */
  @Column({ name: 'org_code', type: 'varchar', length: 10 })
  orgCode: string;

  @ManyToOne('ArchiveOrgCode', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_code', foreignKeyConstraintName: 'FK_archive_items_org_code' })
  org?: ArchiveOrgCode;

  /** 件号 */
  @Column({ type: 'integer' })
  seq: number;

  /** 文号 */
  @Column({ name: 'document_number', type: 'varchar', length: 100, nullable: true })
  documentNumber: string | null;

  /** 责任者 */
  @Column({ type: 'varchar', length: 100 })
  responsible: string;

  /** 题名 */
  @Column({ type: 'varchar', length: 300 })
  title: string;

  /** 日期 (shown YYYYMMDD on the catalogue) */
  @Column({ name: 'document_date', type: 'date' })
  documentDate: string;

  /** 密级 */
  @Column({ type: 'varchar', length: 20, default: 'none' })
  secrecy: SecrecyLevel;

  /** 页数 */
  @Column({ type: 'integer', default: 0 })
  pages: number;

  /** 备注 */
  @Column({ type: 'varchar', length: 500, nullable: true })
  remarks: string | null;

  /** 入库: 已消毒 */
  @Column({ type: 'boolean', default: false })
  disinfected: boolean;

  /** 入库: 保存状况 */
  @Column({ type: 'varchar', length: 20, default: 'good' })
  condition: ArchiveCondition;

  /** 盒号: the box of the item's class it is in. */
  @Column({ name: 'box_id', type: 'uuid', nullable: true })
  boxId: string | null;

  @ManyToOne('ArchiveBox', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'box_id', foreignKeyConstraintName: 'FK_archive_items_box' })
  box?: ArchiveBox | null;

  /** 架位, e.g. 3排2列4层. */
  @Column({ type: 'varchar', length: 50, nullable: true })
  shelf: string | null;

  /** Where it came from when filed from documents (DOC-11): e.g. `incoming-document` and its id. */
  @Column({ name: 'source_kind', type: 'varchar', length: 40, nullable: true })
  sourceKind: string | null;

  @Column({ name: 'source_id', type: 'uuid', nullable: true })
  sourceId: string | null;

  /** The document's history, copied when it was filed (oldest first). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  history: { at: string; action: string; actor: string | null }[];

  @Column({ name: 'accessioned_by', type: 'uuid' })
  accessionedBy: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'accessioned_by', foreignKeyConstraintName: 'FK_archive_items_accessioned_by' })
  accessioner?: User;

  @CreateDateColumn({ name: 'accessioned_at', type: 'timestamptz' })
  accessionedAt: Date;

  /** Destroyed through a destruction list once its retention ran out and the appraisal (鉴定) approved it. */
  @Column({ name: 'destroyed_at', type: 'timestamptz', nullable: true })
  destroyedAt: Date | null;

  @Column({ name: 'destruction_list_id', type: 'uuid', nullable: true })
  destructionListId: string | null;

  @ManyToOne('DestructionList', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'destruction_list_id', foreignKeyConstraintName: 'FK_archive_items_destruction_list' })
  destructionList?: DestructionList | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

export const ARCHIVE_ENTITIES = [
  ArchiveSettings,
  ArchiveCategory,
  ArchiveOrgCode,
  ArchiveRetentionRule,
  ArchiveItemCounter,
  ArchiveBox,
  ArchiveItem,
];
