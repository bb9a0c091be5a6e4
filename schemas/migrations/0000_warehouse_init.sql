CREATE TABLE "components" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"type" text NOT NULL,
	"first_page" integer NOT NULL,
	"last_page" integer NOT NULL,
	"confidence" double precision NOT NULL,
	"status" text NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"pdf_key" text,
	"rule_pack_version" text NOT NULL,
	"pipeline_version" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "components_status_check" CHECK ("components"."status" in ('accepted', 'needs_review')),
	CONSTRAINT "components_pages_check" CHECK ("components"."first_page" >= 1 and "components"."last_page" >= "components"."first_page")
);
--> statement-breakpoint
CREATE TABLE "fields" (
	"component_id" uuid NOT NULL,
	"key" text NOT NULL,
	"value" text NOT NULL,
	"raw" text NOT NULL,
	"confidence" double precision NOT NULL,
	"page" integer NOT NULL,
	"bbox" jsonb,
	"state" text DEFAULT 'machine' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fields_pk" PRIMARY KEY("component_id","key"),
	CONSTRAINT "fields_state_check" CHECK ("fields"."state" in ('machine', 'needs_review', 'confirmed'))
);
--> statement-breakpoint
CREATE TABLE "pages" (
	"source_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"rotation" integer NOT NULL,
	"text_source" text NOT NULL,
	"confidence" double precision NOT NULL,
	"text" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"dpi" integer NOT NULL,
	"skew_degrees" double precision NOT NULL,
	"image_key" text,
	"ocr_key" text,
	"ocr_engine" text,
	"ocr_model" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pages_pk" PRIMARY KEY("source_id","number"),
	CONSTRAINT "pages_number_check" CHECK ("pages"."number" >= 1),
	CONSTRAINT "pages_rotation_check" CHECK ("pages"."rotation" in (0, 90, 180, 270)),
	CONSTRAINT "pages_text_source_check" CHECK ("pages"."text_source" in ('ocr', 'text-layer', 'blank'))
);
--> statement-breakpoint
CREATE TABLE "source_paths" (
	"source_id" uuid NOT NULL,
	"path" text NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "source_paths_pk" PRIMARY KEY("source_id","path")
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sha256" text NOT NULL,
	"byte_size" bigint NOT NULL,
	"media_type" text,
	"original_key" text NOT NULL,
	"page_count" integer,
	"status" text DEFAULT 'processing' NOT NULL,
	"error" text,
	"pipeline_version" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sources_sha256_unique" UNIQUE("sha256"),
	CONSTRAINT "sources_status_check" CHECK ("sources"."status" in ('processing', 'done', 'failed')),
	CONSTRAINT "sources_sha256_check" CHECK ("sources"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "components" ADD CONSTRAINT "components_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fields" ADD CONSTRAINT "fields_component_id_components_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."components"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pages" ADD CONSTRAINT "pages_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_paths" ADD CONSTRAINT "source_paths_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "components_source_idx" ON "components" USING btree ("source_id","first_page");--> statement-breakpoint
CREATE INDEX "components_type_idx" ON "components" USING btree ("type");--> statement-breakpoint
CREATE INDEX "fields_key_value_idx" ON "fields" USING btree ("key","value");