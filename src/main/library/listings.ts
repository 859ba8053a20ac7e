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
import type { Author, HfFields, ImportCounts } from '../../shared/domain';
import { citationKeyBase, uniqueCitationKey } from '../../shared/citekey';
import type { WriteDb } from '../db/client';
import {
  insertPapers, rowsByArxivId, statements, updatePaper, writeAuthorLists, writeSources,
  type AuthorList, type Column, type ExistingRow, type NewRow, type Values,
} from './paperWrites';

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

function yearOf(date: string | null | undefined): number | null {
  const m = date ? /^(\d{4})/.exec(date) : null;
  return m ? Number(m[1]) : null;
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

/**
 * Merge listings into the library in one transaction (the caller's, if one is open). Duplicates
 * within the batch collapse.
 *
 * Listings are read in order, but writes wait and go out together (paperWrites.ts says why): new
 * papers, author lists and sources are held until the end, or until a listing names a paper this
 * call has already handled, so that every listing sees the library as if each earlier one had
 * been written on its own.
 */
export function upsertListings(db: WriteDb, listings: Listing[], opts: UpsertOptions): UpsertResult {
  const sqlite = db.$client;
  const s = statements(sqlite);
  const runId = opts.runId ?? null;
  const result: UpsertResult = { new: 0, updated: 0, unchanged: 0, ids: [], newIds: [] };
  const counted = new Set<number>();
  const body = () => {
    const stored = rowsByArxivId(s, [...new Set(listings.flatMap((l) => (l.arxivId ? [l.arxivId] : [])))]);
    const handled = new Set<string>();
    const fresh: { listing: Listing; row: NewRow; slot: number }[] = [];
    const freshKeys = new Set<string>();
    const authorLists: AuthorList[] = [];
    const sources: [number, string | null][] = [];
    const flush = () => {
      const ids = insertPapers(sqlite, s, fresh.map((f) => f.row));
      fresh.forEach(({ listing, slot }, i) => {
        const id = ids[i]!;
        authorLists.push({ paperId: id, authors: listing.authors, fresh: true });
        sources.push([id, listing.announceType ?? null]);
        result.ids[slot] = id;
        result.newIds.push(id);
        counted.add(id);
      });
      result.new += fresh.length;
      writeAuthorLists(s, authorLists);
      writeSources(s, opts.sourceKey, runId, sources);
      fresh.length = authorLists.length = sources.length = 0;
      freshKeys.clear();
    };
    for (const l of listings) {
      const identity = l.arxivId ?? (l.doi ? `doi:${l.doi.toLowerCase()}` : null);
      const again = identity !== null && handled.has(identity);
      if (again) flush();
      if (identity !== null) handled.add(identity);
      const existing = l.arxivId
        ? again ? s.byArxiv.get(l.arxivId) : stored.get(l.arxivId)
        : l.doi ? s.byDoi.get(l.doi) : undefined;
      if (!existing) {
        const v = valuesOf(l);
        const base = citationKeyBase(l.authors[0]?.name, v.year as number | null, l.title);
        const taken = new Set(s.keysFrom.all(base, base));
        const key = uniqueCitationKey(base, (k) => taken.has(k) || freshKeys.has(k));
        freshKeys.add(key);
        fresh.push({ listing: l, row: { ...v, arxiv_id: l.arxivId, citation_key: key }, slot: result.ids.length });
        result.ids.push(0);
        continue;
      }
      const id = existing.id;
      const { values, authorsChanged } = changesFor(existing, l);
      if (Object.keys(values).length > 0) {
        updatePaper(sqlite, s, id, values);
        if (authorsChanged) authorLists.push({ paperId: id, authors: l.authors, fresh: false });
        if (!counted.has(id)) result.updated++;
      } else if (!counted.has(id)) {
        result.unchanged++;
      }
      sources.push([id, l.announceType ?? null]);
      if (!counted.has(id)) {
        counted.add(id);
        result.ids.push(id);
      }
    }
    flush();
  };
  // Inside a caller's transaction (a sync page with its run bookkeeping) run directly: a nested
  // transaction would be a SAVEPOINT, and FTS5 flushes its pending index at every savepoint.
  if (sqlite.inTransaction) body();
  else sqlite.transaction(body).immediate();
  return result;
}
