/**
 * A faulty network: the fixture server answers 30% of requests, drawn with a fixed seed, with a
 * 429, a 500, a stall past the timeout, a truncated body, malformed content or an HTML page. Sync
 * converges — after its retries and at most one re-run — to exactly what a clean run stores.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceSpec } from '../../shared/sync';
import { atomEntries, hfDays, fakeArxivId } from '../sync/testing/feeds';
import { startFixtureServer, type Fault, type FixtureServer } from '../sync/testing/fixtureServer';
import { harness, snapshot, type Harness } from '../sync/testing/harness';

const FAULTS: Fault[] = [
  { kind: 'status', status: 429, retryAfter: '0' },
  { kind: 'status', status: 500 },
  { kind: 'status', status: 503 },
  { kind: 'stall' },
  { kind: 'truncate' },
  { kind: 'malformed' },
  { kind: 'html' },
];

const SPECS: SourceSpec[] = [
  { kind: 'hf', params: { mode: 'range', from: '2026-11-20', to: '2026-11-26' } },
  { kind: 'arxiv', params: { query: 'cat:cs.LG', max: 60 } },
  { kind: 'rss', params: { categories: ['cs.LG', 'cs.AI'] } },
];

let fx: FixtureServer;

beforeAll(async () => {
  fx = await startFixtureServer();
  fx.data.hf = hfDays(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'], 11);
  fx.data.arxiv = atomEntries(60);
  fx.data.rss.set(
    'cs.LG+cs.AI',
    Array.from({ length: 14 }, (_, i) => ({
      id: fakeArxivId(i % 2 ? 80_000 + i : i), // half overlap with HF papers
      version: 2,
      title: `RSS paper ${i}`,
      abstract: `Abstract ${i}`,
      authors: ['Ada Lovelace', `Person ${i}`],
      categories: ['cs.LG'],
      announceType: i % 3 === 0 ? ('replace' as const) : ('new' as const),
    })),
  );
});
afterAll(() => fx.close());

async function syncAll(h: Harness): Promise<{ reruns: number }> {
  let reruns = 0;
  for (const spec of SPECS) {
    const run = await h.sync.start({ spec }).done;
    if (run.status !== 'done') {
      reruns++;
      const again = await h.sync.resume(run.id).done;
      expect(again.status, `${spec.kind} after one re-run: ${again.error}`).toBe('done');
    }
  }
  return { reruns };
}

describe('sync over a faulty network', () => {
  it.each([1, 2, 3, 4, 5])('converges to the clean result (seed %i)', async (seed) => {
    fx.clearFaults();
    const clean = harness(fx);
    await syncAll(clean);
    const expected = snapshot(clean.library);
    await clean.close();

    fx.requests.length = 0;
    fx.randomFaults(0.3, seed, FAULTS);
    const faulty = harness(fx, { http: { timeoutMs: 150 } });
    await syncAll(faulty);
    const faults = fx.requests.filter((r) => r.fault).length;
    fx.clearFaults();
    expect(faults / fx.requests.length).toBeGreaterThan(0.15);
    expect(snapshot(faulty.library)).toEqual(expected);
    // No duplicates, nothing partial: one row per arXiv id, every paper complete.
    const db = faulty.library.sqlite;
    expect(db.prepare('SELECT count(*) AS n FROM papers').get()).toEqual(db.prepare('SELECT count(DISTINCT arxiv_id) AS n FROM papers').get());
    expect(db.prepare(`SELECT count(*) AS n FROM papers WHERE title = '' OR authors_text = ''`).get()).toEqual({ n: 0 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    await faulty.close();
  });
});
