/**
 * The SQL behind `upsertListings`: prepared once per connection, and written a batch at a time.
 *
 * Why batches: FTS5 writes its pending index out as a new segment before every statement that may
 * need rolling back, and the papers insert trigger makes each INSERT such a statement. One INSERT
 * per paper therefore writes one tiny index segment (and merge work) per paper; one INSERT for many
 * papers writes one segment for all of them. Authors, author links and sources are written as one
 * statement per batch too, instead of one per row.
 */
import type Database from 'better-sqlite3';
import type { Author } from '../../shared/domain';

export const COLUMNS = [
  'latest_version', 'doi', 'title', 'abstract', 'authors_text', 'published_at', 'updated_at', 'year', 'categories',
  'primary_category', 'journal_ref', 'comment', 'hf_upvotes', 'hf_comments', 'hf_organization', 'hf_github_repo',
  'hf_github_stars', 'hf_project_page', 'hf_ai_summary', 'hf_ai_keywords', 'hf_featured_on',
] as const;
export type Column = (typeof COLUMNS)[number];
export type Values = Partial<Record<Column, string | number | null>>;

export interface ExistingRow {
  id: number;
  arxiv_id: string | null;
  latest_version: number | null;
  doi: string | null;
  title: string;
  abstract: string | null;
  authors_text: string;
  published_at: string | null;
  updated_at: string | null;
  categories: string;
  primary_category: string | null;
  journal_ref: string | null;
  comment: string | null;
  hf_upvotes: number | null;
  hf_comments: number | null;
  hf_organization: string | null;
  hf_github_repo: string | null;
  hf_github_stars: number | null;
  hf_project_page: string | null;
  hf_ai_summary: string | null;
  hf_ai_keywords: string;
  hf_featured_on: string | null;
}

const INSERT_COLUMNS = ['arxiv_id', 'citation_key', ...COLUMNS] as const;
export type NewRow = Values & { arxiv_id: string | null; citation_key: string };
const ROW = `(${INSERT_COLUMNS.map(() => '?').join(', ')})`;
/** Most rows one INSERT writes; batches are split into power-of-two chunks so few statements are ever prepared. */
const MAX_INSERT_ROWS = 128;

type Stmt<P extends unknown[], R = unknown> = Database.Statement<P, R>;

export interface Statements {
  byArxiv: Stmt<[string], ExistingRow>;
  byArxivIn: Stmt<[string], ExistingRow>;
  byDoi: Stmt<[string], ExistingRow>;
  keysFrom: Stmt<[string, string], string>;
  inserts: Map<number, Stmt<unknown[], { id: number; citation_key: string }>>;
  updates: Map<string, Stmt<unknown[]>>;
  author: Stmt<[string], { id: number }>;
  authorsIn: Stmt<[string], { id: number; name: string }>;
  clearAuthors: Stmt<[string]>;
  addAuthors: Stmt<[string]>;
  sources: Stmt<[string, number | null, number | null, string]>;
}

function prepare(sqlite: Database.Database): Statements {
  return {
    byArxiv: sqlite.prepare<[string], ExistingRow>('SELECT * FROM papers WHERE arxiv_id = ?'),
    byArxivIn: sqlite.prepare<[string], ExistingRow>('SELECT * FROM papers WHERE arxiv_id IN (SELECT value FROM json_each(?))'),
    byDoi: sqlite.prepare<[string], ExistingRow>('SELECT * FROM papers WHERE arxiv_id IS NULL AND doi = ? COLLATE NOCASE'),
    // Every key starting with a base, in one index range scan (generated suffixes are a–z; '{' follows 'z').
    keysFrom: sqlite
      .prepare<[string, string], string>(`SELECT citation_key FROM papers WHERE citation_key >= ? AND citation_key < ? || '{'`)
      .pluck(),
    inserts: new Map(),
    updates: new Map(),
    author: sqlite.prepare<[string], { id: number }>(
      'INSERT INTO authors (name) VALUES (?) ON CONFLICT(name) DO UPDATE SET name = excluded.name RETURNING id',
    ),
    // `WHERE true` tells the parser the ON CONFLICT belongs to the INSERT, not to a join.
    authorsIn: sqlite.prepare<[string], { id: number; name: string }>(
      `INSERT INTO authors (name) SELECT value FROM json_each(?) WHERE true
       ON CONFLICT(name) DO UPDATE SET name = excluded.name RETURNING id, name`,
    ),
    clearAuthors: sqlite.prepare<[string]>('DELETE FROM paper_authors WHERE paper_id IN (SELECT value FROM json_each(?))'),
    addAuthors: sqlite.prepare<[string]>(
      `INSERT INTO paper_authors (paper_id, position, author_id, affiliation)
       SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?)`,
    ),
    sources: sqlite.prepare<[string, number | null, number | null, string]>(
      `INSERT INTO paper_sources (paper_id, source_key, first_run_id, last_run_id, announce_type)
       SELECT value ->> 0, ?, ?, ?, value ->> 1 FROM json_each(?) WHERE true
       ON CONFLICT(paper_id, source_key) DO UPDATE SET last_run_id = excluded.last_run_id,
         announce_type = coalesce(excluded.announce_type, paper_sources.announce_type)`,
    ),
  };
}

const cache = new WeakMap<Database.Database, Statements>();

export function statements(sqlite: Database.Database): Statements {
  let s = cache.get(sqlite);
  if (!s) {
    s = prepare(sqlite);
    cache.set(sqlite, s);
  }
  return s;
}

/** The stored rows of these arXiv ids, by id, in one query. */
export function rowsByArxivId(s: Statements, ids: string[]): Map<string, ExistingRow> {
  const rows = ids.length > 0 ? s.byArxivIn.all(JSON.stringify(ids)) : [];
  return new Map(rows.map((r) => [r.arxiv_id!, r]));
}

/** Insert papers, many rows per statement; returns their ids in the order given. */
export function insertPapers(sqlite: Database.Database, s: Statements, rows: NewRow[]): number[] {
  const out: number[] = [];
  for (let at = 0; at < rows.length; ) {
    let n = MAX_INSERT_ROWS;
    while (n > rows.length - at) n >>= 1;
    const chunk = rows.slice(at, (at += n));
    let st = s.inserts.get(n);
    if (!st) {
      st = sqlite.prepare(`INSERT INTO papers (${INSERT_COLUMNS.join(', ')}) VALUES ${Array(n).fill(ROW).join(', ')} RETURNING id, citation_key`);
      s.inserts.set(n, st);
    }
    // RETURNING gives rows in no promised order: match them by their (unique) citation key.
    const ids = new Map(st.all(...chunk.flatMap((r) => INSERT_COLUMNS.map((c) => r[c] ?? null))).map((r) => [r.citation_key, r.id]));
    for (const r of chunk) out.push(ids.get(r.citation_key)!);
  }
  return out;
}

/** UPDATE one paper's changed columns (statements cached by the set of columns). */
export function updatePaper(sqlite: Database.Database, s: Statements, id: number, values: Values): void {
  const cols = Object.keys(values) as Column[];
  const key = cols.join(',');
  let st = s.updates.get(key);
  if (!st) {
    st = sqlite.prepare(
      `UPDATE papers SET ${cols.map((c) => `${c} = @${c}`).join(', ')},
       modified_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = @id`,
    );
    s.updates.set(key, st);
  }
  st.run({ ...values, id });
}

export interface AuthorList {
  paperId: number;
  authors: Author[];
  /** The paper was just inserted: it has no author links to clear. */
  fresh: boolean;
}

/** Replace the author lists of these papers: one statement each for authors, clearing and linking. */
export function writeAuthorLists(s: Statements, lists: AuthorList[]): void {
  const stale = lists.filter((l) => !l.fresh).map((l) => l.paperId);
  if (stale.length > 0) s.clearAuthors.run(JSON.stringify(stale));
  const names = [...new Set(lists.flatMap((l) => l.authors.map((a) => a.name)))];
  if (names.length === 0) return;
  const ids = new Map(s.authorsIn.all(JSON.stringify(names)).map((r) => [r.name, r.id]));
  // A name SQLite stores differently (a lone UTF-16 surrogate) comes back changed: look it up alone.
  const idOf = (name: string) => ids.get(name) ?? s.author.get(name)!.id;
  const links = lists.flatMap((l) => l.authors.map((a, i) => [l.paperId, i, idOf(a.name), a.affiliation ?? null]));
  s.addAuthors.run(JSON.stringify(links));
}

/** Record that these papers came from `sourceKey` (in this run), with their announce types. */
export function writeSources(s: Statements, sourceKey: string, runId: number | null, papers: [number, string | null][]): void {
  if (papers.length > 0) s.sources.run(sourceKey, runId, runId, JSON.stringify(papers));
}
