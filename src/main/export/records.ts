/**
 * What every export format reads: one flat record per paper, loaded with one prepared statement
 * (fast enough for 100,000 papers), for a scope: some ids, a tag (with its sub-tags) or everything.
 */
import { AppError } from '../../shared/errors';
import type { ReadDb } from '../db/client';
import { splitAuthors } from '../db/queries/papers';

export type ExportScope = { ids: number[] } | { tag: string } | { all: true };

export interface ExportRecord {
  id: number;
  citationKey: string;
  arxivId: string | null;
  version: number | null;
  doi: string | null;
  title: string;
  abstract: string | null;
  authors: string[];
  publishedAt: string | null;
  year: number | null;
  primaryCategory: string | null;
  journalRef: string | null;
  comment: string | null;
  tags: string[];
}

interface Raw {
  id: number;
  citation_key: string | null;
  arxiv_id: string | null;
  latest_version: number | null;
  doi: string | null;
  title: string;
  abstract: string | null;
  authors_text: string;
  published_at: string | null;
  year: number | null;
  primary_category: string | null;
  journal_ref: string | null;
  comment: string | null;
}

const SELECT = `
  SELECT p.id, p.citation_key, p.arxiv_id, p.latest_version, p.doi, p.title, p.abstract, p.authors_text,
         p.published_at, p.year, p.primary_category, p.journal_ref, p.comment
  FROM papers p`;
const ORDER = 'ORDER BY p.citation_key COLLATE NOCASE, p.id';

function toRecord(r: Raw, tags: Map<number, string[]>): ExportRecord {
  return {
    id: r.id,
    citationKey: r.citation_key ?? `paper${r.id}`,
    arxivId: r.arxiv_id,
    version: r.latest_version,
    doi: r.doi,
    title: r.title,
    abstract: r.abstract,
    authors: splitAuthors(r.authors_text),
    publishedAt: r.published_at,
    year: r.year,
    primaryCategory: r.primary_category,
    journalRef: r.journal_ref,
    comment: r.comment,
    tags: tags.get(r.id)?.sort() ?? [],
  };
}

/** The papers in `scope`, ordered by citation key. Unknown ids or tags are `not-found`. */
export function loadRecords(db: ReadDb, scope: ExportScope): ExportRecord[] {
  const sqlite = db.$client;
  let rows: Raw[];
  if ('ids' in scope) {
    rows = sqlite
      .prepare(`${SELECT} WHERE p.id IN (SELECT value FROM json_each(?)) ${ORDER}`)
      .all(JSON.stringify(scope.ids)) as Raw[];
    if (rows.length < new Set(scope.ids).size) {
      const found = new Set(rows.map((r) => r.id));
      throw new AppError('not-found', `No paper with id ${scope.ids.find((i) => !found.has(i))}`);
    }
  } else if ('tag' in scope) {
    const tag = sqlite.prepare('SELECT path FROM tags WHERE path = ? COLLATE NOCASE').get(scope.tag) as
      | { path: string }
      | undefined;
    if (!tag) throw new AppError('not-found', `No tag named "${scope.tag}"`);
    rows = sqlite
      .prepare(
        `${SELECT} WHERE p.id IN (SELECT pt.paper_id FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id
           WHERE t.path = ? COLLATE NOCASE OR t.path LIKE ? ESCAPE '\\') ${ORDER}`,
      )
      .all(tag.path, tag.path.replace(/[\\%_]/g, (c) => '\\' + c) + '/%') as Raw[];
  } else {
    rows = sqlite.prepare(`${SELECT} WHERE p.state != 'dismissed' ${ORDER}`).all() as Raw[];
  }
  // Tags in one pass rather than a subquery per paper.
  const tags = new Map<number, string[]>();
  const tagRows = sqlite.prepare('SELECT pt.paper_id AS id, t.path FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id').all() as {
    id: number;
    path: string;
  }[];
  for (const t of tagRows) {
    const list = tags.get(t.id);
    if (list) list.push(t.path);
    else tags.set(t.id, [t.path]);
  }
  return rows.map((r) => toRecord(r, tags));
}

/** `https://arxiv.org/abs/<id>` (no version: the latest), else the DOI link. */
export function recordUrl(r: Pick<ExportRecord, 'arxivId' | 'doi'>): string | null {
  if (r.arxivId) return `https://arxiv.org/abs/${r.arxivId}`;
  if (r.doi) return `https://doi.org/${r.doi}`;
  return null;
}

/** Whether a DOI is arXiv's own (10.48550/arXiv.…) rather than a publisher's. */
export function isArxivDoi(doi: string): boolean {
  return /^10\.48550\/arxiv\./i.test(doi);
}

/** Published in a journal: a journal reference, or a DOI that is not arXiv's. */
export function isPublished(r: Pick<ExportRecord, 'journalRef' | 'doi'>): boolean {
  return !!r.journalRef || (!!r.doi && !isArxivDoi(r.doi));
}
