import type { BoardPostingStatus, NoticeRobotKind, RobotPostStatus } from '@xiaoban/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { User } from '../../../platform/org/user.entity';
import type { Notice } from '../notices/notice.entities';

/** A bulletin board (公告栏, INF-6): where it hangs, who keeps it, and the weekday it is cleaned. */
@Entity('bulletin_boards')
@Index('UQ_bulletin_boards_name', ['name'], { unique: true })
@Check('CHK_bulletin_boards_weekday', `cleaning_weekday IS NULL OR cleaning_weekday BETWEEN 1 AND 7`)
export class BulletinBoard {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_bulletin_boards' })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  location: string;

  /** Told when a posting on the board is due for removal. */
  @Column({ name: 'keeper_id', type: 'uuid', nullable: true })
  keeperId: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'keeper_id', foreignKeyConstraintName: 'FK_bulletin_boards_keeper' })
  keeper?: User | null;

  /** ISO weekday (1 = Monday) of the weekly cleaning; none when the board has no schedule. */
  @Column({ name: 'cleaning_weekday', type: 'smallint', nullable: true })
  cleaningWeekday: number | null;

  /** An inactive board gets no new postings from publishing. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One notice on one board, with its own status: to post, posted (when, by whom), due for removal, removed. */
@Entity('board_postings')
@Index('UQ_board_postings_board_notice', ['boardId', 'noticeId'], { unique: true })
@Index('IDX_board_postings_expiry', ['status', 'expiresAt'])
@Index('IDX_board_postings_notice', ['noticeId'])
@Check('CHK_board_postings_status', `status IN ('to_post', 'posted', 'removal_due', 'removed')`)
export class BoardPosting {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_board_postings' })
  id: string;

  @Column({ name: 'board_id', type: 'uuid' })
  boardId: string;

  @ManyToOne('BulletinBoard', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'board_id', foreignKeyConstraintName: 'FK_board_postings_board' })
  board?: BulletinBoard;

  @Column({ name: 'notice_id', type: 'uuid' })
  noticeId: string;

  @ManyToOne('Notice', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notice_id', foreignKeyConstraintName: 'FK_board_postings_notice' })
  notice?: Notice;

  @Column({ type: 'varchar', length: 20, default: 'to_post' })
  status: BoardPostingStatus;

  /** When it comes down: the notice's expiry, unless set for this posting. */
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'posted_at', type: 'timestamptz', nullable: true })
  postedAt: Date | null;

  @Column({ name: 'posted_by', type: 'uuid', nullable: true })
  postedById: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'posted_by', foreignKeyConstraintName: 'FK_board_postings_posted_by' })
  postedBy?: User | null;

  /** When the expiry job flagged it for removal. */
  @Column({ name: 'flagged_at', type: 'timestamptz', nullable: true })
  flaggedAt: Date | null;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt: Date | null;

  @Column({ name: 'removed_by', type: 'uuid', nullable: true })
  removedById: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'removed_by', foreignKeyConstraintName: 'FK_board_postings_removed_by' })
  removedBy?: User | null;
}

/** The daily check of a board (每日检查): tidy, undamaged, a remark and a photo (attached through the files platform). */
@Entity('board_checks')
@Index('UQ_board_checks_board_day', ['boardId', 'checkDate'], { unique: true })
export class BoardCheck {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_board_checks' })
  id: string;

  @Column({ name: 'board_id', type: 'uuid' })
  boardId: string;

  @ManyToOne('BulletinBoard', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'board_id', foreignKeyConstraintName: 'FK_board_checks_board' })
  board?: BulletinBoard;

  /** The school day checked. */
  @Column({ name: 'check_date', type: 'date' })
  checkDate: string;

  @Column({ type: 'boolean' })
  tidy: boolean;

  @Column({ type: 'boolean' })
  undamaged: boolean;

  @Column({ type: 'varchar', length: 500, nullable: true })
  remark: string | null;

  @Column({ name: 'checked_by', type: 'uuid' })
  checkedById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'checked_by', foreignKeyConstraintName: 'FK_board_checks_checked_by' })
  checkedBy?: User;

  @CreateDateColumn({ name: 'checked_at', type: 'timestamptz' })
  checkedAt: Date;
}

/** A cleaning of a board (清洁记录). */
@Entity('board_cleanings')
@Index('IDX_board_cleanings_board', ['boardId', 'cleanedOn'])
export class BoardCleaning {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_board_cleanings' })
  id: string;

  @Column({ name: 'board_id', type: 'uuid' })
  boardId: string;

  @ManyToOne('BulletinBoard', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'board_id', foreignKeyConstraintName: 'FK_board_cleanings_board' })
  board?: BulletinBoard;

  @Column({ name: 'cleaned_on', type: 'date' })
  cleanedOn: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  remark: string | null;

  @Column({ name: 'cleaned_by', type: 'uuid' })
  cleanedById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cleaned_by', foreignKeyConstraintName: 'FK_board_cleanings_cleaned_by' })
  cleanedBy?: User;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}

/** A WeCom or DingTalk group robot the office posts notices to (a broadcast channel). */
@Entity('notice_robots')
@Check('CHK_notice_robots_kind', `kind IN ('wecom', 'dingtalk')`)
export class NoticeRobot {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_notice_robots' })
  id: string;

  @Column({ type: 'varchar', length: 20 })
  kind: NoticeRobotKind;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Holds the robot's key: never shown back in full. */
  @Column({ name: 'webhook_url', type: 'varchar', length: 500 })
  webhookUrl: string;

  /** DingTalk's 加签 secret (SEC…). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  secret: string | null;

  /** A robot secured by 自定义关键词 takes only messages containing the keyword. */
  @Column({ type: 'varchar', length: 50, nullable: true })
  keyword: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One notice to one robot: queued, sent, or failed with the robot's answer (retried through the jobs platform). */
@Entity('notice_robot_posts')
@Index('UQ_notice_robot_posts', ['noticeId', 'robotId'], { unique: true })
@Check('CHK_notice_robot_posts_status', `status IN ('queued', 'sent', 'failed')`)
export class NoticeRobotPost {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_notice_robot_posts' })
  id: string;

  @Column({ name: 'notice_id', type: 'uuid' })
  noticeId: string;

  @ManyToOne('Notice', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notice_id', foreignKeyConstraintName: 'FK_notice_robot_posts_notice' })
  notice?: Notice;

  @Column({ name: 'robot_id', type: 'uuid' })
  robotId: string;

  @ManyToOne('NoticeRobot', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'robot_id', foreignKeyConstraintName: 'FK_notice_robot_posts_robot' })
  robot?: NoticeRobot;

  @Column({ type: 'varchar', length: 20, default: 'queued' })
  status: RobotPostStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A link in a published notice as the link checker last found it (INF-5). */
@Entity('notice_links')
@Index('UQ_notice_links', ['noticeId', 'url'], { unique: true })
@Index('IDX_notice_links_broken', ['ok', 'checkedAt'])
export class NoticeLink {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_notice_links' })
  id: string;

  @Column({ name: 'notice_id', type: 'uuid' })
  noticeId: string;

  @ManyToOne('Notice', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notice_id', foreignKeyConstraintName: 'FK_notice_links_notice' })
  notice?: Notice;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  @Column({ type: 'boolean' })
  ok: boolean;

  @Column({ name: 'http_status', type: 'integer', nullable: true })
  httpStatus: number | null;

  /** Why it is broken, when no HTTP status says it (timeout, DNS, refused). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  error: string | null;

  @Column({ name: 'checked_at', type: 'timestamptz' })
  checkedAt: Date;
}

export const BOARD_ENTITIES = [BulletinBoard, BoardPosting, BoardCheck, BoardCleaning, NoticeRobot, NoticeRobotPost, NoticeLink];
