/**
 * What every export format reads: one flat record per paper, loaded with one prepared statement
 * (fast enough for 100,000 papers), for a scope: some ids, a tag (with its sub-tags) or everything.
 */
import { AppError } from '../../shared/errors';
import type { ExportScope } from '../../shared/ipc/contract';
import type { ReadDb } from '../db/client';
import { splitAuthors } from '../db/queries/papers';

export type { ExportScope };

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

/** One row, as an array in `COLUMNS` order: arrays (from `json_array` or `.raw()`) cost far less than objects. */
type Row = [
  id: number,
  citationKey: string | null,
  arxivId: string | null,
  version: number | null,
  doi: string | null,
  title: string,
  authorsText: string,
  publishedAt: string | null,
  year: number | null,
  primaryCategory: string | null,
  journalRef: string | null,
  abstract: string | null,
  comment: string | null,
];

const COLUMNS = `p.id, p.citation_key, p.arxiv_id, p.latest_version, p.doi, p.title, p.authors_text,
         p.published_at, p.year, p.primary_category, p.journal_ref`;
const columnsFor = (abstracts: boolean) => `${COLUMNS}, ${abstracts ? 'p.abstract, p.comment' : 'NULL, NULL'}`;
const ORDER = 'ORDER BY p.citation_key COLLATE NOCASE, p.id';

function toRecord(r: Row, tags: Map<number, string[]>): ExportRecord {
  return {
    id: r[0],
    citationKey: r[1] ?? `paper${r[0]}`,
    arxivId: r[2],
    version: r[3],
    doi: r[4],
    title: r[5],
    abstract: r[11],
    authors: splitAuthors(r[6]),
    publishedAt: r[7],
    year: r[8],
    primaryCategory: r[9],
    journalRef: r[10],
    comment: r[12],
    tags: tags.get(r[0])?.sort() ?? [],
  };
}

type Sqlite = ReadDb['$client'];

/** The query for `scope`'s rows (as arrays, `.raw()`: far cheaper than objects), ordered by citation key. */
function scopeQuery(sqlite: Sqlite, scope: ExportScope, abstracts: boolean): { sql: string; params: unknown[] } {
  const select = `SELECT ${columnsFor(abstracts)} FROM papers p WHERE`;
  if ('ids' in scope) return { sql: `${select} p.id IN (SELECT value FROM json_each(?)) ${ORDER}`, params: [JSON.stringify(scope.ids)] };
  if ('tag' in scope) {
    const tag = sqlite.prepare('SELECT path FROM tags WHERE path = ? COLLATE NOCASE').get(scope.tag) as
      | { path: string }
      | undefined;
    if (!tag) throw new AppError('not-found', `No tag named "${scope.tag}"`);
    return {
      sql: `${select} p.id IN (SELECT pt.paper_id FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id
           WHERE t.path = ? COLLATE NOCASE OR t.path LIKE ? ESCAPE '\\') ${ORDER}`,
      params: [tag.path, tag.path.replace(/[\\%_]/g, (c) => '\\' + c) + '/%'],
    };
  }
  return { sql: `${select} p.state != 'dismissed' ${ORDER}`, params: [] };
}

/** Every paper's tag paths, in one pass rather than a subquery per paper. */
function tagMap(sqlite: Sqlite): Map<number, string[]> {
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
  return tags;
}

/** The papers in `scope`, ordered by citation key. Unknown ids or tags are `not-found`. */
export function loadRecords(db: ReadDb, scope: ExportScope, opts: { abstracts?: boolean } = {}): ExportRecord[] {
  const sqlite = db.$client;
  const { sql, params } = scopeQuery(sqlite, scope, opts.abstracts ?? true);
  const rows = sqlite.prepare(sql).raw(true).all(...params) as Row[];
  if ('ids' in scope && rows.length < new Set(scope.ids).size) {
    const found = new Set(rows.map((r) => r[0]));
    throw new AppError('not-found', `No paper with id ${scope.ids.find((i) => !found.has(i))}`);
  }
  const tags = tagMap(sqlite);
  return rows.map((r) => toRecord(r, tags));
}

/**
 * The same records, one at a time, for writers that stream (a whole library to .bib): each row is
 * garbage as soon as its entry is written, so 100,000 records never sit in memory together.
 * Scope errors are thrown here, at once. The connection is busy until the iteration ends.
 */
export function iterateRecords(db: ReadDb, scope: ExportScope, opts: { abstracts?: boolean } = {}): Iterable<ExportRecord> {
  if ('ids' in scope) return loadRecords(db, scope, opts);
  const sqlite = db.$client;
  const { sql, params } = scopeQuery(sqlite, scope, opts.abstracts ?? true);
  const tags = tagMap(sqlite);
  const stmt = sqlite.prepare(sql).raw(true);
  return (function* () {
    for (const r of stmt.iterate(...params) as IterableIterator<Row>) yield toRecord(r, tags);
  })();
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
