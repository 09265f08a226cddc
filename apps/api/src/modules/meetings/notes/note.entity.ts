import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { User } from '../../../platform/org/user.entity';
import type { Meeting } from '../meetings/meeting.entity';

/** The meeting's note taker (记录人, MTG-7), designated by the organiser; without one, the organiser takes notes. */
@Entity('meeting_note_takers')
export class MeetingNoteTaker {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @ManyToOne('Meeting', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'FK_meeting_note_takers_meeting' })
  meeting?: Meeting;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_meeting_note_takers_user' })
  user?: User;
}

/** A key speech (重要发言, MTG-7): who spoke, on which topic, what they said and when. */
@Entity('meeting_notes')
@Index('IDX_meeting_notes_meeting', ['meetingId', 'spokenAt'])
export class MeetingNote {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @ManyToOne('Meeting', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'FK_meeting_notes_meeting' })
  meeting?: Meeting;

  /** The speaker, when a person with an account; `speakerName` is kept either way (guests too). */
  @Column({ name: 'speaker_id', type: 'uuid', nullable: true })
  speakerId: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'speaker_id', foreignKeyConstraintName: 'FK_meeting_notes_speaker' })
  speaker?: User | null;

  @Column({ name: 'speaker_name', type: 'varchar', length: 100 })
  speakerName: string;

  @Column({ type: 'varchar', length: 300 })
  topic: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'spoken_at', type: 'timestamptz' })
  spokenAt: Date;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'FK_meeting_notes_recorded_by' })
  recordedBy?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
