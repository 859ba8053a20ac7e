import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sha256OfBytes } from './storage';
import { makePdf, arxivPaper } from './testing/makePdf';
import { startPdfServer, type PdfServer } from './testing/pdfServer';
import {
  FAST, assertDoneRowsHaveFiles, filesIn, openHarness, pdfOf, removeDir, seedPapers, storedFiles, tempDir, type Harness,
} from './testing/harness';
import { setPdfSettings } from './settings';

let server: PdfServer;
let pdfA: Uint8Array;
let pdfB: Uint8Array;
let dir: string;
let h: Harness;

beforeAll(async () => {
  server = await startPdfServer();
  pdfA = await makePdf({ ...arxivPaper({ id: '2604.11784v2', title: 'ClawGUI', words: 'A wombat crosses the page.' }), padBytes: 300_000 });
  pdfB = await makePdf(arxivPaper({ id: '2604.12000v1', title: 'Second', words: 'Axolotl.' }));
  server.files.set('2604.11784', { bytes: pdfA, version: 2 });
  server.files.set('2604.12000', { bytes: pdfB, version: 1 });
});
afterAll(() => server.close());

beforeEach(() => {
  dir = tempDir();
  h = openHarness(dir, server.url);
  server.requests.length = 0;
});
afterEach(async () => {
  // Whatever happened, no PDF is marked done unless its file exists with the recorded sha256.
  assertDoneRowsHaveFiles(h.library);
  await h.close();
  removeDir(dir);
});

async function drain(x: Harness = h) {
  await x.pdfs.downloads.idle();
  await x.pdfs.text.idle();
}

describe('the download queue', () => {
  it('downloads, stores by sha256, records the version and indexes the full text', async () => {
    const [id] = seedPapers(h.library, [{ arxivId: '2604.11784' }]);
    const states: string[] = [];
    h.events.on('pdf:state', (e) => states.push(e.state));
    expect(h.pdfs.downloads.enqueue([id!])).toEqual({ queued: 1, skipped: [] });
    await drain();
    const row = pdfOf(h.library, id!)!;
    expect(row).toMatchObject({ state: 'done', sha256: sha256OfBytes(pdfA), version: 2, text_state: 'done', pages: 2 });
    expect(row.path).toBe(`pdfs/${row.sha256!.slice(0, 2)}/${row.sha256}.pdf`);
    expect(assertDoneRowsHaveFiles(h.library)).toBe(1);
    expect(states).toEqual(['queued', 'downloading', 'done']);
    expect(server.requests.map((r) => r.id)).toEqual(['2604.11784']);
    const hits = h.library.sqlite.prepare(`SELECT rowid FROM paper_fts WHERE paper_fts MATCH 'wombat'`).all();
    expect(hits).toEqual([{ rowid: id }]);
    // Nothing left behind in the partial folder.
    expect(filesIn(join(dir, 'pdfs', '.partial'))).toEqual([]);
  });

  it('retries 429 (Retry-After), 500 and a dropped connection, resuming the partial file with Range', async () => {
    const [id] = seedPapers(h.library, [{ arxivId: '2604.11784' }]);
    server.plan('2604.11784', ['429', '500', 'truncate']);
    h.pdfs.downloads.enqueue([id!]);
    await drain();
    expect(server.requests.map((r) => r.fault)).toEqual(['429', '500', 'truncate', 'ok']);
    // The retry asks for the rest of what arrived before the connection dropped (at most half).
    const from = Number(/^bytes=(\d+)-$/.exec(server.requests[3]!.range ?? '')?.[1]);
    expect(from).toBeGreaterThan(0);
    expect(from).toBeLessThanOrEqual(Math.floor(pdfA.length / 2));
    expect(pdfOf(h.library, id!)).toMatchObject({ state: 'done', sha256: sha256OfBytes(pdfA), error: null });
    assertDoneRowsHaveFiles(h.library);
  });

  it('a 429 pauses the whole queue until its Retry-After has passed', async () => {
    await h.close();
    h = openHarness(dir, server.url, { ...FAST, concurrency: 1 });
    const ids = seedPapers(h.library, [{ arxivId: '2604.11784' }, { arxivId: '2604.12000' }]);
    server.plan('2604.11784', ['429']);
    h.pdfs.downloads.enqueue(ids);
    await drain();
    const [limited, ...rest] = server.requests;
    expect(limited).toMatchObject({ id: '2604.11784', fault: '429' });
    expect(rest.map((r) => r.id).sort()).toEqual(['2604.11784', '2604.12000']);
    // Retry-After: 1 — nothing was asked of the server in the meantime.
    for (const r of rest) expect(r.at - limited!.at).toBeGreaterThanOrEqual(990);
    expect(ids.map((id) => pdfOf(h.library, id)?.state)).toEqual(['done', 'done']);
  });

  it('a body that ends cleanly but early (no Content-Length) is caught by the missing %%EOF and fetched again', async () => {
    const [id] = seedPapers(h.library, [{ arxivId: '2604.11784' }]);
    server.plan('2604.11784', ['short']);
    h.pdfs.downloads.enqueue([id!]);
    await drain();
    // The short file is not resumed (it cannot be trusted): the retry starts from byte 0.
    expect(server.requests.map((r) => [r.fault, r.range])).toEqual([
      ['short', null],
      ['ok', null],
    ]);
    expect(pdfOf(h.library, id!)).toMatchObject({ state: 'done', sha256: sha256OfBytes(pdfA) });
  });

  it('gives up on a stall after the idle timeout and resumes on the next attempt', async () => {
    const [id] = seedPapers(h.library, [{ arxivId: '2604.11784' }]);
    server.plan('2604.11784', ['stall']);
    h.pdfs.downloads.enqueue([id!]);
    await drain();
    expect(server.requests.map((r) => [r.fault, r.range])).toEqual([
      ['stall', null],
      ['ok', 'bytes=1000-'],
    ]);
    expect(pdfOf(h.library, id!)).toMatchObject({ state: 'done', sha256: sha256OfBytes(pdfA) });
  });

  it('retries an HTML page (an interstitial) and, when it persists, refuses it with a clear reason and stores nothing', async () => {
    const [id] = seedPapers(h.library, [{ arxivId: '2604.11784' }]);
    server.plan('2604.11784', ['html', 'html', 'html', 'html', 'html', 'html']);
    h.pdfs.downloads.enqueue([id!]);
    await drain();
    const row = pdfOf(h.library, id!)!;
    expect(row.state).toBe('failed');
    expect(row.error).toMatch(/HTML page \("arXiv is temporarily unavailable"\), not a PDF/);
    expect(server.requests.length).toBeGreaterThan(1);
    expect(row.sha256).toBeNull();
    expect(storedFiles(dir)).toEqual([]);
  });

  it('marks a paper failed after the last attempt, with the reason', async () => {
    const [id] = seedPapers(h.library, [{ arxivId: '2604.11784' }]);
    server.plan('2604.11784', ['500', '500', '500', '500', '500', '500']);
    h.pdfs.downloads.enqueue([id!]);
    await drain();
    expect(server.requests).toHaveLength(5);
    expect(pdfOf(h.library, id!)).toMatchObject({ state: 'failed', error: expect.stringMatching(/answered 500/) });
    const job = h.library.sqlite.prepare(`SELECT state, attempts FROM jobs WHERE kind = 'pdf-download'`).get();
    expect(job).toEqual({ state: 'failed', attempts: 5 });
  });

  it('a 404 fails at once', async () => {
    const [id] = seedPapers(h.library, [{ arxivId: '2501.00001' }]);
    h.pdfs.downloads.enqueue([id!]);
    await drain();
    expect(pdfOf(h.library, id!)).toMatchObject({ state: 'failed', error: expect.stringMatching(/no PDF at .*404/) });
    expect(server.requests).toHaveLength(1);
  });

  it('survives a restart: an interrupted job resumes from its partial file', async () => {
    const [id] = seedPapers(h.library, [{ arxivId: '2604.11784' }]);
    server.plan('2604.11784', ['stall']);
    const started = new Promise<void>((ok) => h.events.on('pdf:progress', (e) => e.received >= 1000 && ok()));
    h.pdfs.downloads.enqueue([id!]);
    await started;
    await h.close();
    // A crash leaves the job 'active': the next start puts it back in the queue.
    const { default: Database } = await import('better-sqlite3');
    const raw = new Database(join(dir, 'library.sqlite'));
    raw.prepare(`UPDATE jobs SET state = 'active'`).run();
    raw.prepare(`UPDATE pdfs SET state = 'downloading'`).run();
    raw.close();
    // Leftovers of a crash that belong to no open job are removed at start; the job's partial stays.
    writeFileSync(join(dir, 'pdfs', '.partial', '99-99.part'), 'stale');
    writeFileSync(join(dir, 'pdfs', '.tmp', 'abc.tmp'), 'stale');
    h = openHarness(dir, server.url);
    expect(filesIn(join(dir, 'pdfs', '.tmp'))).toEqual([]);
    expect(filesIn(join(dir, 'pdfs', '.partial'))).toEqual([`${id}-1.part`]);
    await drain();
    expect(server.requests.map((r) => r.range)).toEqual([null, 'bytes=1000-']);
    expect(pdfOf(h.library, id!)).toMatchObject({ state: 'done', sha256: sha256OfBytes(pdfA) });
    assertDoneRowsHaveFiles(h.library);
  });

  it('runs two downloads at a time and skips papers that need nothing', async () => {
    const ids = seedPapers(h.library, [{ arxivId: '2604.11784' }, { arxivId: '2604.12000' }]);
    let maxActive = 0;
    h.events.on('pdf:state', () => (maxActive = Math.max(maxActive, h.pdfs.status().downloads.active)));
    h.pdfs.downloads.enqueue(ids);
    expect(h.pdfs.downloads.enqueue(ids).skipped.map((s) => s.reason)).toEqual(['already queued', 'already queued']);
    await drain();
    expect(maxActive).toBeLessThanOrEqual(2);
    expect(h.pdfs.downloads.enqueue(ids)).toEqual({
      queued: 0,
      skipped: ids.map((id) => ({ id, reason: 'PDF already in the library' })),
    });
    expect(h.pdfs.status().downloads).toMatchObject({ queued: 0, active: 0, done: 2 });
  });

  it('auto-downloads the papers the setting selects', async () => {
    const ids = seedPapers(h.library, [{ arxivId: '2604.11784' }, { arxivId: '2604.12000' }]);
    expect(h.pdfs.downloads.autoQueue(ids).queued).toBe(0); // default: none
    setPdfSettings(h.library.db, { autoDownload: 'starred' });
    h.library.sqlite.prepare('UPDATE papers SET starred = 1 WHERE id = ?').run(ids[1]);
    h.events.emit('papers:changed', { ids });
    await drain();
    expect(pdfOf(h.library, ids[0]!)).toBeUndefined();
    expect(pdfOf(h.library, ids[1]!)?.state).toBe('done');
  });

  it('a stored file that pdf.js cannot parse gets text_state failed and keeps its PDF', async () => {
    const broken = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5000, 0x41), Buffer.from('\n%%EOF\n')]);
    server.files.set('2604.13000', { bytes: broken, version: 1 });
    const [id] = seedPapers(h.library, [{ arxivId: '2604.13000' }]);
    h.pdfs.downloads.enqueue([id!]);
    await drain();
    expect(pdfOf(h.library, id!)).toMatchObject({
      state: 'done',
      text_state: 'failed',
      error: expect.stringMatching(/^Text extraction failed: /),
    });
    expect(h.pdfs.status().text).toEqual({ pending: 0, done: 0, failed: 1 });
  });
});
