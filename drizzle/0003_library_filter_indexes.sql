DROP INDEX `papers_title_nocase`;--> statement-breakpoint
DROP INDEX `papers_authors_nocase`;--> statement-breakpoint
CREATE INDEX `papers_id_filter` ON `papers` (`id`,`state`,`starred`,`published_at`,`hf_featured_on`);--> statement-breakpoint
CREATE INDEX `papers_title_nocase` ON `papers` ("title" COLLATE NOCASE,`state`);--> statement-breakpoint
CREATE INDEX `papers_authors_nocase` ON `papers` ("authors_text" COLLATE NOCASE,`state`);--> statement-breakpoint
CREATE INDEX `paper_sources_key_paper` ON `paper_sources` (`source_key`,`paper_id`);