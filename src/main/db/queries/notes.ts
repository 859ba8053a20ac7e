/**
 * Notes: one Markdown note per paper. Saving is last-write-wins, but never loses typed text: when
 * the caller's `baseUpdatedAt` shows another window saved in between, the text that is being
 * replaced comes back as `replaced` so the editor can keep it (it appends it below a marker).
 */
import { AppError } from '../../../shared/errors';
import type { NoteDoc, NoteListItem, NoteSaved, QuotableAnnotation } from '../../../shared/notesExport';
import type { ReadDb, WriteDb } from '../client';

export function getNote(db: ReadDb, paperId: number): NoteDoc {
  const sqlite = db.$client;
  const n = sqlite.prepare('SELECT body, updated_at FROM notes WHERE paper_id = ?').get(paperId) as
    | { body: string; updated_at: string }
    | undefined;
  if (!n) {
    if (!sqlite.prepare('SELECT 1 FROM papers WHERE id = ?').get(paperId)) {
      throw new AppError('not-found', `No paper with id ${paperId}`);
    }
    return { paperId, body: '', updatedAt: null };
  }
  return { paperId, body: n.body, updatedAt: n.updated_at };
}

export function saveNote(db: WriteDb, paperId: number, body: string, baseUpdatedAt?: string | null): NoteSaved {
  const sqlite = db.$client;
  const run = sqlite.transaction((): NoteSaved => {
    const cur = sqlite.prepare('SELECT body, updated_at FROM notes WHERE paper_id = ?').get(paperId) as
      | { body: string; updated_at: string }
      | undefined;
    if (!cur && !sqlite.prepare('SELECT 1 FROM papers WHERE id = ?').get(paperId)) {
      throw new AppError('not-found', `No paper with id ${paperId}`);
    }
    if (cur && cur.body === body) return { paperId, updatedAt: cur.updated_at, replaced: null };
    const conflict = cur !== undefined && baseUpdatedAt !== undefined && baseUpdatedAt !== cur.updated_at;
    // Save times are a strict order over all notes (they drive "most recently edited" and the
    // conflict check), even for two saves within one millisecond.
    const row = sqlite
      .prepare(
        `WITH t(now, last) AS (SELECT strftime('%Y-%m-%dT%H:%M:%fZ','now'), (SELECT max(updated_at) FROM notes))
         INSERT INTO notes (paper_id, body, updated_at)
         SELECT ?, ?, CASE WHEN last IS NULL OR now > last THEN now
                           ELSE strftime('%Y-%m-%dT%H:%M:%fZ', last, '+0.001 seconds') END FROM t WHERE true
         ON CONFLICT(paper_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at
         RETURNING updated_at`,
      )
      .get(paperId, body) as { updated_at: string };
    const replaced = conflict && cur.body.trim() && !body.includes(cur.body.trim()) ? cur.body : null;
    return { paperId, updatedAt: row.updated_at, replaced };
  });
  return run.immediate();
}

/** Papers with a non-empty note, most recently edited first. */
export function listNotes(db: ReadDb, limit = 500): NoteListItem[] {
  const rows = db.$client
    .prepare(
      `SELECT n.paper_id, n.updated_at, substr(n.body, 1, 300) AS excerpt, p.title, p.authors_text
       FROM notes n JOIN papers p ON p.id = n.paper_id
       WHERE trim(n.body) != '' ORDER BY n.updated_at DESC, n.paper_id DESC LIMIT ?`,
    )
    .all(limit) as { paper_id: number; updated_at: string; excerpt: string; title: string; authors_text: string }[];
  return rows.map((r) => ({
    paperId: r.paper_id,
    title: r.title,
    authors: r.authors_text ? r.authors_text.split(', ') : [],
    updatedAt: r.updated_at,
    excerpt: r.excerpt,
  }));
}

/** The annotations a note can quote: id, page, colour, text, comment, in reading order. */
export function listQuotableAnnotations(db: ReadDb, paperId: number): QuotableAnnotation[] {
  return db.$client
    .prepare(
      `SELECT id, kind, color, page_index AS pageIndex, text, comment FROM annotations
       WHERE paper_id = ? ORDER BY sort_index`,
    )
    .all(paperId) as QuotableAnnotation[];
}
