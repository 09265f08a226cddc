import { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToBuiltinRoles, revokeFromBuiltinRoles } from '../role-grants';

/** The archive's keepers (ADM-7 to ADM-9) on the roles that exist already. */
const ROLE_GRANTS: Record<string, string[]> = {
  'office-director': ['administration.archives.manage'],
  archivist: ['administration.archives.manage'],
};

/** The 门类 a school starts with (as libs/shared DEFAULT_ARCHIVE_CATEGORIES). */
const CATEGORIES: [string, string][] = [
  ['WS', '文书'],
  ['JX', '教学'],
  ['KY', '科研'],
  ['JJ', '基建'],
  ['SB', '设备'],
  ['KJ', '会计'],
  ['SX', '声像'],
  ['SW', '实物'],
  ['RS', '人事'],
  ['XS', '学生'],
];

/**
 * A starting retention schedule (归档范围与保管期限表) after 《机关文件材料归档范围和文书档案保管期限规定》
 * (国家档案局令第8号) for a school; the office edits it. [门类, 归档范围, 保管期限, 文种].
 */
const SCHEDULE: [string, string, string, string | null][] = [
  ['WS', '学校党政领导班子会议记录、纪要', 'permanent', 'minutes'],
  ['WS', '学校制定的规章制度、决定、决议', 'permanent', 'decision'],
  ['WS', '上级机关对本校的批复', 'permanent', 'reply'],
  ['WS', '学校向上级机关的请示、报告', '30-years', 'request'],
  ['WS', '学校工作报告、总结', '30-years', 'report'],
  ['WS', '一般性通知、通报', '10-years', 'notice'],
  ['WS', '来往函件', '10-years', 'letter'],
  ['JX', '教学计划、课程表、教学质量评估材料', '30-years', null],
  ['JX', '学生学籍、成绩、毕业生名册', 'permanent', null],
  ['KY', '科研课题立项、结题材料', 'permanent', null],
  ['JJ', '校舍基建工程竣工材料', 'permanent', null],
  ['SB', '仪器设备购置、验收材料', '30-years', null],
  ['KJ', '会计凭证、账簿', '30-years', null],
  ['KJ', '年度财务报告', 'permanent', null],
  ['SX', '学校重大活动照片、录像', 'permanent', null],
];

export class Archives1796500000000 implements MigrationInterface {
  name = 'Archives1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "archive_settings" (
                "id" smallint NOT NULL,
                "fonds_code" character varying(10) NOT NULL,
                "fonds_name" character varying(100) NOT NULL DEFAULT '',
                "org_mode" character varying(20) NOT NULL DEFAULT 'department',
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "CHK_archive_settings_org_mode" CHECK (org_mode IN ('department', 'subject')),
                CONSTRAINT "CHK_archive_settings_single" CHECK (id = 1),
                CONSTRAINT "PK_archive_settings" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "archive_categories" (
                "code" character varying(4) NOT NULL,
                "name" character varying(40) NOT NULL,
                "sort_order" integer NOT NULL DEFAULT '0',
                "active" boolean NOT NULL DEFAULT true,
                CONSTRAINT "PK_archive_categories" PRIMARY KEY ("code")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "archive_org_codes" (
                "code" character varying(10) NOT NULL,
                "name" character varying(60) NOT NULL,
                "department_id" uuid,
                CONSTRAINT "PK_archive_org_codes" PRIMARY KEY ("code")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_archive_org_codes_department" ON "archive_org_codes" ("department_id")
            WHERE department_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "archive_retention_rules" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "category_code" character varying(4) NOT NULL,
                "scope" character varying(300) NOT NULL,
                "retention" character varying(20) NOT NULL,
                "document_type" character varying(30),
                "sort_order" integer NOT NULL DEFAULT '0',
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "CHK_archive_retention_rules_retention" CHECK (
                    retention IN ('permanent', '30-years', '10-years')
                ),
                CONSTRAINT "PK_archive_retention_rules" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_archive_retention_rules_category" ON "archive_retention_rules" ("category_code", "sort_order")
        `);
    await queryRunner.query(`
            CREATE TABLE "archive_item_counters" (
                "fonds_code" character varying(10) NOT NULL,
                "category_code" character varying(4) NOT NULL,
                "year" integer NOT NULL,
                "retention" character varying(20) NOT NULL,
                "org_code" character varying(10) NOT NULL,
                "last_seq" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_archive_item_counters" PRIMARY KEY (
                    "fonds_code",
                    "category_code",
                    "year",
                    "retention",
                    "org_code"
                )
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "archive_boxes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "fonds_code" character varying(10) NOT NULL,
                "category_code" character varying(4) NOT NULL,
                "year" integer NOT NULL,
                "retention" character varying(20) NOT NULL,
                "org_code" character varying(10) NOT NULL,
                "box_number" integer NOT NULL,
                "organiser" character varying(50),
                "checker" character varying(50),
                "checked_on" date,
                "note" character varying(1000),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_archive_boxes_number" CHECK (box_number >= 1),
                CONSTRAINT "CHK_archive_boxes_retention" CHECK (
                    retention IN ('permanent', '30-years', '10-years')
                ),
                CONSTRAINT "PK_archive_boxes" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_archive_boxes_class_number" ON "archive_boxes" (
                "fonds_code",
                "category_code",
                "year",
                "retention",
                "org_code",
                "box_number"
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "archive_items" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "archive_number" character varying(60) NOT NULL,
                "fonds_code" character varying(10) NOT NULL,
                "category_code" character varying(4) NOT NULL,
                "year" integer NOT NULL,
                "retention" character varying(20) NOT NULL,
                "org_code" character varying(10) NOT NULL,
                "seq" integer NOT NULL,
                "document_number" character varying(100),
                "responsible" character varying(100) NOT NULL,
                "title" character varying(300) NOT NULL,
                "document_date" date NOT NULL,
                "secrecy" character varying(20) NOT NULL DEFAULT 'none',
                "pages" integer NOT NULL DEFAULT '0',
                "remarks" character varying(500),
                "disinfected" boolean NOT NULL DEFAULT false,
                "condition" character varying(20) NOT NULL DEFAULT 'good',
                "box_id" uuid,
                "shelf" character varying(50),
                "source_kind" character varying(40),
                "source_id" uuid,
                "history" jsonb NOT NULL DEFAULT '[]',
                "accessioned_by" uuid NOT NULL,
                "accessioned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "destroyed_at" TIMESTAMP WITH TIME ZONE,
                "destruction_list_id" uuid,
                "version" integer NOT NULL DEFAULT '1',
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_archive_items_seq" CHECK (
                    seq BETWEEN 1 AND 9999
                    AND pages >= 0
                ),
                CONSTRAINT "CHK_archive_items_condition" CHECK (condition IN ('good', 'worn', 'damaged')),
                CONSTRAINT "CHK_archive_items_secrecy" CHECK (
                    secrecy IN ('none', 'secret', 'confidential', 'top-secret')
                ),
                CONSTRAINT "CHK_archive_items_retention" CHECK (
                    retention IN ('permanent', '30-years', '10-years')
                ),
                CONSTRAINT "PK_archive_items" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_archive_items_box" ON "archive_items" ("box_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_archive_items_source" ON "archive_items" ("source_kind", "source_id")
            WHERE source_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_archive_items_number" ON "archive_items" ("archive_number")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_archive_items_class_seq" ON "archive_items" (
                "fonds_code",
                "category_code",
                "year",
                "retention",
                "org_code",
                "seq"
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "backups"
            ADD "scope" character varying(20) NOT NULL DEFAULT 'full'
        `);
    await queryRunner.query(`
            ALTER TABLE "archive_org_codes"
            ADD CONSTRAINT "FK_archive_org_codes_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "archive_retention_rules"
            ADD CONSTRAINT "FK_archive_retention_rules_category" FOREIGN KEY ("category_code") REFERENCES "archive_categories"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "archive_boxes"
            ADD CONSTRAINT "FK_archive_boxes_category" FOREIGN KEY ("category_code") REFERENCES "archive_categories"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "archive_items"
            ADD CONSTRAINT "FK_archive_items_category" FOREIGN KEY ("category_code") REFERENCES "archive_categories"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "archive_items"
            ADD CONSTRAINT "FK_archive_items_org_code" FOREIGN KEY ("org_code") REFERENCES "archive_org_codes"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "archive_items"
            ADD CONSTRAINT "FK_archive_items_box" FOREIGN KEY ("box_id") REFERENCES "archive_boxes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "archive_items"
            ADD CONSTRAINT "FK_archive_items_accessioned_by" FOREIGN KEY ("accessioned_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "archive_items"
            ADD CONSTRAINT "FK_archive_items_destruction_list" FOREIGN KEY ("destruction_list_id") REFERENCES "destruction_lists"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    // The archive starts with 全宗号 Z001 (the office changes it), the common 门类, the office's
    // 机构代码 BGS and a retention schedule to edit.
    await queryRunner.query(`INSERT INTO archive_settings (id, fonds_code, fonds_name, org_mode) VALUES (1, 'Z001', '', 'department')`);
    for (const [i, [code, name]] of CATEGORIES.entries()) {
      await queryRunner.query(`INSERT INTO archive_categories (code, name, sort_order) VALUES ($1, $2, $3)`, [code, name, (i + 1) * 10]);
    }
    await queryRunner.query(`INSERT INTO archive_org_codes (code, name) VALUES ('BGS', '办公室')`);
    for (const [i, [category, scope, retention, documentType]] of SCHEDULE.entries()) {
      await queryRunner.query(
        `INSERT INTO archive_retention_rules (category_code, scope, retention, document_type, sort_order) VALUES ($1, $2, $3, $4, $5)`,
        [category, scope, retention, documentType, (i + 1) * 10],
      );
    }
    await grantToBuiltinRoles(queryRunner, ROLE_GRANTS);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await revokeFromBuiltinRoles(queryRunner, ROLE_GRANTS);
    await queryRunner.query(`
            ALTER TABLE "archive_items" DROP CONSTRAINT "FK_archive_items_destruction_list"
        `);
    await queryRunner.query(`
            ALTER TABLE "archive_items" DROP CONSTRAINT "FK_archive_items_accessioned_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "archive_items" DROP CONSTRAINT "FK_archive_items_box"
        `);
    await queryRunner.query(`
            ALTER TABLE "archive_items" DROP CONSTRAINT "FK_archive_items_org_code"
        `);
    await queryRunner.query(`
            ALTER TABLE "archive_items" DROP CONSTRAINT "FK_archive_items_category"
        `);
    await queryRunner.query(`
            ALTER TABLE "archive_boxes" DROP CONSTRAINT "FK_archive_boxes_category"
        `);
    await queryRunner.query(`
            ALTER TABLE "archive_retention_rules" DROP CONSTRAINT "FK_archive_retention_rules_category"
        `);
    await queryRunner.query(`
            ALTER TABLE "archive_org_codes" DROP CONSTRAINT "FK_archive_org_codes_department"
        `);
    await queryRunner.query(`
            ALTER TABLE "backups" DROP COLUMN "scope"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_archive_items_class_seq"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_archive_items_number"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_archive_items_source"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_archive_items_box"
        `);
    await queryRunner.query(`
            DROP TABLE "archive_items"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_archive_boxes_class_number"
        `);
    await queryRunner.query(`
            DROP TABLE "archive_boxes"
        `);
    await queryRunner.query(`
            DROP TABLE "archive_item_counters"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_archive_retention_rules_category"
        `);
    await queryRunner.query(`
            DROP TABLE "archive_retention_rules"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_archive_org_codes_department"
        `);
    await queryRunner.query(`
            DROP TABLE "archive_org_codes"
        `);
    await queryRunner.query(`
            DROP TABLE "archive_categories"
        `);
    await queryRunner.query(`
            DROP TABLE "archive_settings"
        `);
  }
}
