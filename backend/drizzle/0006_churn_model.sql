CREATE TABLE "churn_definitions" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"definition" jsonb NOT NULL,
	"set_by_user_id" uuid,
	"set_at" timestamp with time zone NOT NULL,
	"outcomes_status" text DEFAULT 'pending' NOT NULL,
	"outcomes_refreshed_at" timestamp with time zone,
	"outcomes_error" text
);
--> statement-breakpoint
CREATE TABLE "churn_model_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"report" jsonb,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "churn_outcomes" (
	"workspace_id" uuid NOT NULL,
	"company_id" bigint NOT NULL,
	"customer_since" timestamp with time zone,
	"churned_at" timestamp with time zone,
	"unknown" boolean DEFAULT false NOT NULL,
	CONSTRAINT "churn_outcomes_workspace_id_company_id_pk" PRIMARY KEY("workspace_id","company_id")
);
--> statement-breakpoint
CREATE TABLE "churn_weight_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"mode" text NOT NULL,
	"learned_weights" jsonb,
	"learned_run_id" uuid,
	"pinned_default" boolean DEFAULT false NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workspace_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_user_id" uuid,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "churn_definitions" ADD CONSTRAINT "churn_definitions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "churn_definitions" ADD CONSTRAINT "churn_definitions_set_by_user_id_users_id_fk" FOREIGN KEY ("set_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "churn_model_runs" ADD CONSTRAINT "churn_model_runs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "churn_outcomes" ADD CONSTRAINT "churn_outcomes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "churn_weight_settings" ADD CONSTRAINT "churn_weight_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "churn_weight_settings" ADD CONSTRAINT "churn_weight_settings_learned_run_id_churn_model_runs_id_fk" FOREIGN KEY ("learned_run_id") REFERENCES "public"."churn_model_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_events" ADD CONSTRAINT "workspace_events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_events" ADD CONSTRAINT "workspace_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "churn_model_runs_workspace_idx" ON "churn_model_runs" USING btree ("workspace_id","started_at");--> statement-breakpoint
CREATE INDEX "workspace_events_workspace_idx" ON "workspace_events" USING btree ("workspace_id","created_at");