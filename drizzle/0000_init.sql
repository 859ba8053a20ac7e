CREATE TABLE `annotations` (
	`id` text PRIMARY KEY NOT NULL,
	`paper_id` integer NOT NULL,
	`pdf_sha256` text,
	`kind` text NOT NULL,
	`color` text NOT NULL,
	`page_index` integer NOT NULL,
	`rects` text NOT NULL,
	`text` text,
	`comment` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`sort_index` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `annotations_paper` ON `annotations` (`paper_id`,`sort_index`);--> statement-breakpoint
CREATE TABLE `authors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `authors_name_unique` ON `authors` (`name`);--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`paper_id` integer,
	`payload` text DEFAULT '{}' NOT NULL,
	`state` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`retry_after` text,
	`last_error` text,
	`progress` real,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `jobs_next` ON `jobs` (`kind`,`state`,`retry_after`);--> statement-breakpoint
CREATE INDEX `jobs_paper` ON `jobs` (`paper_id`);--> statement-breakpoint
CREATE TABLE `notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`paper_id` integer NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notes_paper` ON `notes` (`paper_id`);--> statement-breakpoint
CREATE INDEX `notes_updated` ON `notes` (`updated_at`);--> statement-breakpoint
CREATE TABLE `paper_authors` (
	`paper_id` integer NOT NULL,
	`position` integer NOT NULL,
	`author_id` integer NOT NULL,
	`affiliation` text,
	PRIMARY KEY(`paper_id`, `position`),
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `authors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `paper_authors_author` ON `paper_authors` (`author_id`);--> statement-breakpoint
CREATE TABLE `paper_sources` (
	`paper_id` integer NOT NULL,
	`source_key` text NOT NULL,
	`first_run_id` integer,
	`last_run_id` integer,
	`first_seen_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`announce_type` text,
	PRIMARY KEY(`paper_id`, `source_key`),
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`first_run_id`) REFERENCES `sync_runs`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`last_run_id`) REFERENCES `sync_runs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `paper_sources_key` ON `paper_sources` (`source_key`);--> statement-breakpoint
CREATE TABLE `paper_tags` (
	`paper_id` integer NOT NULL,
	`tag_id` integer NOT NULL,
	`origin` text DEFAULT 'user' NOT NULL,
	`added_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`paper_id`, `tag_id`),
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `paper_tags_tag` ON `paper_tags` (`tag_id`,`paper_id`);--> statement-breakpoint
CREATE TABLE `papers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`arxiv_id` text,
	`latest_version` integer,
	`doi` text,
	`title` text NOT NULL,
	`abstract` text,
	`authors_text` text DEFAULT '' NOT NULL,
	`published_at` text,
	`updated_at` text,
	`year` integer,
	`categories` text DEFAULT '[]' NOT NULL,
	`primary_category` text,
	`journal_ref` text,
	`comment` text,
	`hf_upvotes` integer,
	`hf_comments` integer,
	`hf_organization` text,
	`hf_github_repo` text,
	`hf_github_stars` integer,
	`hf_project_page` text,
	`hf_ai_summary` text,
	`hf_ai_keywords` text DEFAULT '[]' NOT NULL,
	`hf_featured_on` text,
	`state` text DEFAULT 'inbox' NOT NULL,
	`starred` integer DEFAULT false NOT NULL,
	`citation_key` text,
	`added_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`modified_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`read_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `papers_arxiv_id` ON `papers` (`arxiv_id`);--> statement-breakpoint
CREATE INDEX `papers_doi` ON `papers` (`doi`);--> statement-breakpoint
CREATE UNIQUE INDEX `papers_citation_key` ON `papers` (`citation_key`);--> statement-breakpoint
CREATE INDEX `papers_state_published` ON `papers` (`state`,`published_at`);--> statement-breakpoint
CREATE INDEX `papers_published` ON `papers` (`published_at`);--> statement-breakpoint
CREATE INDEX `papers_added` ON `papers` (`added_at`);--> statement-breakpoint
CREATE INDEX `papers_upvotes` ON `papers` (`hf_upvotes`);--> statement-breakpoint
CREATE INDEX `papers_featured` ON `papers` (`hf_featured_on`,`hf_upvotes`);--> statement-breakpoint
CREATE INDEX `papers_title` ON `papers` (`title`);--> statement-breakpoint
CREATE TABLE `pdf_pages` (
	`pdf_id` integer NOT NULL,
	`page_index` integer NOT NULL,
	`text` text NOT NULL,
	PRIMARY KEY(`pdf_id`, `page_index`),
	FOREIGN KEY (`pdf_id`) REFERENCES `pdfs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `pdfs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`paper_id` integer NOT NULL,
	`state` text NOT NULL,
	`sha256` text,
	`path` text,
	`bytes` integer,
	`pages` integer,
	`version` integer,
	`source_url` text,
	`error` text,
	`text_state` text DEFAULT 'pending' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pdfs_paper` ON `pdfs` (`paper_id`);--> statement-breakpoint
CREATE INDEX `pdfs_sha` ON `pdfs` (`sha256`);--> statement-breakpoint
CREATE INDEX `pdfs_state` ON `pdfs` (`state`);--> statement-breakpoint
CREATE TABLE `reading_positions` (
	`paper_id` integer PRIMARY KEY NOT NULL,
	`page_index` integer DEFAULT 0 NOT NULL,
	`scale` text DEFAULT 'page-width' NOT NULL,
	`scroll_top` real,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `saved_searches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`query` text NOT NULL,
	`filters` text DEFAULT '{}' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer,
	`kind` text NOT NULL,
	`params` text NOT NULL,
	`status` text NOT NULL,
	`started_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`finished_at` text,
	`new_count` integer DEFAULT 0 NOT NULL,
	`updated_count` integer DEFAULT 0 NOT NULL,
	`unchanged_count` integer DEFAULT 0 NOT NULL,
	`error` text,
	`cursor` text,
	FOREIGN KEY (`source_id`) REFERENCES `sync_sources`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `sync_runs_started` ON `sync_runs` (`started_at`);--> statement-breakpoint
CREATE TABLE `sync_sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`params` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`last_run_at` text
);
--> statement-breakpoint
CREATE TABLE `tags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`path` text NOT NULL,
	`parent_id` integer,
	`color` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tags_path` ON `tags` ("path" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `tags_parent` ON `tags` (`parent_id`);--> statement-breakpoint
CREATE TABLE `watch_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`field` text NOT NULL,
	`pattern` text NOT NULL,
	`tag_ids` text DEFAULT '[]' NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
