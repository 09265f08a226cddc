import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The school calendar (PLT-10): semesters (never overlapping, week 1 starting on a Monday) and
 * the days that differ from the plain week (holidays, 调休 weekend working days, days without
 * lessons). A school that already exists gives its office roles the new calendar.manage, as a
 * new school gets it from SEEDED_ROLES on its first start.
 */
export class SchoolCalendar1796403925922 implements MigrationInterface {
  name = 'SchoolCalendar1796403925922';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "semesters" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(100) NOT NULL,
                "starts_on" date NOT NULL,
                "ends_on" date NOT NULL,
                "first_teaching_monday" date NOT NULL,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_semesters_first_monday" CHECK (
                    EXTRACT(
                        ISODOW
                        FROM first_teaching_monday
                    ) = 1
                    AND first_teaching_monday BETWEEN starts_on AND ends_on
                ),
                CONSTRAINT "CHK_semesters_span" CHECK (ends_on >= starts_on),
                CONSTRAINT "EXC_semesters_overlap" EXCLUDE USING gist (daterange(starts_on, ends_on, '[]') WITH &&),
                CONSTRAINT "PK_25c393e2e76b3e32e87a79b1dc2" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_semesters_name" ON "semesters" ("name")
        `);
    await queryRunner.query(`
            CREATE TABLE "calendar_days" (
                "date" date NOT NULL,
                "kind" character varying(20) NOT NULL,
                "name" character varying(50),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_calendar_days_workday_weekend" CHECK (
                    kind <> 'workday'
                    OR EXTRACT(
                        ISODOW
                        FROM date
                    ) IN (6, 7)
                ),
                CONSTRAINT "CHK_calendar_days_kind" CHECK (kind IN ('holiday', 'workday', 'no-teaching')),
                CONSTRAINT "PK_1c04d56e8833eb6827f104f17e0" PRIMARY KEY ("date")
            )
        `);
    await queryRunner.query(`
            UPDATE "roles" SET "permissions" = array_append("permissions", 'calendar.manage')
             WHERE "builtin" AND "code" IN ('office-director', 'office-clerk') AND NOT ('calendar.manage' = ANY("permissions"))
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE "calendar_days"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_semesters_name"
        `);
    await queryRunner.query(`
            DROP TABLE "semesters"
        `);
  }
}
