/**
 * Full-text search over `paper_fts` (FTS5, rowid = papers.id): the weighted bm25 ranking, the
 * snippets with highlight markers, and where each hit matched (abstract, note, annotation, PDF
 * page N). The search text is parsed by `parseSearch`, which never lets user text become FTS syntax.
 */
import type { MatchWhere, SearchMatch } from '../../../shared/library';
import { MARK_END, MARK_START } from '../../../shared/library';
import type { ReadDb } from '../client';
import { rankFunction } from '../rank/extension';
import { listPapers, type PaperQueryParsed } from './paperList';
import { parseSearch } from './searchQuery';

/**
 * bm25 column weights, in paper_fts column order:
 * title > authors > abstract > keywords > notes = annotations > fulltext. `status` only holds
 * DISMISSED_TOKEN (0004_search_status) and never adds to a score.
 */
export const BM25_WEIGHTS = { title: 10, abstract: 4, authors: 6, keywords: 3, notes: 2, annotations: 2, fulltext: 1, status: 0 };

/** The token paper_fts.status holds for a dismissed paper (see drizzle/0004_search_status.sql). */
export const DISMISSED_TOKEN = 'psxdismissed';
/**
 * The weighted bm25 of a paper_fts row, in this connection's ranking function (the rank
 * extension's exact, faster bm25 when it is loaded; see db/rank/extension.ts).
 */
export function bm25Sql(sqlite: ReadDb['$client']): string {
  return `${rankFunction(sqlite)}(paper_fts, ${Object.values(BM25_WEIGHTS).join(', ')})`;
}

const SNIPPET_TOKENS = 18;

interface FtsRow {
  id: number;
  score: number;
  snip: string;
  title: string;
  abstract: string;
  authors: string;
  keywords: string;
  notes: string;
  annotations: string;
}

function plain(snippet: string): string {
  return snippet.replaceAll(MARK_START, '').replaceAll(MARK_END, '');
}

/** The column the snippet was cut from (FTS5 picks the best-matching one). */
function whereOf(r: FtsRow): MatchWhere {
  const bits = plain(r.snip)
    .split('…')
    .map((s) => s.trim())
    .filter(Boolean);
  const probe = bits.sort((a, b) => b.length - a.length)[0] ?? '';
  const cols: [MatchWhere, string][] = [
    ['title', r.title],
    ['abstract', r.abstract],
    ['authors', r.authors],
    ['keywords', r.keywords],
    ['note', r.notes],
    ['annotation', r.annotations],
  ];
  for (const [where, text] of cols) if (probe && text.includes(probe)) return where;
  return 'pdf';
}

/**
 * Snippets, scores and match locations for a page of results (only the rows shown, so the cost
 * does not grow with the number of hits).
 */
export function matchesFor(db: ReadDb, match: string, ids: number[]): Map<number, SearchMatch> {
  const sqlite = db.$client;
  const rows = sqlite
    .prepare(
      `SELECT rowid AS id, ${bm25Sql(sqlite)} AS score,
              snippet(paper_fts, 1, @s, @e, '…', ${SNIPPET_TOKENS}) AS abstract_snip,
              snippet(paper_fts, -1, @s, @e, '…', ${SNIPPET_TOKENS}) AS snip,
              title, abstract, authors, keywords, notes, annotations
       FROM paper_fts WHERE paper_fts MATCH @m AND +rowid IN (SELECT value FROM json_each(@ids))`,
    )
    .all({ s: MARK_START, e: MARK_END, m: match, ids: JSON.stringify(ids) }) as (FtsRow & { abstract_snip: string })[];
  const pageStmt = sqlite.prepare(
    `SELECT pp.page_index FROM pdf_pages pp JOIN pdfs f ON f.id = pp.pdf_id
     WHERE f.paper_id = ? AND instr(pp.text, ?) > 0 ORDER BY pp.page_index LIMIT 1`,
  );
  const out = new Map<number, SearchMatch>();
  for (const r of rows) {
    // The abstract is the most telling context; otherwise the best-matching column.
    if (r.abstract_snip.includes(MARK_START)) r.snip = r.abstract_snip;
    const where = whereOf(r);
    let page: number | null = null;
    if (where === 'pdf') {
      const probe = plain(r.snip)
        .split(/…|\f/)
        .map((s) => s.trim())
        .sort((a, b) => b.length - a.length)[0];
      const hit = probe ? (pageStmt.get(r.id, probe) as { page_index: number } | undefined) : undefined;
      page = hit ? hit.page_index + 1 : null;
    }
    out.set(r.id, { where, page, snippet: r.snip.replaceAll('\f', ' '), score: -r.score });
  }
  return out;
}

/** Matches for the rows a window shows (the renderer asks for the visible ids only). */
export function matchesForSearch(db: ReadDb, search: string, ids: number[]): Record<number, SearchMatch> {
  const match = parseSearch(search).match;
  if (!match || !ids.length) return {};
  return Object.fromEntries(matchesFor(db, match, ids));
}

export interface SearchJsonItem {
  id: number;
  arxivId: string | null;
  title: string;
  score: number;
  snippet: string;
  where: string;
}

/** Describe a match for people: "abstract", "note", "PDF page 3". */
export function describeWhere(m: Pick<SearchMatch, 'where' | 'page'>): string {
  if (m.where === 'pdf') return m.page ? `PDF page ${m.page}` : 'PDF';
  return m.where;
}

/** The CLI's search: the same query language and ranking as the app's search box. */
export function searchPapers(
  db: ReadDb,
  text: string,
  opts: Partial<Pick<PaperQueryParsed, 'limit' | 'view'>> = {},
): { total: number; items: SearchJsonItem[] } {
  const page = listPapers(
    db,
    {
    view: opts.view ?? 'all',
    sort: 'relevance',
    dir: 'desc',
    offset: 0,
    limit: opts.limit ?? 50,
    tagMode: 'any',
      search: text,
    },
    { matches: true },
  );
  return {
    total: page.total,
    items: page.rows.map((r) => ({
      id: r.id,
      arxivId: r.arxivId,
      title: r.title,
      score: r.match ? Math.round(r.match.score * 1000) / 1000 : 0,
      snippet: r.match?.snippet ?? '',
      where: r.match ? describeWhere(r.match) : 'filters',
    })),
  };
}
