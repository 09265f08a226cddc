import { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToBuiltinRoles, revokeFromBuiltinRoles } from '../role-grants';

/** The meetings permissions of the built-in roles, as libs/shared roles.ts grants them. */
const ROLE_GRANTS: Record<string, string[]> = {
  'office-director': ['meetings.rooms.manage', 'meetings.book', 'meetings.organise', 'meetings.manage'],
  'office-clerk': ['meetings.rooms.manage', 'meetings.book', 'meetings.organise', 'meetings.manage'],
  'school-leader': ['meetings.book', 'meetings.organise'],
  'department-head': ['meetings.book', 'meetings.organise'],
  staff: ['meetings.book'],
};

/** The built-in meeting types (libs/shared BUILTIN_MEETING_TYPES); schools add their own. */
const BUILTIN_TYPES: [string, string, string, number][] = [
  ['school-affairs', '校务会', 'School affairs meeting', 10],
  ['administrative', '行政会', 'Administrative meeting', 20],
  ['party-committee', '党委会', 'Party committee meeting', 30],
  ['coordination', '协调会', 'Coordination meeting', 40],
  ['staff-assembly', '教职工大会', 'Staff assembly', 50],
];

/**
 * Meetings, part 1 (MTG-1 to MTG-3): rooms, bookings with the exclusion constraint that makes a
 * double booking impossible (btree_gist, half-open tstzrange over the slot-holding statuses),
 * weekly series, meeting types, meetings with topics, invited departments and attendees, and the
 * personal calendar feeds. By hand: the built-in meeting types, and the new permissions for the
 * built-in roles of schools that already exist.
 */
export class Meetings1796409758788 implements MigrationInterface {
  name = 'Meetings1796409758788';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "meeting_rooms" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(100) NOT NULL,
                "building" character varying(100) NOT NULL,
                "floor" character varying(20) NOT NULL,
                "capacity" integer NOT NULL,
                "equipment" text array NOT NULL DEFAULT '{}',
                "bookable" boolean NOT NULL DEFAULT true,
                "needs_approval" boolean NOT NULL DEFAULT false,
                "note" text,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_meeting_rooms_capacity" CHECK (capacity >= 1),
                CONSTRAINT "PK_1e6747496adb820e5eab5f9a272" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_meeting_rooms_name" ON "meeting_rooms" ("name")
        `);
    await queryRunner.query(`
            CREATE TABLE "room_booking_series" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "room_id" uuid NOT NULL,
                "title" character varying(200) NOT NULL,
                "organiser_id" uuid NOT NULL,
                "weekday" smallint NOT NULL,
                "start_time" TIME NOT NULL,
                "end_time" TIME NOT NULL,
                "from_on" date NOT NULL,
                "until_on" date NOT NULL,
                "teaching_weeks_only" boolean NOT NULL,
                "skip_dates" date array NOT NULL DEFAULT '{}',
                "attendee_count" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_room_booking_series_span" CHECK (until_on >= from_on),
                CONSTRAINT "CHK_room_booking_series_times" CHECK (end_time > start_time),
                CONSTRAINT "CHK_room_booking_series_weekday" CHECK (
                    weekday BETWEEN 1 AND 7
                ),
                CONSTRAINT "PK_84114b90d67ac13a96fbf05b37d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "room_bookings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "room_id" uuid NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "attendee_count" integer NOT NULL,
                "title" character varying(200) NOT NULL,
                "organiser_id" uuid NOT NULL,
                "status" character varying(20) NOT NULL,
                "series_id" uuid,
                "approval_request_id" uuid,
                "note" text,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_room_bookings_status" CHECK (
                    status IN ('pending', 'confirmed', 'rejected', 'cancelled')
                ),
                CONSTRAINT "CHK_room_bookings_attendees" CHECK (attendee_count >= 1),
                CONSTRAINT "CHK_room_bookings_range" CHECK (ends_at > starts_at),
                CONSTRAINT "EXC_room_bookings_no_overlap" EXCLUDE USING gist (
                    room_id WITH =,
                    tstzrange(starts_at, ends_at, '[)') WITH &&
                )
                WHERE (status IN ('pending', 'confirmed')),
                    CONSTRAINT "PK_2224dc5dd12d457dcb2458f03a0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_room_bookings_series" ON "room_bookings" ("series_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_room_bookings_organiser" ON "room_bookings" ("organiser_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_room_bookings_room_start" ON "room_bookings" ("room_id", "starts_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_types" (
                "code" character varying(40) NOT NULL,
                "name" character varying(50) NOT NULL,
                "name_en" character varying(100),
                "builtin" boolean NOT NULL DEFAULT false,
                "active" boolean NOT NULL DEFAULT true,
                "sort" integer NOT NULL DEFAULT '100',
                CONSTRAINT "PK_5f230a7f827927df748cc06636a" PRIMARY KEY ("code")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_meeting_types_name" ON "meeting_types" ("name")
        `);
    await queryRunner.query(`
            CREATE TABLE "meetings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" character varying(200) NOT NULL,
                "type_code" character varying(40) NOT NULL,
                "organiser_id" uuid NOT NULL,
                "host_id" uuid,
                "booking_id" uuid,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "location" character varying(200),
                "secrecy" character varying(20) NOT NULL DEFAULT 'none',
                "description" text,
                "status" character varying(20) NOT NULL,
                "agenda_confirmed_at" TIMESTAMP WITH TIME ZONE,
                "notified_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_meetings_status" CHECK (
                    status IN (
                        'draft',
                        'agenda-confirmed',
                        'notified',
                        'cancelled'
                    )
                ),
                CONSTRAINT "CHK_meetings_secrecy" CHECK (
                    secrecy IN ('none', 'secret', 'confidential', 'top-secret')
                ),
                CONSTRAINT "CHK_meetings_range" CHECK (ends_at > starts_at),
                CONSTRAINT "PK_aa73be861afa77eb4ed31f3ed57" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_meetings_booking" ON "meetings" ("booking_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_meetings_organiser" ON "meetings" ("organiser_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_meetings_starts_at" ON "meetings" ("starts_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_topics" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "meeting_id" uuid NOT NULL,
                "seq" integer NOT NULL,
                "title" character varying(300) NOT NULL,
                "presenter_id" uuid,
                "minutes" integer,
                CONSTRAINT "CHK_meeting_topics_minutes" CHECK (
                    minutes IS NULL
                    OR minutes >= 1
                ),
                CONSTRAINT "PK_bbde844174545eae4de3d9157e8" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_meeting_topics_seq" ON "meeting_topics" ("meeting_id", "seq")
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_departments" (
                "meeting_id" uuid NOT NULL,
                "department_id" uuid NOT NULL,
                "role" character varying(10) NOT NULL,
                CONSTRAINT "CHK_meeting_departments_role" CHECK (role IN ('attendee', 'observer')),
                CONSTRAINT "PK_f131c158ff412a778e9d35e6063" PRIMARY KEY ("meeting_id", "department_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_attendees" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "meeting_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "role" character varying(10) NOT NULL,
                "via_department_id" uuid,
                "response" character varying(10) NOT NULL DEFAULT 'pending',
                "leave_reason" text,
                "responded_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_meeting_attendees_leave_reason" CHECK (
                    response <> 'leave'
                    OR leave_reason IS NOT NULL
                ),
                CONSTRAINT "CHK_meeting_attendees_response" CHECK (response IN ('pending', 'accepted', 'leave')),
                CONSTRAINT "CHK_meeting_attendees_role" CHECK (role IN ('attendee', 'observer')),
                CONSTRAINT "PK_b49884a61337dbfb2f3018710da" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_meeting_attendees_user" ON "meeting_attendees" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_meeting_attendees_person" ON "meeting_attendees" ("meeting_id", "user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_calendar_feeds" (
                "user_id" uuid NOT NULL,
                "token_hash" character varying(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f0e89008d063f2d4caa3ae566d7" PRIMARY KEY ("user_id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_meeting_calendar_feeds_token" ON "meeting_calendar_feeds" ("token_hash")
        `);
    await queryRunner.query(`
            ALTER TABLE "room_booking_series"
            ADD CONSTRAINT "FK_room_booking_series_room" FOREIGN KEY ("room_id") REFERENCES "meeting_rooms"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "room_booking_series"
            ADD CONSTRAINT "FK_room_booking_series_organiser" FOREIGN KEY ("organiser_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "room_bookings"
            ADD CONSTRAINT "FK_room_bookings_room" FOREIGN KEY ("room_id") REFERENCES "meeting_rooms"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "room_bookings"
            ADD CONSTRAINT "FK_room_bookings_organiser" FOREIGN KEY ("organiser_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "room_bookings"
            ADD CONSTRAINT "FK_room_bookings_series" FOREIGN KEY ("series_id") REFERENCES "room_booking_series"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings"
            ADD CONSTRAINT "FK_meetings_type" FOREIGN KEY ("type_code") REFERENCES "meeting_types"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings"
            ADD CONSTRAINT "FK_meetings_organiser" FOREIGN KEY ("organiser_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings"
            ADD CONSTRAINT "FK_meetings_host" FOREIGN KEY ("host_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings"
            ADD CONSTRAINT "FK_meetings_booking" FOREIGN KEY ("booking_id") REFERENCES "room_bookings"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_topics"
            ADD CONSTRAINT "FK_meeting_topics_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_topics"
            ADD CONSTRAINT "FK_meeting_topics_presenter" FOREIGN KEY ("presenter_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_departments"
            ADD CONSTRAINT "FK_meeting_departments_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_departments"
            ADD CONSTRAINT "FK_meeting_departments_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_attendees"
            ADD CONSTRAINT "FK_meeting_attendees_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_attendees"
            ADD CONSTRAINT "FK_meeting_attendees_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_attendees"
            ADD CONSTRAINT "FK_meeting_attendees_via_department" FOREIGN KEY ("via_department_id") REFERENCES "departments"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_calendar_feeds"
            ADD CONSTRAINT "FK_meeting_calendar_feeds_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    for (const [code, name, nameEn, sort] of BUILTIN_TYPES) {
      await queryRunner.query(
        `INSERT INTO meeting_types (code, name, name_en, builtin, active, sort) VALUES ($1, $2, $3, true, true, $4) ON CONFLICT (code) DO NOTHING`,
        [code, name, nameEn, sort],
      );
    }
    await grantToBuiltinRoles(queryRunner, ROLE_GRANTS);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await revokeFromBuiltinRoles(queryRunner, ROLE_GRANTS);
    await queryRunner.query(`
            ALTER TABLE "meeting_calendar_feeds" DROP CONSTRAINT "FK_meeting_calendar_feeds_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_attendees" DROP CONSTRAINT "FK_meeting_attendees_via_department"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_attendees" DROP CONSTRAINT "FK_meeting_attendees_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_attendees" DROP CONSTRAINT "FK_meeting_attendees_meeting"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_departments" DROP CONSTRAINT "FK_meeting_departments_department"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_departments" DROP CONSTRAINT "FK_meeting_departments_meeting"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_topics" DROP CONSTRAINT "FK_meeting_topics_presenter"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_topics" DROP CONSTRAINT "FK_meeting_topics_meeting"
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings" DROP CONSTRAINT "FK_meetings_booking"
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings" DROP CONSTRAINT "FK_meetings_host"
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings" DROP CONSTRAINT "FK_meetings_organiser"
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings" DROP CONSTRAINT "FK_meetings_type"
        `);
    await queryRunner.query(`
            ALTER TABLE "room_bookings" DROP CONSTRAINT "FK_room_bookings_series"
        `);
    await queryRunner.query(`
            ALTER TABLE "room_bookings" DROP CONSTRAINT "FK_room_bookings_organiser"
        `);
    await queryRunner.query(`
            ALTER TABLE "room_bookings" DROP CONSTRAINT "FK_room_bookings_room"
        `);
    await queryRunner.query(`
            ALTER TABLE "room_booking_series" DROP CONSTRAINT "FK_room_booking_series_organiser"
        `);
    await queryRunner.query(`
            ALTER TABLE "room_booking_series" DROP CONSTRAINT "FK_room_booking_series_room"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_meeting_calendar_feeds_token"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_calendar_feeds"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_meeting_attendees_person"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_meeting_attendees_user"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_attendees"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_departments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_meeting_topics_seq"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_topics"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_meetings_starts_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_meetings_organiser"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_meetings_booking"
        `);
    await queryRunner.query(`
            DROP TABLE "meetings"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_meeting_types_name"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_types"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_room_bookings_room_start"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_room_bookings_organiser"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_room_bookings_series"
        `);
    await queryRunner.query(`
            DROP TABLE "room_bookings"
        `);
    await queryRunner.query(`
            DROP TABLE "room_booking_series"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_meeting_rooms_name"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_rooms"
        `);
  }
}
