/**
 * Each source kind as an async series of pages, resumable from a cursor. A page carries its
 * listings, the paper_sources key, the cursor of the NEXT page (written with the page in one
 * transaction) and progress. The runner (service.ts) does the writing.
 */
import { AppError } from '../../shared/errors';
import type { ArxivParams, HfParams, RssParams, SourceSpec } from '../../shared/sync';
import type { SourceUrls } from '../core/config';
import type { Listing } from '../library/listings';
import { parseArxivAtom } from './arxivAtom';
import { parseArxivRss } from './arxivRss';
import { HF_PAGE_LIMIT, hfPageUrl, hfUnits, parseHfPage } from './hfClient';
import { getParsed, sleep, type HttpOptions } from './http';

export type Cursor = Record<string, unknown>;

export interface SyncPage {
  listings: Listing[];
  sourceKey: string;
  /** Where to continue after this page. */
  next: Cursor;
  progress: { step: string; current: number; total: number | null };
}

export interface SourceContext {
  urls: SourceUrls;
  http: HttpOptions;
  signal: AbortSignal;
  /** Page sizes (tests use small ones). */
  hfLimit?: number;
  arxivPageSize?: number;
  onRetry?: (message: string) => void;
}

const num = (c: Cursor | null, k: string) => (typeof c?.[k] === 'number' ? (c[k] as number) : 0);

const retryNote = (ctx: SourceContext) => (i: { attempt: number; delayMs: number; reason: string }) =>
  ctx.onRetry?.(`retry ${i.attempt} in ${(i.delayMs / 1000).toFixed(1)} s: ${i.reason}`);

async function* hfPages(params: HfParams, cursor: Cursor | null, ctx: SourceContext): AsyncGenerator<SyncPage> {
  const units = hfUnits(params);
  const limit = ctx.hfLimit ?? HF_PAGE_LIMIT;
  let items = num(cursor, 'items');
  for (let u = num(cursor, 'unit'), p = num(cursor, 'p'); u < units.length; u++, p = 0) {
    const unit = units[u]!;
    for (;;) {
      const page = await getParsed(hfPageUrl(ctx.urls.hf, unit, p, limit), {
        http: ctx.http,
        signal: ctx.signal,
        parse: (r) => parseHfPage(r.body),
        onRetry: retryNote(ctx),
      });
      if (page.count === 0) break;
      p++;
      items += page.listings.length;
      yield {
        listings: page.listings,
        sourceKey: unit.sourceKey,
        next: { unit: u, p, items },
        // Within a series the page count is unknown: creep towards the end of the series.
        progress: { step: `${unit.value} · page ${p} · ${items} papers`, current: u + 1 - 1 / (p + 1), total: units.length },
      };
    }
  }
}

const ARXIV_PAGE = 100;

async function* arxivPages(params: ArxivParams, cursor: Cursor | null, ctx: SourceContext): AsyncGenerator<SyncPage> {
  let start = num(cursor, 'start');
  let requests = 0;
  const size = ctx.arxivPageSize ?? ARXIV_PAGE;
  while (start < params.max) {
    // arXiv asks for one request every 3 seconds; a resumed run may follow a recent request.
    if (requests++ > 0 || cursor) await sleep(ctx.urls.arxivDelayMs, ctx.signal);
    const n = Math.min(size, params.max - start);
    const url =
      `${ctx.urls.arxivApi}?search_query=${encodeURIComponent(params.query)}` +
      `&start=${start}&max_results=${n}&sortBy=submittedDate&sortOrder=descending`;
    const page = await getParsed(url, {
      http: ctx.http,
      signal: ctx.signal,
      // 400 carries arXiv's error feed; 406 has been seen with a valid feed in the body.
      acceptStatus: (s) => s === 400 || s === 406,
      parse: (r) => {
        const pg = parseArxivAtom(r.body);
        if (r.status === 400) throw new AppError('bad-input', 'arXiv rejected the query (HTTP 400)');
        // arXiv sporadically answers an empty page inside the results; asking again fixes it.
        if (pg.entries === 0 && start > 0 && pg.totalResults !== null && start < pg.totalResults) {
          throw new Error(`empty page at ${start} of ${pg.totalResults}`);
        }
        return pg;
      },
      onRetry: retryNote(ctx),
    });
    if (page.entries === 0) return;
    start += page.entries;
    const total = page.totalResults === null ? params.max : Math.min(params.max, page.totalResults);
    yield {
      listings: page.listings,
      sourceKey: `arxiv:${params.query}`,
      next: { start },
      progress: { step: `${Math.min(start, total)} of ${total}`, current: Math.min(start, total), total },
    };
    if (start >= total) return;
  }
}

async function* rssPages(params: RssParams, _cursor: Cursor | null, ctx: SourceContext): AsyncGenerator<SyncPage> {
  const cats = params.categories.join('+');
  const listings = await getParsed(`${ctx.urls.arxivRss}/rss/${cats}`, {
    http: ctx.http,
    signal: ctx.signal,
    parse: (r) => parseArxivRss(r.body),
    onRetry: retryNote(ctx),
  });
  yield { listings, sourceKey: `rss:${cats}`, next: { done: true }, progress: { step: `${listings.length} announcements`, current: 1, total: 1 } };
}

export function pagesOf(spec: SourceSpec, cursor: Cursor | null, ctx: SourceContext): AsyncGenerator<SyncPage> {
  if (spec.kind === 'hf') return hfPages(spec.params, cursor, ctx);
  if (spec.kind === 'arxiv') return arxivPages(spec.params, cursor, ctx);
  if (cursor?.done) return (async function* () {})();
  return rssPages(spec.params, cursor, ctx);
}

/** Throw a bad-input AppError now, before a run is recorded, if the spec cannot run at all. */
export function validateSpec(spec: SourceSpec): void {
  if (spec.kind === 'hf') hfUnits(spec.params);
}

/**
 * Ask for the next page as soon as the current one is handed out, so the network fetch overlaps
 * the caller's write. A page fetched ahead of a cancel or failure is simply dropped.
 */
export async function* readAhead<T>(gen: AsyncGenerator<T>): AsyncGenerator<T> {
  let pending = gen.next();
  try {
    for (;;) {
      const r = await pending;
      if (r.done) return;
      pending = gen.next();
      pending.catch(() => undefined);
      // One turn of the event loop, so the next request is on the wire before the caller's
      // synchronous write of this page (Node's HTTP client sends on a later tick).
      await new Promise((ok) => setImmediate(ok));
      yield r.value;
    }
  } finally {
    void gen.return(undefined).catch(() => undefined);
  }
}
