CREATE TABLE "crm_companies" (
	"workspace_id" uuid NOT NULL,
	"hubspot_id" bigint NOT NULL,
	"name" text,
	"domain" text,
	"industry" text,
	"hs_created_at" timestamp with time zone,
	"hs_updated_at" timestamp with time zone,
	"archived" boolean DEFAULT false NOT NULL,
	"merged_into" bigint,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_companies_workspace_id_hubspot_id_pk" PRIMARY KEY("workspace_id","hubspot_id")
);
--> statement-breakpoint
CREATE TABLE "crm_contacts" (
	"workspace_id" uuid NOT NULL,
	"hubspot_id" bigint NOT NULL,
	"email" text,
	"first_name" text,
	"last_name" text,
	"company_id" bigint,
	"hs_created_at" timestamp with time zone,
	"hs_updated_at" timestamp with time zone,
	"archived" boolean DEFAULT false NOT NULL,
	"merged_into" bigint,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_contacts_workspace_id_hubspot_id_pk" PRIMARY KEY("workspace_id","hubspot_id")
);
--> statement-breakpoint
CREATE TABLE "crm_tickets" (
	"workspace_id" uuid NOT NULL,
	"hubspot_id" bigint NOT NULL,
	"subject" text,
	"content" text,
	"pipeline" text,
	"stage" text,
	"priority" text,
	"category" text,
	"source_type" text,
	"company_id" bigint,
	"hs_created_at" timestamp with time zone,
	"hs_updated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"time_to_close_ms" bigint,
	"archived" boolean DEFAULT false NOT NULL,
	"merged_into" bigint,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_tickets_workspace_id_hubspot_id_pk" PRIMARY KEY("workspace_id","hubspot_id")
);
--> statement-breakpoint
CREATE TABLE "sync_state" (
	"workspace_id" uuid NOT NULL,
	"object_type" text NOT NULL,
	"phase" text DEFAULT 'pending' NOT NULL,
	"lanes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"high_water_mark" timestamp with time zone,
	"records_done" integer DEFAULT 0 NOT NULL,
	"estimated_total" integer,
	"full_started_at" timestamp with time zone,
	"full_completed_at" timestamp with time zone,
	"last_run_at" timestamp with time zone,
	"last_error_code" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_state_workspace_id_object_type_pk" PRIMARY KEY("workspace_id","object_type")
);
--> statement-breakpoint
CREATE TABLE "webhook_inbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dedupe_key" text NOT NULL,
	"portal_id" bigint NOT NULL,
	"subscription_type" text NOT NULL,
	"object_id" bigint,
	"occurred_at" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"outcome" text
);
--> statement-breakpoint
ALTER TABLE "crm_companies" ADD CONSTRAINT "crm_companies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_contacts" ADD CONSTRAINT "crm_contacts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_tickets" ADD CONSTRAINT "crm_tickets_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_state" ADD CONSTRAINT "sync_state_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crm_contacts_company_idx" ON "crm_contacts" USING btree ("workspace_id","company_id");--> statement-breakpoint
CREATE INDEX "crm_tickets_company_idx" ON "crm_tickets" USING btree ("workspace_id","company_id");--> statement-breakpoint
CREATE INDEX "crm_tickets_created_idx" ON "crm_tickets" USING btree ("workspace_id","hs_created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_inbox_dedupe_key" ON "webhook_inbox" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "webhook_inbox_pending_idx" ON "webhook_inbox" USING btree ("processed_at","received_at");