CREATE TABLE "churn_score_history" (
	"workspace_id" uuid NOT NULL,
	"company_id" bigint NOT NULL,
	"score" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "churn_scores" (
	"workspace_id" uuid NOT NULL,
	"company_id" bigint NOT NULL,
	"score" integer NOT NULL,
	"band" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"trend" integer DEFAULT 0 NOT NULL,
	"ticket_count" integer NOT NULL,
	"open_tickets" integer NOT NULL,
	"recent_tickets" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "churn_scores_workspace_id_company_id_pk" PRIMARY KEY("workspace_id","company_id")
);
--> statement-breakpoint
ALTER TABLE "churn_score_history" ADD CONSTRAINT "churn_score_history_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "churn_scores" ADD CONSTRAINT "churn_scores_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "churn_score_history_company_idx" ON "churn_score_history" USING btree ("workspace_id","company_id","computed_at");--> statement-breakpoint
CREATE INDEX "churn_scores_rank_idx" ON "churn_scores" USING btree ("workspace_id","score");