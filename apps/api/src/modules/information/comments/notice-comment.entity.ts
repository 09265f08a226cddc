import type { NoticeCommentKind } from '@xiaoban/shared';
import type { Notice } from '../notices/notice.entities';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { User } from '../../../platform/org/user.entity';

/** A reader's comment or question on a published notice (INF-4); the office answers questions. */
@Entity('notice_comments')
@Index('IDX_notice_comments_notice', ['noticeId', 'createdAt'])
@Check('CHK_notice_comments_kind', `kind IN ('comment', 'question')`)
@Check('CHK_notice_comments_answer', `(answer IS NULL) = (answered_at IS NULL)`)
export class NoticeComment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_notice_comments' })
  id: string;

  @Column({ name: 'notice_id', type: 'uuid' })
  noticeId: string;

  @ManyToOne('Notice', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notice_id', foreignKeyConstraintName: 'FK_notice_comments_notice' })
  notice?: Notice | null;

  @Column({ type: 'varchar', length: 20 })
  kind: NoticeCommentKind;

  @Column({ type: 'varchar', length: 2000 })
  body: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'FK_notice_comments_author' })
  author?: User;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  answer: string | null;

  @Column({ name: 'answered_by', type: 'uuid', nullable: true })
  answeredById: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'answered_by', foreignKeyConstraintName: 'FK_notice_comments_answered_by' })
  answeredBy?: User | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
