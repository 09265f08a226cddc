import { MigrationInterface, QueryRunner } from 'typeorm';

/** The workflow platform, part 1: approval chains, the inbox, the message centre and the notification outbox. */

export class WorkflowPlatform1796402758704 implements MigrationInterface {
  name = 'WorkflowPlatform1796402758704';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "approval_chains" (
                "kind" character varying(60) NOT NULL,
                "steps" jsonb NOT NULL,
                "version" integer NOT NULL DEFAULT '1',
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_80a59031b819e008cb0fc7a6eed" PRIMARY KEY ("kind")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "approval_requests" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" character varying(60) NOT NULL,
                "title" character varying(200) NOT NULL,
                "applicant_id" uuid NOT NULL,
                "subject_type" character varying(60),
                "subject_id" character varying(100),
                "data" jsonb NOT NULL DEFAULT '{}',
                "steps" jsonb NOT NULL,
                "status" character varying(20) NOT NULL,
                "current_step" integer NOT NULL DEFAULT '0',
                "round" integer NOT NULL DEFAULT '1',
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "decided_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_484806bb8ff331b851fc75973c0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_approval_requests_status" ON "approval_requests" ("status")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_approval_requests_subject" ON "approval_requests" ("subject_type", "subject_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_approval_requests_applicant" ON "approval_requests" ("applicant_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "approval_tasks" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "request_id" uuid NOT NULL,
                "round" integer NOT NULL,
                "step_index" integer NOT NULL,
                "assignee_id" uuid NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'pending',
                "due_at" TIMESTAMP WITH TIME ZONE,
                "comment" text,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "reminded_before_at" TIMESTAMP WITH TIME ZONE,
                "reminded_after_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_612540cffe174929e1ff58c893b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_approval_tasks_assignee" ON "approval_tasks" ("assignee_id", "status")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_approval_tasks_request" ON "approval_tasks" ("request_id", "round", "step_index")
        `);
    await queryRunner.query(`
            CREATE TABLE "approval_events" (
                "id" BIGSERIAL NOT NULL,
                "request_id" uuid NOT NULL,
                "round" integer NOT NULL,
                "step_index" integer,
                "actor_id" uuid,
                "action" character varying(20) NOT NULL,
                "comment" text,
                "target_user_ids" uuid array NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_fc9159b6f9dedb517b4836a02c9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_approval_events_request" ON "approval_events" ("request_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "approval_copies" (
                "request_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                CONSTRAINT "PK_a85b399c6e340b86216ddc6d729" PRIMARY KEY ("request_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "approval_outcome_receipts" (
                "request_id" uuid NOT NULL,
                "handled_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_091933aa5d2d580b48cb26fdc05" PRIMARY KEY ("request_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "inbox_items" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "assignee_id" uuid NOT NULL,
                "source_type" character varying(50) NOT NULL,
                "source_id" character varying(100) NOT NULL,
                "title" character varying(300) NOT NULL,
                "link" character varying(300) NOT NULL,
                "urgency" smallint NOT NULL DEFAULT '0',
                "due_at" TIMESTAMP WITH TIME ZONE,
                "status" character varying(20) NOT NULL DEFAULT 'open',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "closed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_d7d185785d28b1ad0c57d91a8be" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_inbox_items_source" ON "inbox_items" ("source_type", "source_id", "assignee_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_inbox_items_todo" ON "inbox_items" ("assignee_id", "status", "urgency", "due_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "notification_deliveries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "recipient_id" uuid NOT NULL,
                "channel" character varying(20) NOT NULL,
                "address" character varying(200) NOT NULL,
                "kind" character varying(60) NOT NULL,
                "title" character varying(200) NOT NULL,
                "body" text NOT NULL,
                "link" character varying(300),
                "mandatory" boolean NOT NULL DEFAULT false,
                "status" character varying(20) NOT NULL DEFAULT 'queued',
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "provider_message_id" character varying(200),
                "resend_of" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "delivered_at" TIMESTAMP WITH TIME ZONE,
                "read_at" TIMESTAMP WITH TIME ZONE,
                "failed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_81daeff81f237bd384f7cfc4a4c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_notification_deliveries_provider" ON "notification_deliveries" ("provider_message_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_notification_deliveries_status" ON "notification_deliveries" ("status", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_notification_deliveries_recipient" ON "notification_deliveries" ("recipient_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "notification_preferences" (
                "user_id" uuid NOT NULL,
                "channels" character varying array NOT NULL DEFAULT '{in-app,email}',
                "wechat_openid" character varying(100),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_64c90edc7310c6be7c10c96f675" PRIMARY KEY ("user_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "notification_channel_settings" (
                "channel" character varying(20) NOT NULL,
                "enabled" boolean NOT NULL DEFAULT true,
                "config" jsonb NOT NULL DEFAULT '{}',
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_37334af88bacead4681f3b1de4e" PRIMARY KEY ("channel")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "messages" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "sender_id" uuid,
                "subject" character varying(200) NOT NULL,
                "body" text NOT NULL,
                "parent_id" uuid,
                "thread_id" uuid NOT NULL,
                "to_department_ids" uuid array NOT NULL DEFAULT '{}',
                "link" character varying(300),
                "delivery_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_18325f38ae6de43878487eff986" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_messages_sender" ON "messages" ("sender_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_messages_thread" ON "messages" ("thread_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "message_recipients" (
                "message_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "via_department_id" uuid,
                "read_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_68fd61dc71f256785fa115b2a6e" PRIMARY KEY ("message_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_message_recipients_user" ON "message_recipients" ("user_id", "read_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_requests"
            ADD CONSTRAINT "FK_approval_requests_applicant" FOREIGN KEY ("applicant_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_tasks"
            ADD CONSTRAINT "FK_approval_tasks_request" FOREIGN KEY ("request_id") REFERENCES "approval_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_tasks"
            ADD CONSTRAINT "FK_approval_tasks_assignee" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_events"
            ADD CONSTRAINT "FK_approval_events_request" FOREIGN KEY ("request_id") REFERENCES "approval_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_events"
            ADD CONSTRAINT "FK_approval_events_actor" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_copies"
            ADD CONSTRAINT "FK_approval_copies_request" FOREIGN KEY ("request_id") REFERENCES "approval_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_copies"
            ADD CONSTRAINT "FK_approval_copies_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_outcome_receipts"
            ADD CONSTRAINT "FK_approval_outcome_receipts_request" FOREIGN KEY ("request_id") REFERENCES "approval_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "inbox_items"
            ADD CONSTRAINT "FK_inbox_items_assignee" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notification_deliveries"
            ADD CONSTRAINT "FK_notification_deliveries_recipient" FOREIGN KEY ("recipient_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notification_preferences"
            ADD CONSTRAINT "FK_notification_preferences_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "messages"
            ADD CONSTRAINT "FK_messages_sender" FOREIGN KEY ("sender_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "messages"
            ADD CONSTRAINT "FK_messages_parent" FOREIGN KEY ("parent_id") REFERENCES "messages"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "message_recipients"
            ADD CONSTRAINT "FK_message_recipients_message" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "message_recipients"
            ADD CONSTRAINT "FK_message_recipients_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "message_recipients" DROP CONSTRAINT "FK_message_recipients_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "message_recipients" DROP CONSTRAINT "FK_message_recipients_message"
        `);
    await queryRunner.query(`
            ALTER TABLE "messages" DROP CONSTRAINT "FK_messages_parent"
        `);
    await queryRunner.query(`
            ALTER TABLE "messages" DROP CONSTRAINT "FK_messages_sender"
        `);
    await queryRunner.query(`
            ALTER TABLE "notification_preferences" DROP CONSTRAINT "FK_notification_preferences_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "notification_deliveries" DROP CONSTRAINT "FK_notification_deliveries_recipient"
        `);
    await queryRunner.query(`
            ALTER TABLE "inbox_items" DROP CONSTRAINT "FK_inbox_items_assignee"
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_outcome_receipts" DROP CONSTRAINT "FK_approval_outcome_receipts_request"
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_copies" DROP CONSTRAINT "FK_approval_copies_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_copies" DROP CONSTRAINT "FK_approval_copies_request"
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_events" DROP CONSTRAINT "FK_approval_events_actor"
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_events" DROP CONSTRAINT "FK_approval_events_request"
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_tasks" DROP CONSTRAINT "FK_approval_tasks_assignee"
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_tasks" DROP CONSTRAINT "FK_approval_tasks_request"
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_requests" DROP CONSTRAINT "FK_approval_requests_applicant"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_message_recipients_user"
        `);
    await queryRunner.query(`
            DROP TABLE "message_recipients"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_messages_thread"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_messages_sender"
        `);
    await queryRunner.query(`
            DROP TABLE "messages"
        `);
    await queryRunner.query(`
            DROP TABLE "notification_channel_settings"
        `);
    await queryRunner.query(`
            DROP TABLE "notification_preferences"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_notification_deliveries_recipient"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_notification_deliveries_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_notification_deliveries_provider"
        `);
    await queryRunner.query(`
            DROP TABLE "notification_deliveries"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_inbox_items_todo"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_inbox_items_source"
        `);
    await queryRunner.query(`
            DROP TABLE "inbox_items"
        `);
    await queryRunner.query(`
            DROP TABLE "approval_outcome_receipts"
        `);
    await queryRunner.query(`
            DROP TABLE "approval_copies"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_approval_events_request"
        `);
    await queryRunner.query(`
            DROP TABLE "approval_events"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_approval_tasks_request"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_approval_tasks_assignee"
        `);
    await queryRunner.query(`
            DROP TABLE "approval_tasks"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_approval_requests_applicant"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_approval_requests_subject"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_approval_requests_status"
        `);
    await queryRunner.query(`
            DROP TABLE "approval_requests"
        `);
    await queryRunner.query(`
            DROP TABLE "approval_chains"
        `);
  }
}
