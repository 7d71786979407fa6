CREATE TABLE "churn_portal_baselines" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"ticket_rate_alpha" double precision NOT NULL,
	"ticket_rate_beta" double precision NOT NULL,
	"urgent_share" double precision NOT NULL,
	"close_days_median" double precision,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "crm_tickets" ADD COLUMN "text_cues" jsonb;--> statement-breakpoint
ALTER TABLE "crm_tickets" ADD COLUMN "text_cues_version" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "churn_portal_baselines" ADD CONSTRAINT "churn_portal_baselines_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Scores from the earlier model are on another scale (fractional points, hard windows) and would
-- mix into trends; the next sync re-scores every company of a workspace that has no scores.
DELETE FROM "churn_score_history";--> statement-breakpoint
DELETE FROM "churn_scores";
