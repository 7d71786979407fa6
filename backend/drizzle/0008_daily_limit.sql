ALTER TABLE "integrations" ADD COLUMN "daily_limit" integer;--> statement-breakpoint
ALTER TABLE "integrations" ADD COLUMN "daily_remaining" integer;--> statement-breakpoint
ALTER TABLE "integrations" ADD COLUMN "daily_seen_at" timestamp with time zone;