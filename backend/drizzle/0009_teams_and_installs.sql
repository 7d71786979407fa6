CREATE TABLE "pending_installs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"claim_hash" text NOT NULL,
	"hub_id" bigint NOT NULL,
	"hub_domain" text,
	"granted_scopes" jsonb NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"token_expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"claimed_at" timestamp with time zone,
	"claimed_workspace_id" uuid,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "workspace_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by_user_id" uuid,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "webhook_inbox" ADD COLUMN "workspace_id" uuid;--> statement-breakpoint
ALTER TABLE "pending_installs" ADD CONSTRAINT "pending_installs_claimed_workspace_id_workspaces_id_fk" FOREIGN KEY ("claimed_workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_invitations" ADD CONSTRAINT "workspace_invitations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_invitations" ADD CONSTRAINT "workspace_invitations_invited_by_user_id_users_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_invitations" ADD CONSTRAINT "workspace_invitations_accepted_by_user_id_users_id_fk" FOREIGN KEY ("accepted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pending_installs_claim_key" ON "pending_installs" USING btree ("claim_hash");--> statement-breakpoint
CREATE INDEX "pending_installs_expires_idx" ON "pending_installs" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "workspace_invitations_token_key" ON "workspace_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "workspace_invitations_workspace_idx" ON "workspace_invitations" USING btree ("workspace_id");--> statement-breakpoint
ALTER TABLE "webhook_inbox" ADD CONSTRAINT "webhook_inbox_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Write-back becomes one workspace per portal: a disconnected row gives its claim up, and where two
-- workspaces already wrote to one portal the first to start keeps it.
UPDATE "integrations" SET "write_back_ready_at" = NULL WHERE "status" = 'disconnected';--> statement-breakpoint
UPDATE "integrations" AS i SET "write_back_ready_at" = NULL WHERE i."write_back_ready_at" IS NOT NULL AND EXISTS (SELECT 1 FROM "integrations" AS o WHERE o."hub_id" = i."hub_id" AND o."write_back_ready_at" IS NOT NULL AND (o."write_back_ready_at", o."id") < (i."write_back_ready_at", i."id"));--> statement-breakpoint
CREATE UNIQUE INDEX "integrations_write_back_portal_key" ON "integrations" USING btree ("hub_id") WHERE "integrations"."write_back_ready_at" is not null;