/**
 * Sidebar data for the library (#4): sync sources, HF days, saved searches; and deleting papers.
 */
import type { SavedFilters } from '../../../shared/ipc/contract';
import type { DayCount, SavedSearch, SourceCount } from '../../../shared/library';
import { AppError } from '../../../shared/errors';
import { parseArxivId } from '../../../shared/arxivId';
import type { ReadDb, WriteDb } from '../client';

export function listSources(db: ReadDb): SourceCount[] {
  return db.$client
    .prepare(
      `SELECT source_key AS key, count(*) AS count FROM paper_sources GROUP BY source_key ORDER BY source_key DESC`,
    )
    .all() as SourceCount[];
}

export function listDays(db: ReadDb): DayCount[] {
  return db.$client
    .prepare(
      `SELECT hf_featured_on AS day, count(*) AS count FROM papers WHERE hf_featured_on IS NOT NULL
       GROUP BY hf_featured_on ORDER BY hf_featured_on DESC`,
    )
    .all() as DayCount[];
}

function toSaved(r: { id: number; name: string; query: string; filters: string }): SavedSearch {
  return { id: r.id, name: r.name, query: r.query, filters: JSON.parse(r.filters || '{}') as Record<string, unknown> };
}

export function listSavedSearches(db: ReadDb): SavedSearch[] {
  return (
    db.$client.prepare('SELECT * FROM saved_searches ORDER BY name COLLATE NOCASE').all() as {
      id: number;
      name: string;
      query: string;
      filters: string;
    }[]
  ).map(toSaved);
}

export function saveSearch(db: WriteDb, s: { name: string; query: string; filters: SavedFilters }): SavedSearch {
  const info = db.$client
    .prepare('INSERT INTO saved_searches (name, query, filters) VALUES (?, ?, ?)')
    .run(s.name, s.query, JSON.stringify(s.filters));
  return toSaved(
    db.$client.prepare('SELECT * FROM saved_searches WHERE id = ?').get(Number(info.lastInsertRowid)) as {
      id: number;
      name: string;
      query: string;
      filters: string;
    },
  );
}

export function deleteSavedSearch(db: WriteDb, id: number): number {
  const n = db.$client.prepare('DELETE FROM saved_searches WHERE id = ?').run(id).changes;
  if (!n) throw new AppError('not-found', `No saved search with id ${id}`);
  return n;
}

/**
 * Delete papers with everything hanging off them (tags, notes, annotations, PDF rows: FK cascades).
 * Returns the library-relative paths of their PDF files so the caller can remove them after commit.
 */
export function deletePapers(db: WriteDb, ids: number[]): { deleted: number; pdfPaths: string[] } {
  return db.$client.transaction(() => {
    const idsJson = JSON.stringify(ids);
    const pdfPaths = (
      db.$client
        .prepare(`SELECT path FROM pdfs WHERE path IS NOT NULL AND paper_id IN (SELECT value FROM json_each(?))`)
        .all(idsJson) as { path: string }[]
    ).map((r) => r.path);
    const deleted = db.$client.prepare('DELETE FROM papers WHERE id IN (SELECT value FROM json_each(?))').run(idsJson).changes;
    return { deleted, pdfPaths };
  })();
}

/** Resolve CLI paper references: numeric ids or arXiv ids (with or without version). */
export function resolvePaperRefs(db: ReadDb, refs: string[]): number[] {
  const byId = db.$client.prepare('SELECT id FROM papers WHERE id = ?');
  const byArxiv = db.$client.prepare('SELECT id FROM papers WHERE arxiv_id = ?');
  const missing: string[] = [];
  const ids: number[] = [];
  for (const ref of refs) {
    const s = ref.trim();
    const arxiv = parseArxivId(s);
    const row = (/^\d+$/.test(s) ? byId.get(Number(s)) : arxiv ? byArxiv.get(arxiv.id) : undefined) as
      | { id: number }
      | undefined;
    if (row) ids.push(row.id);
    else missing.push(ref);
  }
  if (missing.length) throw new AppError('not-found', `No paper with id ${missing.join(', ')}`);
  return [...new Set(ids)];
}
