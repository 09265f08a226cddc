import {
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

/**
 * A list of names the desensitisation scan looks for (脱敏名单, INF-2): the school's students, say.
 * The names are personal data themselves, so only keepers of the lists read them; the scan only
 * reports the ones that occur in the text being checked.
 */
@Entity('sensitive_name_lists')
@Index('UQ_sensitive_name_lists_name', ['name'], { unique: true })
export class SensitiveNameList {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_sensitive_name_lists' })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One name on a list; a name appears once per list. */
@Entity('sensitive_names')
export class SensitiveName {
  @PrimaryColumn({ name: 'list_id', type: 'uuid', primaryKeyConstraintName: 'PK_sensitive_names' })
  listId: string;

  @ManyToOne('SensitiveNameList', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'list_id', foreignKeyConstraintName: 'FK_sensitive_names_list' })
  list?: SensitiveNameList;

  @PrimaryColumn({ type: 'varchar', length: 50, primaryKeyConstraintName: 'PK_sensitive_names' })
  name: string;
}

export const INFORMATION_ENTITIES = [SensitiveNameList, SensitiveName];
