/**
 * Library figures (#4) on a 100,000-paper library: search (FTS5 + bm25 + snippets, first page and
 * total) against the same queries as a LIKE scan, sort and filter changes, and — in browser mode
 * with Playwright + Chromium — time from load to first rows and the number of rows in the DOM.
 */
import { loadavg } from 'node:os';
import { PaperQuerySchema, type PaperQuery } from '../src/shared/ipc/contract';
import { openLibrary, type Library } from '../src/main/db/client';
import { listPapers } from '../src/main/db/queries/paperList';
import { parseSearch, tokenize } from '../src/main/db/queries/searchQuery';
import { ROW_SELECT_COLUMNS } from '../src/main/db/queries/papers';
import { matchesForSearch } from '../src/main/db/queries/search';
import { rankFunction } from '../src/main/db/rank/extension';
import { measureBrowser } from './libraryBrowser';
import { seededLibraryCopy } from './librarySeed';
import { median, percentile, type BenchRow } from './table';

const N = 100_000;
const SUITE = 'library';

/** A fixed query set: single words, phrases, field prefixes, a typed prefix, a rare name. */
export const QUERIES = [
  'diffusion',
  'protein folding',
  '"language modeling"',
  'author:nguyen',
  'title:survey',
  'robot manipulation',
  'contrastive representations',
  'calibration',
  'quantum chemistry year:2024',
  'transfor',
  'zero-shot segmentation',
  'Schmidt',
];

function time<T>(fn: () => T): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

const list = (lib: Library, q: PaperQuery) => listPapers(lib.db, PaperQuerySchema.parse(q));

/** The app's page size (libraryStore PAGE_SIZE) and the rows a first screen shows. */
const PAGE = 200;
const VISIBLE = 25;

/** What the app does for a search: the first page of matching papers (ranked) + the total. */
function search(lib: Library, text: string): number {
  return list(lib, { search: text, sort: 'relevance', limit: PAGE }).total;
}

/** Then, as the app does via `search:matches`: snippets for the visible rows only. */
function snippets(lib: Library, text: string, ids: number[]): void {
  matchesForSearch(lib.db, text, ids);
}

/**
 * The same user-visible result without the index: the first page of matching papers with the same
 * row columns as the list, plus the total, by LIKE over the same text the search box searches
 * (title, abstract, authors, AI keywords, the note, annotation text and comments, PDF page text).
 * Field prefixes (`title:`, `author:`) narrow the columns and `year:` filters, as in the search
 * box; the page is ordered by date (LIKE has no relevance). Words are substrings, so hit counts
 * differ slightly from the stemmed FTS5 counts; both are reported.
 */
/** Text held outside the papers row: annotations (text, comment) and PDF pages. */
const ATTACHED_TEXT = [
  'EXISTS (SELECT 1 FROM annotations a WHERE a.paper_id = p.id AND (a.text LIKE ? OR a.comment LIKE ?))',
  `EXISTS (SELECT 1 FROM pdfs f JOIN pdf_pages pp ON pp.pdf_id = f.id WHERE f.paper_id = p.id AND f.text_state = 'done' AND pp.text LIKE ?)`,
];

function likeScan(lib: Library, text: string): number {
  const all = ['p.title', 'p.abstract', 'p.authors_text', 'p.hf_ai_keywords', 'n.body'];
  const conds: string[] = [`p.state != 'dismissed'`];
  const params: unknown[] = [];
  for (const t of tokenize(text)) {
    if (t.field === 'year') {
      const y = /^(\d{4})$/.exec(t.value);
      if (y) {
        conds.push('p.published_at >= ? AND p.published_at < ?');
        params.push(y[1], String(Number(y[1]) + 1));
      }
      continue;
    }
    const cols = t.field === 'title' ? ['p.title'] : t.field === 'authors' ? ['p.authors_text'] : all;
    const phrase = parseSearch(t.quoted ? `"${t.value}"` : t.value).terms.join(' ');
    if (!phrase || t.field === 'tag') continue;
    const likes = cols.map((c) => `coalesce(${c}, '') LIKE ?`);
    if (cols === all) likes.push(...ATTACHED_TEXT);
    conds.push(`${t.negated ? 'NOT ' : ''}(${likes.join(' OR ')})`);
    params.push(...likes.flatMap((l) => Array.from(l.matchAll(/\?/g), () => `%${phrase}%`)));
  }
  const from = `papers p LEFT JOIN notes n ON n.paper_id = p.id WHERE ${conds.join(' AND ')}`;
  lib.sqlite
    .prepare(`WITH page AS (SELECT p.id AS id, p.published_at AS k FROM ${from} ORDER BY p.published_at DESC, p.id DESC LIMIT ?)
      SELECT ${ROW_SELECT_COLUMNS} FROM page JOIN papers p ON p.id = page.id LEFT JOIN pdfs f ON f.paper_id = p.id ORDER BY page.k DESC, p.id DESC`)
    .all(...params, PAGE);
  return (lib.sqlite.prepare(`SELECT count(*) AS n FROM ${from}`).get(...params) as { n: number }).n;
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [
    { suite: SUITE, measure: 'machine load average (1 min) at start — figures are noisy when high', value: loadavg()[0]!, unit: '' },
  ];
  const copy = seededLibraryCopy(N);
  if (copy.seededMs !== null)
    rows.push({ suite: SUITE, measure: `seed ${N.toLocaleString()} papers (one transaction)`, value: copy.seededMs / 1000, unit: 's' });
  const lib = openLibrary(copy.dir);
  rows.push({ suite: SUITE, measure: `search ranks with ${rankFunction(lib.sqlite)}() (papershelf_bm25: the rank extension, exact bm25)`, value: 0, unit: '' });
  try {
    // Warm the page cache the way a running app would be.
    list(lib, { limit: 200 });
    for (const q of QUERIES) search(lib, q);
    for (const q of QUERIES) likeScan(lib, q);

    const hits = QUERIES.map((q) => search(lib, q));
    const likeHits = QUERIES.map((q) => likeScan(lib, q));
    const visible = QUERIES.map((q) => list(lib, { search: q, sort: 'relevance', limit: VISIBLE }).rows.map((r) => r.id));
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    rows.push(
      {
        suite: SUITE,
        measure: `search hits per query (FTS5): min ${Math.min(...hits)}, median ${median(hits)}, max ${Math.max(...hits)} (of ${N.toLocaleString()})`,
        value: sum(hits) / hits.length,
        unit: 'avg',
      },
      {
        suite: SUITE,
        measure: `same queries by LIKE (substring, unstemmed): min ${Math.min(...likeHits)}, median ${median(likeHits)}, max ${Math.max(...likeHits)}`,
        value: sum(likeHits) / likeHits.length,
        unit: 'avg',
      },
    );
    // Alternate the two sides by rounds so machine noise hits both alike. Within a round each side
    // runs its queries as a block: interleaving them per query would charge the LIKE scan's pass
    // over the whole database (which evicts the search index from SQLite's page cache) to the
    // search that follows it, a state the app, which has no LIKE scan, is never in.
    const fts: number[] = [];
    const like: number[] = [];
    const snip: number[] = [];
    for (let rep = 0; rep < 5; rep++) {
      QUERIES.forEach((q, i) => {
        fts.push(time(() => search(lib, q)));
        snip.push(time(() => snippets(lib, q, visible[i]!)));
      });
      if (rep < 3) for (const q of QUERIES) like.push(time(() => likeScan(lib, q)));
    }
    const ftsP95 = percentile(fts, 95);
    const speedup = median(like) / median(fts);
    const what = `first page of ${PAGE} matching papers (list row columns) + total`;
    rows.push(
      { suite: SUITE, measure: `search median (${QUERIES.length} queries ×5; FTS5 bm25-ranked ${what})`, value: median(fts), unit: 'ms' },
      { suite: SUITE, measure: 'search p95', value: ftsP95, unit: 'ms', goal: '≤ 20 ms', ok: ftsP95 <= 20 },
      { suite: SUITE, measure: `same queries as LIKE scan, median (×3; date-ordered ${what})`, value: median(like), unit: 'ms' },
      { suite: SUITE, measure: 'same queries as LIKE scan, p95', value: percentile(like, 95), unit: 'ms' },
      { suite: SUITE, measure: 'search speed-up over LIKE (median/median, same result shape)', value: speedup, unit: '×', goal: '≥ 50×', ok: speedup >= 50 },
      { suite: SUITE, measure: `snippets + where-matched for the ${VISIBLE} visible rows (search:matches), median`, value: median(snip), unit: 'ms' },
      { suite: SUITE, measure: 'snippets for the visible rows, p95', value: percentile(snip, 95), unit: 'ms' },
    );

    // The rank extension keeps the index's row sizes per connection: a write that leaves the index
    // alone keeps them; after one that changes it (a new paper, an edited note) the first search
    // looks sizes up per row and the second reads them all again.
    const afterWrite = (sql: string) => {
      const first: number[] = [];
      const second: number[] = [];
      for (let i = 0; i < 5; i++) {
        lib.sqlite.prepare(sql).run(i);
        first.push(time(() => search(lib, 'calibration')));
        second.push(time(() => search(lib, 'calibration')));
      }
      return [median(first), median(second)] as const;
    };
    const [starFirst] = afterWrite('UPDATE papers SET starred = ? % 2 WHERE id = 1');
    const [changeFirst, changeSecond] = afterWrite(`UPDATE papers SET title = 'Calibration ' || ? WHERE id = 1`);
    rows.push(
      { suite: SUITE, measure: 'search right after a write that leaves the index alone (star a paper), median', value: starFirst, unit: 'ms' },
      { suite: SUITE, measure: 'search right after a change to the index (retitle a paper), median', value: changeFirst, unit: 'ms' },
      { suite: SUITE, measure: 'the search after that (reads the row sizes again), median', value: changeSecond, unit: 'ms' },
    );

    const changes: [string, PaperQuery][] = [
      ['sort by title', { sort: 'title', dir: 'asc' }],
      ['sort by first author', { sort: 'authors', dir: 'asc' }],
      ['sort by date', { sort: 'published', dir: 'desc' }],
      ['sort by upvotes', { sort: 'upvotes', dir: 'desc' }],
      ['sort by added', { sort: 'added', dir: 'desc' }],
      ['sort by state', { sort: 'state', dir: 'asc' }],
      ['view Inbox', { view: 'inbox' }],
      ['view Starred', { view: 'starred' }],
      ['filter tag ml (incl. children)', { tagIds: [1] }],
      ['filter tags all-of (ml, to-read)', { tagIds: [1, 16], tagMode: 'all' }],
      ['filter has PDF', { hasPdf: false }],
      ['filter date range 2024', { from: '2024-01-01', to: '2024-12-31' }],
      ['filter source arxiv:cat:cs.CV', { source: 'arxiv:cat:cs.CV' }],
      ['Daily view (one HF day by upvotes)', { featuredOn: '2026-11-27', sort: 'upvotes' }],
    ];
    let worst = 0;
    for (const [name, q] of changes) {
      const ts = Array.from({ length: 5 }, () => time(() => list(lib, { limit: 200, ...q })));
      const m = median(ts);
      worst = Math.max(worst, m);
      rows.push({ suite: SUITE, measure: `${name} (page of 200 + total)`, value: m, unit: 'ms', goal: '≤ 100 ms', ok: m <= 100 });
    }
    const deep = median(Array.from({ length: 3 }, () => time(() => list(lib, { sort: 'title', dir: 'asc', offset: 99_800, limit: 200 }))));
    rows.push({ suite: SUITE, measure: 'jump to the last page of the title sort (offset 99,800)', value: deep, unit: 'ms' });
  } finally {
    lib.close();
  }
  try {
    if (process.env.PAPERSHELF_BENCH_NO_BROWSER) throw new Error('skipped (PAPERSHELF_BENCH_NO_BROWSER set)');
    rows.push(...(await measureBrowser(copy.dir, SUITE)));
  } catch (e) {
    rows.push({ suite: SUITE, measure: `browser mode not measured: ${(e as Error).message.split('\n')[0]}`, value: 0, unit: '' });
  } finally {
    copy.cleanup();
  }
  return rows;
}
