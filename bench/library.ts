/**
 * Library figures (#4) on a 100,000-paper library: search (FTS5 + bm25 + snippets, first page and
 * total) against the same queries as a LIKE scan, sort and filter changes, and — in browser mode
 * with Playwright + Chromium — time from load to first rows and the number of rows in the DOM.
 */
import { loadavg } from 'node:os';
import { PaperQuerySchema, type PaperQuery } from '../src/shared/ipc/contract';
import { openLibrary, type Library } from '../src/main/db/client';
import { listPapers } from '../src/main/db/queries/paperList';
import { parseSearch } from '../src/main/db/queries/searchQuery';
import { matchesForSearch } from '../src/main/db/queries/search';
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

/** What the app does for a search: first page (ranked) + total, then snippets for the first screen. */
function search(lib: Library, text: string): void {
  const page = list(lib, { search: text, sort: 'relevance', limit: 100 });
  matchesForSearch(lib.db, text, page.rows.slice(0, 25).map((r) => r.id));
}

/** The same query as a LIKE scan over the same text columns (what a non-indexed app does). */
function likeScan(lib: Library, text: string): number {
  const words = parseSearch(text).terms;
  const cols = ['p.title', 'p.abstract', 'p.authors_text', 'p.hf_ai_keywords', 'n.body'];
  const where = words.map(() => `(${cols.map((c) => `${c} LIKE ?`).join(' OR ')})`).join(' AND ') || '1';
  const params = words.flatMap((w) => cols.map(() => `%${w}%`));
  const from = `papers p LEFT JOIN notes n ON n.paper_id = p.id WHERE p.state != 'dismissed' AND ${where}`;
  lib.sqlite.prepare(`SELECT p.id, p.title FROM ${from} ORDER BY p.published_at DESC LIMIT 100`).all(...params);
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
  try {
    // Warm the page cache the way a running app would be.
    list(lib, { limit: 200 });
    for (const q of QUERIES) search(lib, q);

    const hits = QUERIES.map((q) => list(lib, { search: q, limit: 1 }).total);
    rows.push({
      suite: SUITE,
      measure: `search hits per query: min ${Math.min(...hits)}, median ${median(hits)}, max ${Math.max(...hits)} (of ${N.toLocaleString()})`,
      value: hits.reduce((a, b) => a + b, 0) / hits.length,
      unit: 'avg',
    });
    const fts: number[] = [];
    for (let rep = 0; rep < 5; rep++)
      for (const q of QUERIES) fts.push(time(() => search(lib, q)));
    const like: number[] = [];
    for (const q of QUERIES) like.push(time(() => likeScan(lib, q)));
    const ftsP95 = percentile(fts, 95);
    const speedup = median(like) / median(fts);
    rows.push(
      { suite: SUITE, measure: `search median (${QUERIES.length} queries ×5: ranked page + total + 25 snippets)`, value: median(fts), unit: 'ms' },
      { suite: SUITE, measure: 'search p95', value: ftsP95, unit: 'ms', goal: '≤ 20 ms', ok: ftsP95 <= 20 },
      { suite: SUITE, measure: 'same queries as LIKE scan, median', value: median(like), unit: 'ms' },
      { suite: SUITE, measure: 'same queries as LIKE scan, p95', value: percentile(like, 95), unit: 'ms' },
      { suite: SUITE, measure: 'search speed-up over LIKE (median/median)', value: speedup, unit: '×', goal: '≥ 50×', ok: speedup >= 50 },
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
    rows.push(...(await measureBrowser(copy.dir, SUITE)));
  } catch (e) {
    rows.push({ suite: SUITE, measure: `browser mode not measured: ${(e as Error).message.split('\n')[0]}`, value: 0, unit: '' });
  } finally {
    copy.cleanup();
  }
  return rows;
}
