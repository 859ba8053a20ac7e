-- The search index gains a `status` column holding one reserved token for dismissed papers, so
-- a search of the whole library (which leaves dismissed papers out) and of the Dismissed view is
-- answered by the index alone: `(query) NOT psxdismissed` / `(query) AND psxdismissed`, with no
-- per-hit lookup in papers. Only a move into or out of Dismissed rewrites a paper's index row.
-- The table, its source view and its triggers are recreated and the index rebuilt from the library.
DROP TRIGGER `papers_fts_insert`;
--> statement-breakpoint
DROP TRIGGER `papers_fts_update`;
--> statement-breakpoint
DROP TRIGGER `papers_fts_delete`;
--> statement-breakpoint
DROP TRIGGER `notes_fts_insert`;
--> statement-breakpoint
DROP TRIGGER `notes_fts_update`;
--> statement-breakpoint
DROP TRIGGER `notes_fts_delete`;
--> statement-breakpoint
DROP TRIGGER `annotations_fts_insert`;
--> statement-breakpoint
DROP TRIGGER `annotations_fts_update`;
--> statement-breakpoint
DROP TRIGGER `annotations_fts_delete`;
--> statement-breakpoint
DROP TRIGGER `pdfs_fts_text`;
--> statement-breakpoint
DROP TRIGGER `pdfs_fts_delete`;
--> statement-breakpoint
DROP VIEW `paper_fts_source`;
--> statement-breakpoint
DROP TABLE `paper_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `paper_fts` USING fts5(
  title, abstract, authors, keywords, notes, annotations, fulltext, status,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE VIEW `paper_fts_source` AS
SELECT
  p.id AS id,
  p.title AS title,
  coalesce(p.abstract, '') AS abstract,
  p.authors_text AS authors,
  coalesce((SELECT group_concat(j.value, ' ') FROM json_each(p.hf_ai_keywords) j), '') AS keywords,
  coalesce((SELECT n.body FROM notes n WHERE n.paper_id = p.id), '') AS notes,
  coalesce((SELECT group_concat(coalesce(a.text, '') || ' ' || coalesce(a.comment, ''), ' ')
            FROM annotations a WHERE a.paper_id = p.id), '') AS annotations,
  coalesce((SELECT group_concat(pp.text, char(12) ORDER BY pp.page_index)
            FROM pdf_pages pp JOIN pdfs f ON f.id = pp.pdf_id
            WHERE f.paper_id = p.id AND f.text_state = 'done'), '') AS fulltext,
  CASE WHEN p.state = 'dismissed' THEN 'psxdismissed' ELSE '' END AS status
FROM papers p;
--> statement-breakpoint
CREATE TRIGGER `papers_fts_insert` AFTER INSERT ON `papers` BEGIN
  INSERT INTO paper_fts(rowid, title, abstract, authors, keywords, notes, annotations, fulltext, status)
    SELECT * FROM paper_fts_source WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `papers_fts_update` AFTER UPDATE OF title, abstract, authors_text, hf_ai_keywords ON `papers` BEGIN
  DELETE FROM paper_fts WHERE rowid = NEW.id;
  INSERT INTO paper_fts(rowid, title, abstract, authors, keywords, notes, annotations, fulltext, status)
    SELECT * FROM paper_fts_source WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `papers_fts_delete` AFTER DELETE ON `papers` BEGIN
  DELETE FROM paper_fts WHERE rowid = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `notes_fts_insert` AFTER INSERT ON `notes` BEGIN
  DELETE FROM paper_fts WHERE rowid = NEW.paper_id;
  INSERT INTO paper_fts(rowid, title, abstract, authors, keywords, notes, annotations, fulltext, status)
    SELECT * FROM paper_fts_source WHERE id = NEW.paper_id;
END;
--> statement-breakpoint
CREATE TRIGGER `notes_fts_update` AFTER UPDATE OF body ON `notes` BEGIN
  DELETE FROM paper_fts WHERE rowid = NEW.paper_id;
  INSERT INTO paper_fts(rowid, title, abstract, authors, keywords, notes, annotations, fulltext, status)
    SELECT * FROM paper_fts_source WHERE id = NEW.paper_id;
END;
--> statement-breakpoint
CREATE TRIGGER `notes_fts_delete` AFTER DELETE ON `notes` BEGIN
  DELETE FROM paper_fts WHERE rowid = OLD.paper_id;
  INSERT INTO paper_fts(rowid, title, abstract, authors, keywords, notes, annotations, fulltext, status)
    SELECT * FROM paper_fts_source WHERE id = OLD.paper_id;
END;
--> statement-breakpoint
CREATE TRIGGER `annotations_fts_insert` AFTER INSERT ON `annotations` BEGIN
  DELETE FROM paper_fts WHERE rowid = NEW.paper_id;
  INSERT INTO paper_fts(rowid, title, abstract, authors, keywords, notes, annotations, fulltext, status)
    SELECT * FROM paper_fts_source WHERE id = NEW.paper_id;
END;
--> statement-breakpoint
CREATE TRIGGER `annotations_fts_update` AFTER UPDATE OF text, comment ON `annotations` BEGIN
  DELETE FROM paper_fts WHERE rowid = NEW.paper_id;
  INSERT INTO paper_fts(rowid, title, abstract, authors, keywords, notes, annotations, fulltext, status)
    SELECT * FROM paper_fts_source WHERE id = NEW.paper_id;
END;
--> statement-breakpoint
CREATE TRIGGER `annotations_fts_delete` AFTER DELETE ON `annotations` BEGIN
  DELETE FROM paper_fts WHERE rowid = OLD.paper_id;
  INSERT INTO paper_fts(rowid, title, abstract, authors, keywords, notes, annotations, fulltext, status)
    SELECT * FROM paper_fts_source WHERE id = OLD.paper_id;
END;
--> statement-breakpoint
-- PDF text is written page by page and then marked done: index once, when it is marked.
CREATE TRIGGER `pdfs_fts_text` AFTER UPDATE OF text_state ON `pdfs` BEGIN
  DELETE FROM paper_fts WHERE rowid = NEW.paper_id;
  INSERT INTO paper_fts(rowid, title, abstract, authors, keywords, notes, annotations, fulltext, status)
    SELECT * FROM paper_fts_source WHERE id = NEW.paper_id;
END;
--> statement-breakpoint
CREATE TRIGGER `pdfs_fts_delete` AFTER DELETE ON `pdfs` BEGIN
  DELETE FROM paper_fts WHERE rowid = OLD.paper_id;
  INSERT INTO paper_fts(rowid, title, abstract, authors, keywords, notes, annotations, fulltext, status)
    SELECT * FROM paper_fts_source WHERE id = OLD.paper_id;
END;
--> statement-breakpoint
CREATE TRIGGER `papers_fts_status` AFTER UPDATE OF state ON `papers`
WHEN (OLD.state = 'dismissed') IS NOT (NEW.state = 'dismissed') BEGIN
  DELETE FROM paper_fts WHERE rowid = NEW.id;
  INSERT INTO paper_fts(rowid, title, abstract, authors, keywords, notes, annotations, fulltext, status)
    SELECT * FROM paper_fts_source WHERE id = NEW.id;
END;
--> statement-breakpoint
-- Index what the library holds.
INSERT INTO paper_fts(rowid, title, abstract, authors, keywords, notes, annotations, fulltext, status)
  SELECT * FROM paper_fts_source;
