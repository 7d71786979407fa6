CREATE TABLE "hubspot_owners" (
	"workspace_id" uuid NOT NULL,
	"owner_id" text NOT NULL,
	"email" text,
	"first_name" text,
	"last_name" text,
	"archived" boolean NOT NULL,
	"synced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "hubspot_owners_workspace_id_owner_id_pk" PRIMARY KEY("workspace_id","owner_id")
);
--> statement-breakpoint
CREATE TABLE "member_owner_links" (
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"email" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "member_owner_links_workspace_id_user_id_pk" PRIMARY KEY("workspace_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "crm_companies" ADD COLUMN "owner_id" text;--> statement-breakpoint
ALTER TABLE "crm_companies" ADD COLUMN "revenue" double precision;--> statement-breakpoint
ALTER TABLE "hubspot_owners" ADD CONSTRAINT "hubspot_owners_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_owner_links" ADD CONSTRAINT "member_owner_links_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_owner_links" ADD CONSTRAINT "member_owner_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crm_companies_owner_idx" ON "crm_companies" USING btree ("workspace_id","owner_id");