ALTER TABLE "churn_scores" ADD COLUMN "written_score" integer;--> statement-breakpoint
ALTER TABLE "churn_scores" ADD COLUMN "written_band" text;--> statement-breakpoint
ALTER TABLE "integrations" ADD COLUMN "write_back_ready_at" timestamp with time zone;