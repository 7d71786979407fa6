DROP INDEX "crm_tickets_company_idx";--> statement-breakpoint
ALTER TABLE "sync_state" ADD COLUMN "archived_swept_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "crm_tickets_company_idx" ON "crm_tickets" USING btree ("workspace_id","company_id","synced_at");