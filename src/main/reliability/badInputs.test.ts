/**
 * A corpus of bad inputs — broken PDFs, broken feeds, broken .bib/.ris — run through the core the
 * way the app and the CLI run them. Each gives a clear error (never an internal one), the core
 * keeps working, and nothing already in the library is lost.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { createCore, type Core } from '../core/createCore';
import { makePdf, arxivPaper } from '../pdfs/testing/makePdf';
import { upsertListings } from '../library/listings';
import { dumpData } from './dump';

const ENCRYPTED = resolve(import.meta.dirname, '../../../e2e/data/encrypted.pdf');

/** The user's data that must survive every bad input untouched. */
function userData(core: Core): unknown {
  const t = dumpData(core.library.sqlite).tables;
  return { notes: t.notes, annotations: t.annotations, tags: t.tags, paper_tags: t.paper_tags, seeded: t.papers?.filter((p) => p.arxiv_id === '2601.00001') };
}

/** Run `fn`; a failure must be an AppError with a message a person can act on. */
async function clearOutcome<T>(fn: () => Promise<T> | T): Promise<{ ok: true; value: T } | { ok: false; error: AppError }> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(AppError);
    const err = e as AppError;
    expect(err.type).not.toBe('internal');
    expect(err.message.length).toBeGreaterThan(10);
    return { ok: false, error: err };
  }
}

let core: Core;
let dir: string;
let files: string;
let before: unknown;
let feed: Server;
let feedBody: Buffer = Buffer.from('[]');
let feedType = 'application/json';

beforeAll(async () => {
  feed = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const first = url.pathname === '/api/query' ? url.searchParams.get('start') === '0' : url.searchParams.get('p') === '0';
    res.writeHead(200, { 'content-type': feedType });
    res.end(first || url.pathname.startsWith('/rss') ? feedBody : url.pathname === '/api/query' ? Buffer.from('<feed xmlns="http://www.w3.org/2005/Atom"></feed>') : Buffer.from('[]'));
  });
  await new Promise<void>((ok) => feed.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(feed.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'papershelf-bad-'));
  files = mkdtempSync(join(tmpdir(), 'papershelf-bad-files-'));
  core = createCore({
    libraryDir: dir,
    transport: 'ipc',
    env: { PAPERSHELF_HF_URL: url, PAPERSHELF_ARXIV_API_URL: `${url}/api/query`, PAPERSHELF_ARXIV_RSS_URL: url, PAPERSHELF_ARXIV_DELAY_MS: '0', PAPERSHELF_HTTP_RETRIES: '1', PAPERSHELF_HTTP_RETRY_MS: '1' },
  });
  const { ids } = upsertListings(core.library.db, [{ arxivId: '2601.00001', version: 1, title: 'A paper I care about', abstract: 'Kept.', authors: [{ name: 'Ada Lovelace' }], publishedAt: '2026-01-01', authoritative: true }], { sourceKey: 'seed' });
  await core.handlers['notes:save']({ paperId: ids[0]!, body: 'Years of notes. Σ naïve' });
  await core.handlers['annotations:save']({ annotations: [{ id: 'keep-1', paperId: ids[0]!, kind: 'highlight', color: '#ffd400', pageIndex: 0, rects: [[1, 2, 3, 4]], text: 'quoted', comment: 'mine', sortIndex: '00000|000000|00000' }] });
  await core.handlers['papers:addTags']({ ids: [ids[0]!], paths: ['keep'] });
  before = userData(core);
}, 60_000);

afterAll(async () => {
  expect(userData(core)).toEqual(before);
  expect(core.library.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  await core.dispose();
  await new Promise<void>((ok) => feed.close(() => ok()));
});

describe('bad PDF files', () => {
  async function importFile(name: string, bytes: Uint8Array | string) {
    const file = join(files, name);
    writeFileSync(file, bytes);
    return clearOutcome(() => core.handlers['pdfs:importFiles']({ paths: [file] }));
  }

  it('zero-byte, truncated, HTML-disguised and garbage files are refused with the reason', async () => {
    const good = await makePdf(arxivPaper({ id: '2601.00002', title: 'Truncated paper' }));
    const cases: [string, Uint8Array | string, RegExp][] = [
      ['empty.pdf', new Uint8Array(), /empty|zero|0 bytes/i],
      ['truncated.pdf', good.subarray(0, Math.floor(good.length / 2)), /truncated|incomplete|%%EOF|damaged|not a complete/i],
      ['page.pdf', '<!doctype html><html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>', /HTML/],
      ['noise.pdf', 'PK\u0003\u0004 this is a zip file, not a PDF', /not a PDF/i],
    ];
    for (const [name, bytes, reason] of cases) {
      const r = await importFile(name, bytes);
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.error.message, name).toMatch(reason);
    }
  });

  it('a PDF with a broken cross-reference table is either repaired by pdf.js or refused, never a crash', async () => {
    const good = Buffer.from(await makePdf(arxivPaper({ id: '2601.00003', title: 'Wrong xref' })));
    const text = good.toString('latin1').replace(/startxref\s+\d+/, 'startxref\n999999');
    const r = await importFile('wrong-xref.pdf', Buffer.from(text, 'latin1'));
    if (r.ok) expect(r.value[0]!.arxivId).toBe('2601.00003');
  });

  it('an encrypted PDF is kept as a file (its text waits for the password), with no crash', async () => {
    const r = await importFile('encrypted.pdf', readFileSync(ENCRYPTED));
    if (!r.ok) expect(r.error.message).toMatch(/password|encrypt/i);
  });

  it('the core still imports a good PDF afterwards', async () => {
    const r = await importFile('good.pdf', await makePdf(arxivPaper({ id: '2601.00004', title: 'A good paper' })));
    expect(r.ok).toBe(true);
  });
});

describe('bad feeds', () => {
  async function syncWith(body: Buffer | string, type: string, spec: Parameters<Core['handlers']['sync:run']>[0]) {
    feedBody = Buffer.isBuffer(body) ? body : Buffer.from(body);
    feedType = type;
    const started = await core.handlers['sync:run'](spec);
    const runs = async () => (await core.handlers['sync:runs']({ limit: 5 })).find((r) => r.id === started.id)!;
    await expect.poll(async () => (await runs()).status, { timeout: 20_000 }).not.toBe('running');
    return runs();
  }
  const hfDay = { spec: { kind: 'hf' as const, params: { mode: 'day' as const, date: '2026-11-20' } } };
  const item = (id: string, title: string, extra: Record<string, unknown> = {}) => ({
    paper: { id, title, summary: 'An abstract.', authors: [{ name: 'Grace Hopper' }], publishedAt: '2026-11-20T00:00:00.000Z', submittedOnDailyAt: '2026-11-20T13:00:00.000Z', upvotes: 3, ...extra },
    numComments: 0,
  });

  it('invalid UTF-8 in a JSON feed is decoded with replacement characters, not a crash', async () => {
    const json = JSON.stringify([item('2611.20001', 'Caf__ paper')]);
    const bytes = Buffer.from(json, 'utf8');
    const i = bytes.indexOf('__');
    bytes[i] = 0xc3;
    bytes[i + 1] = 0x28; // an invalid two-byte sequence
    const run = await syncWith(bytes, 'application/json', hfDay);
    expect(run.status).toBe('done');
    const row = core.library.sqlite.prepare(`SELECT title FROM papers WHERE arxiv_id = '2611.20001'`).get() as { title: string };
    expect(row.title).toMatch(/^Caf.*paper$/);
  });

  it('items with missing fields are skipped and the rest imported; a giant field is stored whole', async () => {
    const giant = 'x'.repeat(2_000_000);
    const body = JSON.stringify([{ paper: { title: 'no id' } }, { nope: true }, item('2611.20002', 'Giant abstract', { summary: giant }), item('2611.20003', 'Fine')]);
    const run = await syncWith(body, 'application/json', hfDay);
    expect(run.status).toBe('done');
    const abs = core.library.sqlite.prepare(`SELECT length(abstract) AS n FROM papers WHERE arxiv_id = '2611.20002'`).get() as { n: number };
    expect(abs.n).toBe(giant.length);
    expect(core.library.sqlite.prepare(`SELECT 1 FROM papers WHERE arxiv_id = '2611.20003'`).get()).toBeTruthy();
  });

  it('a feed that is not JSON, or XML that is cut off, fails the run with its reason and writes nothing', async () => {
    const count = () => (core.library.sqlite.prepare('SELECT count(*) AS n FROM papers').get() as { n: number }).n;
    const n = count();
    const html = await syncWith('<!doctype html><title>Oops</title>', 'text/html', hfDay);
    expect(html.status).toBe('failed');
    expect(html.error).toMatch(/HTML|JSON|not/i);
    const atom = await syncWith('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2611.20004v1</id><title>Cut', 'application/atom+xml', {
      spec: { kind: 'arxiv', params: { query: 'cat:cs.LG', max: 10 } },
    });
    expect(atom.status).toBe('failed');
    expect(atom.error).toBeTruthy();
    expect(count()).toBe(n);
  });
});

describe('bad .bib and .ris files', () => {
  it('broken entries are reported by line and the good ones still import', async () => {
    const bib = [
      '@misc{good1, title = {Good {BibTeX} entry}, author = {Lovelace, Ada}, year = {2024}, eprint = {2401.11111}, archivePrefix = {arXiv}}',
      '',
      '@article{broken, title = {Unclosed brace, author = {Nobody}',
      '',
      '@misc{good2, title = {Second good entry}, author = {Hopper, Grace}, year = {2023}}',
    ].join('\n');
    const r = await clearOutcome(() => core.handlers['import:bib']({ text: bib }));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.imported).toBeGreaterThanOrEqual(1);
      expect(r.value.errors.length).toBeGreaterThanOrEqual(1);
      expect(r.value.errors[0]!.line).toBeGreaterThan(0);
    }
    const ris = ['TY  - JOUR', 'TI  - A good RIS record', 'AU  - Turing, Alan', 'PY  - 2020', 'ER  - ', '', 'TI  - A record without its type', 'ER  - ', ''].join('\n');
    const r2 = await clearOutcome(() => core.handlers['import:ris']({ text: ris }));
    expect(r2.ok).toBe(true);
    if (r2.ok) {
      expect(r2.value.imported).toBe(1);
      expect(r2.value.errors[0]).toMatchObject({ line: 7, message: expect.stringMatching(/outside a record/) });
    }
    const garbage = await clearOutcome(() => core.handlers['import:bib']({ text: '\u0000\u0001 not bibtex at all {{{' }));
    if (garbage.ok) expect(garbage.value.imported).toBe(0);
  });
});
