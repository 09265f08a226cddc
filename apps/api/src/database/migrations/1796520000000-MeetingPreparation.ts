import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meetings part 2 (MTG-4 to MTG-7): the preparation checklist and equipment tests, materials with
 * their receipts, sign-in columns on the attendees, the note taker and the notes of key speeches.
 */
export class MeetingPreparation1796520000000 implements MigrationInterface {
  name = 'MeetingPreparation1796520000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "meeting_materials" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "meeting_id" uuid NOT NULL,
                "title" character varying(200) NOT NULL,
                "confidential" boolean NOT NULL DEFAULT false,
                "secrecy" character varying(20) NOT NULL DEFAULT 'none',
                "status" character varying(20) NOT NULL DEFAULT 'uploaded',
                "copies" integer,
                "printed_at" TIMESTAMP WITH TIME ZONE,
                "bound_at" TIMESTAMP WITH TIME ZONE,
                "distributed_at" TIMESTAMP WITH TIME ZONE,
                "uploaded_by" uuid NOT NULL,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_meeting_materials_secrecy" CHECK (
                    secrecy IN ('none', 'secret', 'confidential', 'top-secret')
                ),
                CONSTRAINT "CHK_meeting_materials_status" CHECK (
                    status IN ('uploaded', 'printed', 'bound', 'distributed')
                ),
                CONSTRAINT "PK_c225ea1a814c22a39be78ea4232" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_meeting_materials_meeting" ON "meeting_materials" ("meeting_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_material_receipts" (
                "material_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "distributed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "received_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_a372a21bd256d09a929a2b93744" PRIMARY KEY ("material_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_meeting_material_receipts_user" ON "meeting_material_receipts" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_note_takers" (
                "meeting_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                CONSTRAINT "PK_7581c046334b6f91b61a68af27c" PRIMARY KEY ("meeting_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_notes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "meeting_id" uuid NOT NULL,
                "speaker_id" uuid,
                "speaker_name" character varying(100) NOT NULL,
                "topic" character varying(300) NOT NULL,
                "text" text NOT NULL,
                "spoken_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "recorded_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_24248684e8ac266a4bc2ba64475" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_meeting_notes_meeting" ON "meeting_notes" ("meeting_id", "spoken_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_checklists" (
                "meeting_id" uuid NOT NULL,
                "clean_ok" boolean,
                "clean_remark" character varying(200),
                "quiet_ok" boolean,
                "quiet_remark" character varying(200),
                "light_ok" boolean,
                "light_remark" character varying(200),
                "banner_text" character varying(200),
                "name_cards_printed" boolean NOT NULL DEFAULT false,
                "backup_equipment_ready" boolean NOT NULL DEFAULT false,
                "duty_person_id" uuid,
                "version" integer NOT NULL DEFAULT '1',
                "updated_by" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b6e34b5e4ce5cfb730908b2c257" PRIMARY KEY ("meeting_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_equipment_tests" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "meeting_id" uuid NOT NULL,
                "room_id" uuid,
                "item" character varying(20) NOT NULL,
                "result" character varying(10) NOT NULL,
                "remark" character varying(300),
                "needs_maintenance" boolean NOT NULL,
                "tested_by" uuid NOT NULL,
                "tested_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "CHK_meeting_equipment_tests_maintenance" CHECK (needs_maintenance = (result = 'fail')),
                CONSTRAINT "CHK_meeting_equipment_tests_result" CHECK (result IN ('pass', 'fail')),
                CONSTRAINT "CHK_meeting_equipment_tests_item" CHECK (
                    item IN (
                        'audio',
                        'projector',
                        'microphones',
                        'video-conference'
                    )
                ),
                CONSTRAINT "PK_748ce604951d3b29d6343996c1a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_meeting_equipment_tests_maintenance" ON "meeting_equipment_tests" ("needs_maintenance")
            WHERE needs_maintenance
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_meeting_equipment_tests_item" ON "meeting_equipment_tests" ("meeting_id", "item")
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_attendees"
            ADD "attendance" character varying(10)
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_attendees"
            ADD "signed_in_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_attendees"
            ADD "sign_in_method" character varying(10)
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_attendees"
            ADD CONSTRAINT "CHK_meeting_attendees_sign_in_method" CHECK (
                    sign_in_method IS NULL
                    OR sign_in_method IN ('staff', 'qr')
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_attendees"
            ADD CONSTRAINT "CHK_meeting_attendees_attendance" CHECK (
                    attendance IS NULL
                    OR attendance IN ('present', 'late', 'absent', 'leave')
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_materials"
            ADD CONSTRAINT "FK_meeting_materials_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_materials"
            ADD CONSTRAINT "FK_meeting_materials_uploaded_by" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_material_receipts"
            ADD CONSTRAINT "FK_meeting_material_receipts_material" FOREIGN KEY ("material_id") REFERENCES "meeting_materials"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_material_receipts"
            ADD CONSTRAINT "FK_meeting_material_receipts_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_note_takers"
            ADD CONSTRAINT "FK_meeting_note_takers_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_note_takers"
            ADD CONSTRAINT "FK_meeting_note_takers_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_notes"
            ADD CONSTRAINT "FK_meeting_notes_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_notes"
            ADD CONSTRAINT "FK_meeting_notes_speaker" FOREIGN KEY ("speaker_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_notes"
            ADD CONSTRAINT "FK_meeting_notes_recorded_by" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_checklists"
            ADD CONSTRAINT "FK_meeting_checklists_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_checklists"
            ADD CONSTRAINT "FK_meeting_checklists_duty_person" FOREIGN KEY ("duty_person_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_checklists"
            ADD CONSTRAINT "FK_meeting_checklists_updated_by" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_equipment_tests"
            ADD CONSTRAINT "FK_meeting_equipment_tests_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_equipment_tests"
            ADD CONSTRAINT "FK_meeting_equipment_tests_tested_by" FOREIGN KEY ("tested_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "meeting_equipment_tests" DROP CONSTRAINT "FK_meeting_equipment_tests_tested_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_equipment_tests" DROP CONSTRAINT "FK_meeting_equipment_tests_meeting"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_checklists" DROP CONSTRAINT "FK_meeting_checklists_updated_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_checklists" DROP CONSTRAINT "FK_meeting_checklists_duty_person"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_checklists" DROP CONSTRAINT "FK_meeting_checklists_meeting"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_notes" DROP CONSTRAINT "FK_meeting_notes_recorded_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_notes" DROP CONSTRAINT "FK_meeting_notes_speaker"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_notes" DROP CONSTRAINT "FK_meeting_notes_meeting"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_note_takers" DROP CONSTRAINT "FK_meeting_note_takers_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_note_takers" DROP CONSTRAINT "FK_meeting_note_takers_meeting"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_material_receipts" DROP CONSTRAINT "FK_meeting_material_receipts_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_material_receipts" DROP CONSTRAINT "FK_meeting_material_receipts_material"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_materials" DROP CONSTRAINT "FK_meeting_materials_uploaded_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_materials" DROP CONSTRAINT "FK_meeting_materials_meeting"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_attendees" DROP CONSTRAINT "CHK_meeting_attendees_attendance"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_attendees" DROP CONSTRAINT "CHK_meeting_attendees_sign_in_method"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_attendees" DROP COLUMN "sign_in_method"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_attendees" DROP COLUMN "signed_in_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_attendees" DROP COLUMN "attendance"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_meeting_equipment_tests_item"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_meeting_equipment_tests_maintenance"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_equipment_tests"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_checklists"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_meeting_notes_meeting"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_notes"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_note_takers"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_meeting_material_receipts_user"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_material_receipts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_meeting_materials_meeting"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_materials"
        `);
  }
}
