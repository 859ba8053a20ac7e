import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SourceSpec } from '../../shared/sync';
import { readSample, atomEntries, atomFeed, fakeArxivId, hfDays, hfItem } from './testing/feeds';
import { startFixtureServer, type Fault, type FixtureServer } from './testing/fixtureServer';
import { harness, snapshot, type Harness } from './testing/harness';

const DAYS = ['2026-11-24', '2026-11-25', '2026-11-26'];
const RANGE: SourceSpec = { kind: 'hf', params: { mode: 'range', from: DAYS[0]!, to: DAYS[2]! } };

let fx: FixtureServer;
const open: Harness[] = [];
const make = (o?: Parameters<typeof harness>[1]) => {
  const h = harness(fx, o);
  open.push(h);
  return h;
};

beforeAll(async () => {
  fx = await startFixtureServer();
});
afterAll(() => fx.close());
afterEach(async () => {
  fx.clearFaults();
  fx.data.hf = hfDays(DAYS, 12);
  fx.data.arxiv = [];
  fx.data.rss.clear();
  fx.requests.length = 0;
  while (open.length) await open.pop()!.close();
});

async function cleanSnapshot(spec: SourceSpec): Promise<unknown> {
  const h = make();
  const run = await h.sync.start({ spec }).done;
  expect(run.status).toBe('done');
  return snapshot(h.library);
}

describe('HF Daily Papers sync', () => {
  beforeAll(() => {
    fx.data.hf = hfDays(DAYS, 12);
  });

  it('pages each day of a range with p and limit until an empty page, and records the run', async () => {
    const h = make();
    const run = await h.sync.start({ spec: RANGE }).done;
    expect(run).toMatchObject({ status: 'done', newCount: 36, updatedCount: 0, unchangedCount: 0, error: null, cursor: null });
    const pages = fx.requests.map((r) => `${r.query.get('date')}:${r.query.get('p')}`);
    expect(pages).toEqual(DAYS.flatMap((d) => [0, 1, 2, 3].map((p) => `${d}:${p}`)));
    expect(fx.requests.every((r) => r.query.get('limit') === '5')).toBe(true);
    const n = h.library.sqlite.prepare('SELECT count(*) AS n FROM papers WHERE hf_featured_on = ?').get(DAYS[1]) as { n: number };
    expect(n.n).toBe(12);
  });

  it('checkpoints the WAL rarely while a run writes, and restores the default after it, done or failed', async () => {
    const h = make();
    const walSetting = () => h.library.sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
    const during: number[] = [];
    h.events.on('sync:progress', () => during.push(walSetting()));
    expect((await h.sync.start({ spec: RANGE }).done).status).toBe('done');
    expect(during.length).toBeGreaterThan(3);
    expect(new Set(during)).toEqual(new Set([16_384]));
    expect(walSetting()).toBe(1000);
    fx.inject({ kind: 'status', status: 500 }, `date=${DAYS[1]}&p=1`, 100);
    expect((await h.sync.start({ spec: RANGE }).done).status).toBe('failed');
    expect(walSetting()).toBe(1000);
  });

  it('asks for a week and a month with week= and month=', async () => {
    const h = make();
    const week = await h.sync.start({ spec: { kind: 'hf', params: { mode: 'week', week: '2026-W48' } } }).done;
    expect(week.newCount).toBe(36); // Mon 23 … Sun 29 Nov
    const month = await h.sync.start({ spec: { kind: 'hf', params: { mode: 'month', month: '2026-11' } } }).done;
    expect(month).toMatchObject({ newCount: 0, unchangedCount: 36 });
    expect(fx.requests.some((r) => r.query.get('week') === '2026-W48')).toBe(true);
    expect(fx.requests.some((r) => r.query.get('month') === '2026-11')).toBe(true);
  });

  it('re-sync refreshes HF counts and never touches state, star, tags, notes or annotations', async () => {
    const h = make();
    await h.sync.start({ spec: RANGE }).done;
    const db = h.library.sqlite;
    const id = fakeArxivId(0);
    const pid = (db.prepare('SELECT id FROM papers WHERE arxiv_id = ?').get(id) as { id: number }).id;
    db.prepare(`UPDATE papers SET state = 'reading', starred = 1 WHERE id = ?`).run(pid);
    db.prepare(`INSERT INTO tags (name, path) VALUES ('mine', 'mine')`).run();
    db.prepare(`INSERT INTO paper_tags (paper_id, tag_id) VALUES (?, 1)`).run(pid);
    db.prepare(`INSERT INTO notes (paper_id, body) VALUES (?, 'my note')`).run(pid);
    db.prepare(`INSERT INTO annotations (id, paper_id, kind, color, page_index, rects, sort_index)
                VALUES ('a1', ?, 'highlight', '#ffd400', 0, '[[1,2,3,4]]', '00000|000000|00000')`).run(pid);
    const day = fx.data.hf.get(DAYS[0]!)!;
    fx.data.hf.set(DAYS[0]!, day.map((it) => ({ ...(it as object), paper: { ...(it as { paper: object }).paper, upvotes: 999 } })));
    const run = await h.sync.start({ spec: RANGE }).done;
    expect(run).toMatchObject({ status: 'done', newCount: 0, updatedCount: 12, unchangedCount: 24 });
    const row = db.prepare('SELECT state, starred, hf_upvotes FROM papers WHERE id = ?').get(pid);
    expect(row).toEqual({ state: 'reading', starred: 1, hf_upvotes: 999 });
    expect(db.prepare('SELECT count(*) AS n FROM paper_tags WHERE paper_id = ?').get(pid)).toEqual({ n: 1 });
    expect(db.prepare('SELECT body FROM notes WHERE paper_id = ?').get(pid)).toEqual({ body: 'my note' });
    expect(db.prepare('SELECT count(*) AS n FROM annotations WHERE paper_id = ?').get(pid)).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM papers').get()).toEqual({ n: 36 });
  });
});

describe('after a fault the library holds exactly what a clean run would', () => {
  beforeAll(() => {
    fx.data.hf = hfDays(DAYS, 12);
  });

  const faults: [string, Fault][] = [
    ['429 with Retry-After', { kind: 'status', status: 429, retryAfter: '0' }],
    ['500', { kind: 'status', status: 500 }],
    ['503', { kind: 'status', status: 503 }],
    ['a stall past the timeout', { kind: 'stall' }],
    ['a truncated body', { kind: 'truncate' }],
    ['malformed data (JSON or XML)', { kind: 'malformed' }],
    ['HTML where data was expected', { kind: 'html' }],
  ];

  it.each(faults)('HF: %s on a middle page', async (_name, fault) => {
    const clean = await cleanSnapshot(RANGE);
    fx.inject(fault, `date=${DAYS[1]}&p=1`, 2);
    const h = make();
    const run = await h.sync.start({ spec: RANGE }).done;
    expect(run).toMatchObject({ status: 'done', newCount: 36, error: null });
    expect(fx.requests.filter((r) => r.fault).length).toBe(2);
    expect(snapshot(h.library)).toEqual(clean);
  });

  it('HF: waits as long as Retry-After asks before asking again', async () => {
    fx.inject({ kind: 'status', status: 429, retryAfter: '1' }, `date=${DAYS[0]}&p=0`);
    const h = make();
    await h.sync.start({ spec: { kind: 'hf', params: { mode: 'day', date: DAYS[0]! } } }).done;
    const [limited, next] = fx.requests;
    expect(limited!.fault).toBe('status');
    expect(next!.at - limited!.at).toBeGreaterThanOrEqual(950);
  });

  it.each(faults.concat([['an empty page inside the results', { kind: 'empty' }]]))('arXiv: %s on a middle page', async (_n, fault) => {
    fx.data.arxiv = atomEntries(10);
    const spec: SourceSpec = { kind: 'arxiv', params: { query: 'cat:cs.LG', max: 10 } };
    const clean = await cleanSnapshot(spec);
    fx.inject(fault, 'start=4', 1);
    const h = make();
    const run = await h.sync.start({ spec }).done;
    expect(run).toMatchObject({ status: 'done', newCount: 10 });
    expect(snapshot(h.library)).toEqual(clean);
  });

  it('a fault that persists fails the run with a clear reason, keeps whole pages only, and the run resumes', async () => {
    const clean = await cleanSnapshot(RANGE);
    fx.inject({ kind: 'status', status: 500 }, `date=${DAYS[1]}&p=1`, 100);
    const h = make();
    const failed = await h.sync.start({ spec: RANGE }).done;
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/Could not get data from 127\.0\.0\.1:\d+ after 4 attempts: HTTP 500/);
    expect(failed.newCount).toBe(17); // day 1 (12) and the first page of day 2 (5)
    expect(h.library.sqlite.prepare('SELECT count(*) AS n FROM papers').get()).toEqual({ n: 17 });
    expect(failed.cursor).toMatchObject({ unit: 1, p: 1 });
    fx.clearFaults();
    const resumed = await h.sync.resume(failed.id).done;
    expect(resumed).toMatchObject({ id: failed.id, status: 'done', newCount: 36, error: null });
    expect(snapshot(h.library)).toEqual(clean);
  });

  it('offline: one clear network message and nothing written', async () => {
    const dead = await startFixtureServer();
    await dead.close();
    const h = harness(dead);
    open.push(h);
    const run = await h.sync.start({ spec: RANGE }).done;
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/^Could not get data from 127\.0\.0\.1:\d+ after 2 attempts: unreachable .*Check your connection/);
    expect(h.library.sqlite.prepare('SELECT count(*) AS n FROM papers').get()).toEqual({ n: 0 });
  });
});

describe('runs are durable', () => {
  beforeAll(() => {
    fx.data.hf = hfDays(DAYS, 12);
  });

  it('a cancelled run stops, keeps its whole pages, and resumes to the clean result', async () => {
    const clean = await cleanSnapshot(RANGE);
    fx.inject({ kind: 'stall' }, `date=${DAYS[1]}&p=0`, 1);
    const h = make({ http: { timeoutMs: 10_000 } });
    const progress: string[] = [];
    h.events.on('sync:progress', (e) => progress.push(e.step));
    const started = h.sync.start({ spec: RANGE });
    await expect.poll(() => fx.requests.some((r) => r.fault === 'stall')).toBe(true);
    expect(h.sync.cancel(started.run.id)).toBe(true);
    const cancelled = await started.done;
    expect(cancelled).toMatchObject({ status: 'cancelled', newCount: 12, error: null });
    expect(progress).toContain(`${DAYS[0]} · page 3 · 12 papers`);
    const resumed = await h.sync.resume(cancelled.id).done;
    expect(resumed).toMatchObject({ status: 'done', newCount: 36 });
    expect(snapshot(h.library)).toEqual(clean);
  });

  it("runs left 'running' by a dead process become 'interrupted' and resume from their cursor", async () => {
    const first = make();
    const lib = first.library;
    const run = await first.sync.start({ spec: RANGE }).done;
    lib.sqlite.prepare(`UPDATE sync_runs SET status = 'running', cursor = '{"unit":2,"p":0,"items":24}' WHERE id = ?`).run(run.id);
    lib.sqlite.prepare(`DELETE FROM papers WHERE hf_featured_on = ?`).run(DAYS[2]);
    const second = make({ library: lib });
    expect(second.sync.isRunning(run.id)).toBe(false);
    expect(lib.sqlite.prepare('SELECT status FROM sync_runs WHERE id = ?').get(run.id)).toEqual({ status: 'interrupted' });
    fx.requests.length = 0;
    const resumed = await second.sync.resume(run.id).done;
    expect(resumed.status).toBe('done');
    expect(fx.requests.every((r) => r.query.get('date') === DAYS[2])).toBe(true);
    expect(lib.sqlite.prepare('SELECT count(*) AS n FROM papers').get()).toEqual({ n: 36 });
  });

  it('refuses to run the same source twice at once', async () => {
    fx.inject({ kind: 'stall' }, /.*/, 1);
    const h = make({ http: { timeoutMs: 10_000 } });
    const a = h.sync.start({ spec: RANGE });
    expect(() => h.sync.start({ spec: RANGE })).toThrow('This source is already syncing');
    h.sync.cancel(a.run.id);
    await a.done;
  });
});

describe('arXiv query API', () => {
  it('pages with start/max_results up to max, pausing between requests', async () => {
    fx.data.arxiv = atomEntries(30);
    const h = make({ arxivDelayMs: 120 });
    const run = await h.sync.start({ spec: { kind: 'arxiv', params: { query: 'cat:cs.LG AND abs:diffusion', max: 10 } } }).done;
    expect(run).toMatchObject({ status: 'done', newCount: 10 });
    const api = fx.requests.filter((r) => r.path === '/api/query');
    expect(api.map((r) => [r.query.get('start'), r.query.get('max_results')])).toEqual([['0', '4'], ['4', '4'], ['8', '2']]);
    expect(api[0]!.query.get('search_query')).toBe('cat:cs.LG AND abs:diffusion');
    for (let i = 1; i < api.length; i++) expect(api[i]!.at - api[i - 1]!.at).toBeGreaterThanOrEqual(110);
  });

  it('turns the HTTP 400 error feed into a failed run with arXiv’s message, without retrying', async () => {
    fx.inject({ kind: 'body', status: 400, body: readSample('arxiv_query_error_400.atom.xml') }, 'search_query', 1);
    const h = make();
    const run = await h.sync.start({ spec: { kind: 'arxiv', params: { query: 'id:abc', max: 10 } } }).done;
    expect(run).toMatchObject({ status: 'failed', error: 'arXiv rejected the query: incorrect id format for abc' });
    expect(fx.requests).toHaveLength(1);
  });

  it('reads a 406 that carries a valid feed, and retries a 406 that does not', async () => {
    fx.data.arxiv = atomEntries(3);
    const spec: SourceSpec = { kind: 'arxiv', params: { query: 'cat:cs.LG', max: 3 } };
    const clean = await cleanSnapshot(spec);
    const feed = atomFeed(fx.data.arxiv, { query: 'cat:cs.LG', start: 0, total: 3 });
    fx.requests.length = 0;
    fx.inject({ kind: 'body', status: 406, body: feed }, 'search_query', 1);
    const h = make();
    expect(await h.sync.start({ spec }).done).toMatchObject({ status: 'done', newCount: 3 });
    expect(fx.requests).toHaveLength(1);
    expect(snapshot(h.library)).toEqual(clean);
    fx.inject({ kind: 'body', status: 406, body: 'Not Acceptable', type: 'text/plain' }, 'search_query', 1);
    const h2 = make();
    expect(await h2.sync.start({ spec }).done).toMatchObject({ status: 'done', newCount: 3 });
    expect(fx.requests).toHaveLength(3);
    expect(snapshot(h2.library)).toEqual(clean);
  });

  it('one paper per arXiv id: arXiv metadata wins over HF, HF counts stay, latest version recorded', async () => {
    const id = fakeArxivId(70_000);
    fx.data.hf = new Map([[DAYS[0]!, [hfItem({ id, title: 'HF title', day: DAYS[0]!, upvotes: 42 })]]]);
    fx.data.arxiv = [{ ...atomEntries(1)[0]!, id, version: 3, title: 'The arXiv title' }];
    const h = make();
    await h.sync.start({ spec: { kind: 'hf', params: { mode: 'day', date: DAYS[0]! } } }).done;
    const run = await h.sync.start({ spec: { kind: 'arxiv', params: { query: 'all:x', max: 5 } } }).done;
    expect(run).toMatchObject({ newCount: 0, updatedCount: 1 });
    const rows = h.library.sqlite.prepare('SELECT title, latest_version, hf_upvotes FROM papers').all();
    expect(rows).toEqual([{ title: 'The arXiv title', latest_version: 3, hf_upvotes: 42 }]);
  });
});

describe('arXiv RSS', () => {
  it('joins categories with + and keeps each announce type', async () => {
    fx.data.rss.set('cs.LG+cs.AI', [
      { id: fakeArxivId(80_000), version: 1, title: 'New one', abstract: 'a', authors: ['A B'], categories: ['cs.LG'], announceType: 'new' },
      { id: fakeArxivId(80_001), version: 2, title: 'Replaced', abstract: 'b', authors: ['C D'], categories: ['cs.AI'], announceType: 'replace' },
      { id: fakeArxivId(80_002), version: 1, title: 'Crossed', abstract: 'c', authors: ['E F'], categories: ['stat.ML', 'cs.LG'], announceType: 'cross' },
    ]);
    const h = make();
    const run = await h.sync.start({ spec: { kind: 'rss', params: { categories: ['cs.LG', 'cs.AI'] } } }).done;
    expect(run).toMatchObject({ status: 'done', newCount: 3 });
    expect(fx.requests[0]!.path).toBe('/rss/cs.LG+cs.AI');
    const types = h.library.sqlite
      .prepare(`SELECT p.title, s.source_key, s.announce_type FROM paper_sources s JOIN papers p ON p.id = s.paper_id ORDER BY p.title`)
      .all();
    expect(types).toEqual([
      { title: 'Crossed', source_key: 'rss:cs.LG+cs.AI', announce_type: 'cross' },
      { title: 'New one', source_key: 'rss:cs.LG+cs.AI', announce_type: 'new' },
      { title: 'Replaced', source_key: 'rss:cs.LG+cs.AI', announce_type: 'replace' },
    ]);
  });
});
