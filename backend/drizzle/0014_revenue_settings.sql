CREATE TABLE "revenue_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"revenue" jsonb NOT NULL,
	"renewal" jsonb NOT NULL,
	"labels" jsonb NOT NULL,
	"set_by_user_id" uuid,
	"set_at" timestamp with time zone NOT NULL,
	"recompute_status" text DEFAULT 'pending' NOT NULL,
	"recomputed_at" timestamp with time zone,
	"recompute_error" text
);
--> statement-breakpoint
ALTER TABLE "crm_companies" ADD COLUMN "renewal_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "revenue_settings" ADD CONSTRAINT "revenue_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revenue_settings" ADD CONSTRAINT "revenue_settings_set_by_user_id_users_id_fk" FOREIGN KEY ("set_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crm_companies_renewal_idx" ON "crm_companies" USING btree ("workspace_id","renewal_at");