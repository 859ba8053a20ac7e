/**
 * One paper per arXiv id. Every source (HF Daily Papers, arXiv API, RSS, imports) produces
 * `Listing`s; `upsertListings` merges them into the library in one transaction.
 *
 * Rules:
 * - user data (state, star, tags, notes, annotations, citation key) is never written here;
 * - community counts (HF upvotes, comments, stars) always take the newest value;
 * - bibliographic fields (title, abstract, authors, dates, categories) come from an authoritative
 *   source (arXiv) when it knows a version at least as new as ours; other sources only fill gaps.
 */
import type Database from 'better-sqlite3';
import type { Author, HfFields, ImportCounts } from '../../shared/domain';
import { citationKeyBase, uniqueCitationKey } from '../../shared/citekey';
import type { WriteDb } from '../db/client';

export interface Listing {
  arxivId: string | null;
  version: number | null;
  doi?: string | null;
  title: string;
  abstract: string | null;
  authors: Author[];
  publishedAt: string | null;
  updatedAt?: string | null;
  categories?: string[];
  primaryCategory?: string | null;
  journalRef?: string | null;
  comment?: string | null;
  hf?: Partial<HfFields>;
  /** arXiv's own metadata: may overwrite bibliographic fields. */
  authoritative: boolean;
  /** RSS announce type (new, replace, cross, replace-cross). */
  announceType?: string | null;
}

export interface UpsertOptions {
  /** `hf:2026-11-27`, `arxiv:cat:cs.LG`, `rss:cs.LG`, `import:file.json`. */
  sourceKey: string;
  runId?: number | null;
}

export interface UpsertResult extends ImportCounts {
  ids: number[];
  newIds: number[];
}

interface ExistingRow {
  id: number;
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

const COLUMNS = [
  'latest_version', 'doi', 'title', 'abstract', 'authors_text', 'published_at', 'updated_at', 'year', 'categories',
  'primary_category', 'journal_ref', 'comment', 'hf_upvotes', 'hf_comments', 'hf_organization', 'hf_github_repo',
  'hf_github_stars', 'hf_project_page', 'hf_ai_summary', 'hf_ai_keywords', 'hf_featured_on',
] as const;
type Column = (typeof COLUMNS)[number];
type Values = Partial<Record<Column, string | number | null>>;

function yearOf(date: string | null | undefined): number | null {
  const m = date ? /^(\d{4})/.exec(date) : null;
  return m ? Number(m[1]) : null;
}

const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function prepare(sqlite: Database.Database) {
  return {
    byArxiv: sqlite.prepare<[string], ExistingRow>('SELECT * FROM papers WHERE arxiv_id = ?'),
    byDoi: sqlite.prepare<[string], ExistingRow>('SELECT * FROM papers WHERE arxiv_id IS NULL AND doi = ? COLLATE NOCASE'),
    // Every key starting with a base, in one index range scan (generated suffixes are a–z; '{' follows 'z').
    keysFrom: sqlite
      .prepare<[string, string], string>(`SELECT citation_key FROM papers WHERE citation_key >= ? AND citation_key < ? || '{'`)
      .pluck(),
    insert: sqlite.prepare(
      `INSERT INTO papers (arxiv_id, citation_key, ${COLUMNS.join(', ')})
       VALUES (@arxiv_id, @citation_key, ${COLUMNS.map((c) => '@' + c).join(', ')})`,
    ),
    author: sqlite.prepare<[string], { id: number }>(
      'INSERT INTO authors (name) VALUES (?) ON CONFLICT(name) DO UPDATE SET name = excluded.name RETURNING id',
    ),
    clearAuthors: sqlite.prepare<[number]>('DELETE FROM paper_authors WHERE paper_id = ?'),
    addAuthor: sqlite.prepare<[number, number, number, string | null]>(
      'INSERT INTO paper_authors (paper_id, position, author_id, affiliation) VALUES (?, ?, ?, ?)',
    ),
    source: sqlite.prepare<[number, string, number | null, number | null, string | null]>(
      `INSERT INTO paper_sources (paper_id, source_key, first_run_id, last_run_id, announce_type)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(paper_id, source_key) DO UPDATE SET last_run_id = excluded.last_run_id,
         announce_type = coalesce(excluded.announce_type, paper_sources.announce_type)`,
    ),
    updates: new Map<string, Database.Statement>(),
  };
}

/** UPDATE statements by the set of columns they change, prepared once per connection. */
function updateStatement(sqlite: Database.Database, s: ReturnType<typeof stmts>, cols: Column[]): Database.Statement {
  const key = cols.join(',');
  let st = s.updates.get(key);
  if (!st) {
    st = sqlite.prepare(
      `UPDATE papers SET ${cols.map((c) => `${c} = @${c}`).join(', ')},
       modified_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = @id`,
    );
    s.updates.set(key, st);
  }
  return st;
}

function stmts(sqlite: Database.Database) {
  let s = cache.get(sqlite);
  if (!s) {
    s = prepare(sqlite);
    cache.set(sqlite, s);
  }
  return s;
}

function valuesOf(l: Listing): Values {
  const date = l.publishedAt ?? null;
  return {
    latest_version: l.version,
    doi: l.doi ?? null,
    title: l.title,
    abstract: l.abstract,
    authors_text: l.authors.map((a) => a.name).join(', '),
    published_at: date,
    updated_at: l.updatedAt ?? null,
    year: yearOf(date),
    categories: JSON.stringify(l.categories ?? []),
    primary_category: l.primaryCategory ?? null,
    journal_ref: l.journalRef ?? null,
    comment: l.comment ?? null,
    hf_upvotes: l.hf?.upvotes ?? null,
    hf_comments: l.hf?.comments ?? null,
    hf_organization: l.hf?.organization ?? null,
    hf_github_repo: l.hf?.githubRepo ?? null,
    hf_github_stars: l.hf?.githubStars ?? null,
    hf_project_page: l.hf?.projectPage ?? null,
    hf_ai_summary: l.hf?.aiSummary ?? null,
    hf_ai_keywords: JSON.stringify(l.hf?.aiKeywords ?? []),
    hf_featured_on: l.hf?.featuredOn ?? null,
  };
}

const HF_COLUMNS: Record<keyof HfFields, Column> = {
  upvotes: 'hf_upvotes',
  comments: 'hf_comments',
  organization: 'hf_organization',
  githubRepo: 'hf_github_repo',
  githubStars: 'hf_github_stars',
  projectPage: 'hf_project_page',
  aiSummary: 'hf_ai_summary',
  aiKeywords: 'hf_ai_keywords',
  featuredOn: 'hf_featured_on',
};
const BIBLIO: Column[] = [
  'doi', 'title', 'abstract', 'authors_text', 'published_at', 'updated_at', 'year', 'categories', 'primary_category',
  'journal_ref', 'comment',
];

/** The columns of `existing` that `l` changes, following the merge rules above. */
function changesFor(existing: ExistingRow, l: Listing): { values: Values; authorsChanged: boolean } {
  const incoming = valuesOf(l);
  const out: Values = {};
  const cur = existing as unknown as Record<string, string | number | null>;
  const set = (c: Column, v: string | number | null | undefined) => {
    if (v === undefined) return;
    if (cur[c] !== v && !(c === 'year' && cur['published_at'] === incoming.published_at)) out[c] = v;
  };
  // HF fields: newest value wins, but only for fields the listing actually carries.
  if (l.hf) {
    for (const [k, col] of Object.entries(HF_COLUMNS) as [keyof HfFields, Column][]) {
      const v = l.hf[k];
      if (v === undefined || v === null) continue;
      set(col, incoming[col]);
    }
  }
  const newer = l.version !== null && (existing.latest_version === null || l.version >= existing.latest_version);
  if (l.version !== null && (existing.latest_version === null || l.version > existing.latest_version)) {
    set('latest_version', l.version);
  }
  let authorsChanged = false;
  for (const c of BIBLIO) {
    const v = incoming[c];
    const empty = v === null || v === '' || v === '[]';
    if (empty) continue;
    const curEmpty = cur[c] === null || cur[c] === '' || cur[c] === '[]';
    if ((l.authoritative && newer) || curEmpty) {
      if (cur[c] !== v) {
        out[c] = v ?? null;
        if (c === 'authors_text') authorsChanged = true;
      }
    }
  }
  if (out.published_at !== undefined) out.year = yearOf(out.published_at as string | null);
  return { values: out, authorsChanged };
}

/** Replace a paper's author list (`fresh`: the paper was just inserted, so it has none to clear). */
function writeAuthors(s: ReturnType<typeof stmts>, paperId: number, authors: Author[], fresh = false): void {
  if (!fresh) s.clearAuthors.run(paperId);
  authors.forEach((a, i) => {
    const { id } = s.author.get(a.name)!;
    s.addAuthor.run(paperId, i, id, a.affiliation ?? null);
  });
}

/** Merge listings into the library in one transaction (the caller's, if one is open). Duplicates within the batch collapse. */
export function upsertListings(db: WriteDb, listings: Listing[], opts: UpsertOptions): UpsertResult {
  const sqlite = db.$client;
  const s = stmts(sqlite);
  const result: UpsertResult = { new: 0, updated: 0, unchanged: 0, ids: [], newIds: [] };
  const seen = new Set<number>();
  const body = () => {
    for (const l of listings) {
      const existing = l.arxivId ? s.byArxiv.get(l.arxivId) : l.doi ? s.byDoi.get(l.doi) : undefined;
      let id: number;
      if (!existing) {
        const v = valuesOf(l);
        const base = citationKeyBase(l.authors[0]?.name, v.year as number | null, l.title);
        const taken = new Set(s.keysFrom.all(base, base));
        const key = uniqueCitationKey(base, (k) => taken.has(k));
        const info = s.insert.run({ arxiv_id: l.arxivId, citation_key: key, ...v });
        id = Number(info.lastInsertRowid);
        writeAuthors(s, id, l.authors, true);
        if (!seen.has(id)) {
          result.new++;
          result.newIds.push(id);
        }
      } else {
        id = existing.id;
        const { values, authorsChanged } = changesFor(existing, l);
        const cols = Object.keys(values) as Column[];
        if (cols.length > 0) {
          updateStatement(sqlite, s, cols).run({ ...values, id });
          if (authorsChanged) writeAuthors(s, id, l.authors);
          if (!seen.has(id) && !result.newIds.includes(id)) result.updated++;
        } else if (!seen.has(id)) {
          result.unchanged++;
        }
      }
      s.source.run(id, opts.sourceKey, opts.runId ?? null, opts.runId ?? null, l.announceType ?? null);
      if (!seen.has(id)) {
        seen.add(id);
        result.ids.push(id);
      }
    }
  };
  // Inside a caller's transaction (a sync page with its run bookkeeping) run directly: a nested
  // transaction would be a SAVEPOINT, and FTS5 flushes its pending index at every savepoint.
  if (sqlite.inTransaction) body();
  else sqlite.transaction(body).immediate();
  return result;
}
