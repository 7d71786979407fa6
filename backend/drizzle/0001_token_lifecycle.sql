ALTER TABLE "integrations" ADD COLUMN "refresh_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "integrations" ADD COLUMN "next_refresh_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "oauth_states" ADD COLUMN "allow_portal_switch" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "integrations_expiry_idx" ON "integrations" USING btree ("token_expires_at");