CREATE INDEX `papers_title_nocase` ON `papers` ("title" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `papers_authors_nocase` ON `papers` ("authors_text" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `papers_starred_published` ON `papers` (`starred`,`published_at`);