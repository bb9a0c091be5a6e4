CREATE TABLE "run_files" (
	"run_id" uuid NOT NULL,
	"path" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text,
	"dossier_key" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"source_id" uuid,
	"page_count" integer,
	"known" integer DEFAULT 0 NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "run_files_pk" PRIMARY KEY("run_id","path"),
	CONSTRAINT "run_files_state_check" CHECK ("run_files"."state" in ('pending', 'queued', 'done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"run_key" text,
	"args" jsonb NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"counters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "runs_run_key_unique" UNIQUE("run_key"),
	CONSTRAINT "runs_kind_check" CHECK ("runs"."kind" in ('import', 'reprocess')),
	CONSTRAINT "runs_status_check" CHECK ("runs"."status" in ('running', 'done', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "run_files" ADD CONSTRAINT "run_files_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_files" ADD CONSTRAINT "run_files_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "run_files_state_idx" ON "run_files" USING btree ("run_id","state");--> statement-breakpoint
CREATE INDEX "run_files_source_idx" ON "run_files" USING btree ("source_id");