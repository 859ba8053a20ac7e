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

describe('PDF downloads over a faulty network', () => {
  it('every PDF arrives whole after retries and at most one re-run; no partial file is ever stored', async () => {
    const { startPdfServer } = await import('../pdfs/testing/pdfServer');
    const { makePdf } = await import('../pdfs/testing/makePdf');
    const { createCore } = await import('../core/createCore');
    const { upsertListings } = await import('../library/listings');
    const { mkdtempSync, readdirSync, readFileSync, statSync, existsSync } = await import('node:fs');
    const { createHash } = await import('node:crypto');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');

    const pdfs = await startPdfServer({ retryAfterSeconds: 0 });
    const ids = Array.from({ length: 32 }, (_, i) => fakeArxivId(40_000 + i));
    const next = (() => {
      let a = 77;
      return () => {
        a = (a * 1103515245 + 12345) % 2 ** 31;
        return a / 2 ** 31;
      };
    })();
    const kinds = ['429', '500', 'truncate', 'html', 'stall'] as const;
    for (const [i, id] of ids.entries()) {
      pdfs.files.set(id, { bytes: await makePdf({ title: `PDF ${i}`, pages: [[`page one of ${id}`], ['page two']], padBytes: 60_000 }), version: 1 });
      // 30% of attempts fail, drawn per attempt with a fixed seed.
      pdfs.plan(id, Array.from({ length: 6 }, () => (next() < 0.3 ? kinds[Math.floor(next() * kinds.length)]! : 'ok')).filter((f, k, all) => all.slice(0, k + 1).every((x) => x !== 'ok')));
    }
    const dir = mkdtempSync(join(tmpdir(), 'papershelf-faulty-pdf-'));
    const core = createCore({
      libraryDir: dir,
      transport: 'ipc',
      env: { PAPERSHELF_ARXIV_URL: pdfs.url, PAPERSHELF_PDF_BACKOFF_MS: '5', PAPERSHELF_PDF_TIMEOUT_MS: '300' },
    });
    const { ids: paperIds } = upsertListings(
      core.library.db,
      ids.map((arxivId) => ({ arxivId, version: 1, title: `Paper ${arxivId}`, abstract: null, authors: [{ name: 'Ada Lovelace' }], publishedAt: '2026-11-20', authoritative: true })),
      { sourceKey: 'faulty' },
    );
    await core.handlers['pdfs:download']({ ids: paperIds, force: false });
    await core.pdfs.downloads.idle();
    const failed = (core.library.sqlite.prepare(`SELECT paper_id FROM pdfs WHERE state != 'done'`).all() as { paper_id: number }[]).map((r) => r.paper_id);
    if (failed.length) {
      await core.handlers['pdfs:download']({ ids: failed, force: false });
      await core.pdfs.downloads.idle();
    }
    const rows = core.library.sqlite.prepare(`SELECT state, path, sha256 FROM pdfs`).all() as { state: string; path: string; sha256: string }[];
    expect(core.library.sqlite.prepare(`SELECT state, error FROM pdfs WHERE state != 'done'`).all()).toEqual([]);
    for (const r of rows) expect(createHash('sha256').update(readFileSync(join(dir, r.path))).digest('hex')).toBe(r.sha256);
    // The store holds exactly these files, each whole (named by its own hash).
    const stored: string[] = [];
    for (const sub of readdirSync(join(dir, 'pdfs'))) {
      if (sub.startsWith('.') || !statSync(join(dir, 'pdfs', sub)).isDirectory()) continue;
      for (const f of readdirSync(join(dir, 'pdfs', sub))) {
        expect(createHash('sha256').update(readFileSync(join(dir, 'pdfs', sub, f))).digest('hex') + '.pdf').toBe(f);
        stored.push(f);
      }
    }
    expect(stored.sort()).toEqual(rows.map((r) => `${r.sha256}.pdf`).sort());
    const faults = pdfs.requests.filter((r) => r.fault !== 'ok').length;
    expect(faults / pdfs.requests.length).toBeGreaterThan(0.15);
    expect(existsSync(join(dir, 'library.sqlite'))).toBe(true);
    await core.dispose();
    await pdfs.close();
  }, 120_000);
});
