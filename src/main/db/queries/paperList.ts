/**
 * The library list (#4): one SQL query per page for every view, search, filter and sort, so the
 * renderer never sorts or filters arrays. Hot paths are proven to use indexes / FTS in
 * paperList.test.ts (EXPLAIN QUERY PLAN).
 */
import type Database from 'better-sqlite3';
import type { PaperPage } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { ParsedArgsOf, SavedFilters } from '../../../shared/ipc/contract';
import type { ReadDb } from '../client';
import { paperRows, ROW_EXTRA, ROW_SELECT_COLUMNS, type RowTuple } from './papers';
import { rankFunction } from '../rank/extension';
import { bm25Sql, DISMISSED_TOKEN, matchesFor } from './search';
import { parseSearch } from './searchQuery';

export type PaperQueryParsed = ParsedArgsOf<'papers:list'>;

type Sort = PaperQueryParsed['sort'];

/** ORDER BY keys per sort column; each has an index (0000_init, 0002_library_indexes). */
const SORT_SQL: Record<Exclude<Sort, 'relevance'>, string[]> = {
  added: ['p.added_at'],
  published: ['p.published_at'],
  title: ['p.title COLLATE NOCASE'],
  authors: ['p.authors_text COLLATE NOCASE'],
  upvotes: ['p.hf_upvotes'],
  state: ['p.state', 'p.published_at'],
};

interface Where {
  sql: string[];
  params: unknown[];
}

/** Papers carrying a tag or any tag below it (`ml` covers `ml/rl`). */
const TAG_TREE_BY_ID = `p.id IN (SELECT pt.paper_id FROM paper_tags pt WHERE pt.tag_id IN (
    SELECT d.id FROM tags t JOIN tags d ON d.path = t.path COLLATE NOCASE
      OR substr(d.path, 1, length(t.path) + 1) = t.path || '/' COLLATE NOCASE
    WHERE t.id IN (SELECT value FROM json_each(?))))`;
const TAG_TREE_BY_PATH = `p.id IN (SELECT pt.paper_id FROM paper_tags pt WHERE pt.tag_id IN (
    SELECT d.id FROM tags d WHERE d.path = ? COLLATE NOCASE
      OR substr(d.path, 1, length(?) + 1) = ? || '/' COLLATE NOCASE))`;

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function viewWhere(view: PaperQueryParsed['view'], w: Where): void {
  if (view === 'all') w.sql.push(`p.state != 'dismissed'`);
  else if (view === 'starred') w.sql.push('p.starred = 1');
  else {
    w.sql.push('p.state = ?');
    w.params.push(view);
  }
}

/** Apply a saved search: its stored text and filters, under the caller's sort and window. */
function withSavedSearch(db: ReadDb, q: PaperQueryParsed): PaperQueryParsed {
  if (q.savedSearchId === undefined) return q;
  const row = db.$client.prepare('SELECT query, filters FROM saved_searches WHERE id = ?').get(q.savedSearchId) as
    | { query: string; filters: string }
    | undefined;
  if (!row) throw new AppError('not-found', `No saved search with id ${q.savedSearchId}`);
  const f = JSON.parse(row.filters || '{}') as SavedFilters;
  const search = [row.query, q.search ?? ''].filter((s) => s.trim()).join(' ');
  return { ...q, ...f, sort: q.sort, dir: q.dir, savedSearchId: undefined, search };
}

export interface ListSql {
  rowsSql: string;
  /** Every id of the list in order (for select-all). */
  idsSql: string;
  countSql: string;
  params: unknown[];
  /** rowsSql's parameters for a window; default: `params`, then limit and offset. */
  rowsParams?: (limit: number, offset: number) => unknown[];
  /** The FTS5 MATCH expression, when the list is searched. */
  match: string | null;
}

/** rowsSql's parameters for one window of the list. */
export function windowParams(sql: ListSql, limit: number, offset: number): unknown[] {
  return sql.rowsParams ? sql.rowsParams(limit, offset) : [...sql.params, limit, offset];
}

/** The SQL for one list query (rows page + total), with its parameters. */
export function buildListSql(db: ReadDb, query: PaperQueryParsed): ListSql {
  const q = withSavedSearch(db, query);
  const parsed = q.search?.trim() ? parseSearch(q.search) : null;
  const searchedNothing =
    parsed !== null && !parsed.match && !parsed.tags.length && !parsed.notTags.length && !parsed.years.length;
  const bm25 = bm25Sql(db.$client);
  const indexOnly = parsed?.match ? indexOnlySearch(q, parsed, bm25, rankFunction(db.$client) === 'papershelf_bm25') : null;
  if (indexOnly) return indexOnly;
  const w: Where = { sql: [], params: [] };
  let from = 'papers p';
  if (parsed?.match) {
    from = 'paper_fts JOIN papers p ON p.id = paper_fts.rowid';
    w.sql.push('paper_fts MATCH ?');
    w.params.push(parsed.match);
  }
  viewWhere(q.view, w);
  if (q.states?.length) {
    w.sql.push('p.state IN (SELECT value FROM json_each(?))');
    w.params.push(JSON.stringify(q.states));
  }
  if (q.starred !== undefined) {
    w.sql.push('p.starred = ?');
    w.params.push(q.starred ? 1 : 0);
  }
  if (q.hasPdf !== undefined) w.sql.push(q.hasPdf ? `f.state = 'done'` : `(f.state IS NULL OR f.state != 'done')`);
  if (q.from) {
    w.sql.push('p.published_at >= ?');
    w.params.push(q.from);
  }
  if (q.to) {
    w.sql.push('p.published_at < ?');
    w.params.push(nextDay(q.to));
  }
  if (q.source) {
    w.sql.push('p.id IN (SELECT ps.paper_id FROM paper_sources ps WHERE ps.source_key = ?)');
    w.params.push(q.source);
  }
  if (q.featuredOn) {
    w.sql.push('p.hf_featured_on = ?');
    w.params.push(q.featuredOn);
  }
  if (q.tagIds?.length) {
    if (q.tagMode === 'any') {
      w.sql.push(TAG_TREE_BY_ID);
      w.params.push(JSON.stringify(q.tagIds));
    } else {
      for (const t of q.tagIds) {
        w.sql.push(TAG_TREE_BY_ID);
        w.params.push(JSON.stringify([t]));
      }
    }
  }
  for (const path of parsed?.tags ?? []) {
    w.sql.push(TAG_TREE_BY_PATH);
    w.params.push(path, path, path);
  }
  for (const path of parsed?.notTags ?? []) {
    w.sql.push(`NOT ${TAG_TREE_BY_PATH}`);
    w.params.push(path, path, path);
  }
  if (parsed?.years.length) {
    w.sql.push(`(${parsed.years.map(() => '(p.published_at >= ? AND p.published_at < ?)').join(' OR ')})`);
    for (const y of parsed.years) w.params.push(String(y.from), String(y.to + 1));
  }
  if (searchedNothing) w.sql.push('0');

  const whereSql = w.sql.length ? `WHERE ${w.sql.join(' AND ')}` : '';
  const dir = q.dir === 'asc' ? 'ASC' : 'DESC';
  // Sort keys as [expression, direction]; the page is chosen on ids and keys only, and the
  // row columns (tags JSON, PDF state) are computed for that page alone (not for skipped rows).
  let keys: [string, 'ASC' | 'DESC'][];
  if (q.sort === 'relevance' && parsed?.match) keys = [[bm25, dir === 'DESC' ? 'ASC' : 'DESC'], ['p.id', 'DESC']];
  else if (q.featuredOn && (q.sort === 'relevance' || q.sort === 'upvotes')) keys = [['p.hf_upvotes', dir], ['p.id', dir]];
  else {
    const key = q.sort === 'relevance' ? 'published' : q.sort;
    keys = [...SORT_SQL[key], 'p.id'].map((k) => [k, dir]);
  }
  const order = keys.map(([k, d]) => `${k} ${d}`).join(', ');
  const outerOrder = keys
    .map(([, d], i) => `page.k${i} ${d}`)
    .join(', ');
  const keyCols = keys.map(([k], i) => `${k} AS k${i}`).join(', ');
  const pdfJoin = ' LEFT JOIN pdfs f ON f.paper_id = p.id';
  const innerFrom = `${from}${q.hasPdf !== undefined ? pdfJoin : ''}`;
  // When candidates come by id (FTS hits, tag or source lists), test the filters on the narrow
  // papers_id_filter index instead of reading each wide row (every filter column is in it).
  const byId = parsed?.match || q.tagIds?.length || q.source || parsed?.tags.length || parsed?.notTags.length;
  const narrowFrom = byId ? innerFrom.replace('papers p', 'papers p INDEXED BY papers_id_filter') : innerFrom;
  const keysCovered = keys.every(([k]) => k === bm25 || k === 'p.id' || k === 'p.published_at');
  const rowsFrom = keysCovered ? narrowFrom : innerFrom;
  // Ranked search: the hits (with their bm25) are collected once and both ranked and counted from
  // that one pass, instead of a second MATCH for the total. Rows then carry `total_hits`.
  const ranked = q.sort === 'relevance' && parsed?.match;
  const pageOrder = keys.map(([, d], i) => `k${i} ${d}`).join(', ');
  const rowsSql = ranked
    ? `WITH hits AS MATERIALIZED (SELECT p.id AS id, ${keyCols} FROM ${rowsFrom} ${whereSql}),
        page AS (SELECT * FROM hits ORDER BY ${pageOrder} LIMIT ? OFFSET ?)
      SELECT ${ROW_SELECT_COLUMNS}, (SELECT count(*) FROM hits) AS total_hits
      FROM page JOIN papers p ON p.id = page.id${pdfJoin} ORDER BY ${outerOrder}`
    : `WITH page AS (SELECT p.id AS id, ${keyCols} FROM ${rowsFrom} ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?)
      SELECT ${ROW_SELECT_COLUMNS} FROM page JOIN papers p ON p.id = page.id${pdfJoin} ORDER BY ${outerOrder}`;
  return {
    rowsSql,
    idsSql: `SELECT p.id AS id FROM ${innerFrom} ${whereSql} ORDER BY ${order} LIMIT 100000`,
    countSql: `SELECT count(*) AS n FROM ${narrowFrom} ${whereSql}`,
    params: w.params,
    match: parsed?.match ?? null,
  };
}

/**
 * A ranked search of the whole library (or of Dismissed) with no other filter is answered by the
 * search index alone: dismissed papers carry DISMISSED_TOKEN in paper_fts.status, so the view is a
 * NOT/AND in the MATCH, the page is the index's top hits by bm25 and the total is the index's own
 * count, with no lookup in papers per hit. Anything else goes through the general query.
 *
 * With the rank extension (db/rank/papershelf_rank.c) one pass over the hits gives the page and
 * the total: papershelf_top keeps the best rows in a heap while count(*) counts them, and the view
 * tests each hit against the extension's cached set of dismissed rows (papershelf_in_match)
 * instead of walking the dismissed token's doclist beside the query.
 */
function indexOnlySearch(
  q: PaperQueryParsed,
  parsed: ReturnType<typeof parseSearch>,
  bm25: string,
  withExtension: boolean,
): ListSql | null {
  const filtered =
    q.states?.length || q.starred !== undefined || q.hasPdf !== undefined || q.from || q.to || q.source ||
    q.featuredOn || q.tagIds?.length || parsed.tags.length || parsed.notTags.length || parsed.years.length;
  if (filtered || q.sort !== 'relevance' || (q.view !== 'all' && q.view !== 'dismissed')) return null;
  const order = (t = '') => `${t}k0 ${q.dir === 'asc' ? 'DESC' : 'ASC'}, ${t}id DESC`;
  const dismissed = `"${DISMISSED_TOKEN}"`;
  const not = q.view === 'all' ? 'NOT' : '';
  if (withExtension) {
    const hits = (match: string) =>
      `FROM paper_fts WHERE paper_fts MATCH ${match} AND ${not} papershelf_in_match('${dismissed}', rowid)`;
    const ranked = (match: string) => `SELECT rowid AS id, ${bm25} AS k0 ${hits(match)}`;
    return {
      rowsSql: `WITH top AS MATERIALIZED (
          SELECT papershelf_top(k0, id, @limit, @offset, ${q.dir === 'asc' ? 1 : 0}) AS ids, count(*) AS n
          FROM (${ranked('@match')} LIMIT -1))
        SELECT ${ROW_SELECT_COLUMNS}, top.n AS total_hits
        FROM top, json_each(top.ids) AS j JOIN papers p ON p.id = j.value LEFT JOIN pdfs f ON f.paper_id = p.id
        ORDER BY j.key`,
      rowsParams: (limit, offset) => [{ match: parsed.match, limit, offset }],
      idsSql: `SELECT id FROM (${ranked('?')} ORDER BY ${order()} LIMIT 100000)`,
      countSql: `SELECT count(*) AS n ${hits('?')}`,
      params: [parsed.match],
      match: parsed.match,
    };
  }
  const hits = `FROM paper_fts WHERE paper_fts MATCH ?`;
  return {
    rowsSql: `WITH page AS MATERIALIZED (SELECT rowid AS id, ${bm25} AS k0 ${hits} ORDER BY ${order()} LIMIT ? OFFSET ?)
      SELECT ${ROW_SELECT_COLUMNS} FROM page JOIN papers p ON p.id = page.id LEFT JOIN pdfs f ON f.paper_id = p.id
      ORDER BY ${order('page.')}`,
    idsSql: `SELECT id FROM (SELECT rowid AS id, ${bm25} AS k0 ${hits} ORDER BY ${order()} LIMIT 100000)`,
    countSql: `SELECT count(*) AS n ${hits}`,
    params: [`(${parsed.match}) ${not || 'AND'} ${dismissed}`],
    match: parsed.match,
  };
}

type Sqlite = ReadDb['$client'];
type Statement = Database.Statement<unknown[]>;
const statements = new WeakMap<Sqlite, Map<string, Statement>>();
const MAX_CACHED = 200;

/** A prepared statement reused per connection (list SQL differs only by which filters are on). */
function prepared(sqlite: Sqlite, sql: string): Statement {
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let st = cache.get(sql);
  if (!st) {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(sql, (st = sqlite.prepare(sql)));
  }
  return st;
}

/**
 * One page of the list. With `matches`, searched rows carry their snippet and score (the app asks
 * for those per visible row instead, via `search:matches`, so a page costs the same for any hit count).
 */
export function listPapers(db: ReadDb, q: PaperQueryParsed, opts: { matches?: boolean } = {}): PaperPage {
  const sqlite = db.$client;
  const sql = buildListSql(db, q);
  const { rowsSql, countSql, params, match } = sql;
  const rows = prepared(sqlite, rowsSql).raw(true).all(...windowParams(sql, q.limit, q.offset)) as RowTuple[];
  // A ranked search counts its hits in the same pass (an extra column, total_hits), and a first
  // page that is not full is the whole list; otherwise the count query answers.
  const n =
    (rows[0]?.[ROW_EXTRA] as number | undefined) ??
    (q.offset === 0 && rows.length < q.limit ? rows.length : (prepared(sqlite, countSql).get(...params) as { n: number }).n);
  const out = paperRows(db, rows);
  if (opts.matches && match && out.length) {
    const matches = matchesFor(
      db,
      match,
      out.map((r) => r.id),
    );
    for (const r of out) {
      const m = matches.get(r.id);
      if (m) r.match = m;
    }
  }
  return { rows: out, total: n };
}

/** All ids of a list query, in list order (select-all acts on the whole list, not the loaded rows). */
export function listPaperIds(db: ReadDb, q: PaperQueryParsed): number[] {
  const { idsSql, params } = buildListSql(db, q);
  return (prepared(db.$client, idsSql).pluck().all(...params) as number[]);
}
