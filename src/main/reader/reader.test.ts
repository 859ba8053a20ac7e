import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core/createCore';
import { pdfFileResolver } from '../core/handlers/reader';
import { createGate } from '../ipc/gate';
import { startLoopbackServer, type LoopbackServer } from '../http/server';
import { attachPdf, insertPaper } from './attachPdf';

const PDF = new TextEncoder().encode('%PDF-1.4\n' + 'x'.repeat(1000) + '\n%%EOF\n');
let dir: string;
let core: Core;
let paperId: number;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'papershelf-reader-'));
  core = createCore({ libraryDir: dir, transport: 'http', env: {} });
  paperId = insertPaper(core.library.db, 'With a PDF');
});
afterEach(async () => {
  await core.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('reader:open and reader:bytes', () => {
  it('find the content-addressed file and return its bytes and the saved position', async () => {
    const { sha256, path } = attachPdf(core.library.db, dir, paperId, PDF, 1);
    expect(path).toBe(`pdfs/${sha256.slice(0, 2)}/${sha256}.pdf`);
    await core.handlers['reader:savePosition']({ paperId, pageIndex: 3, scale: '1.25', top: 500 });
    const doc = await core.handlers['reader:open']({ paperId });
    expect(doc).toMatchObject({ paperId, sha256, size: PDF.byteLength, url: `/api/pdf/${paperId}`, title: 'With a PDF' });
    expect(doc.position).toEqual({ pageIndex: 3, scale: '1.25', top: 500 });
    const bytes = await core.handlers['reader:bytes']({ paperId });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes).equals(Buffer.from(PDF))).toBe(true);
  });

  it('say clearly when there is no PDF, or its file is gone', async () => {
    const gate = createGate(core.handlers, { log: () => {} });
    expect(await gate('reader:open', { paperId })).toEqual({
      ok: false,
      error: { type: 'not-found', message: 'This paper has no PDF in the library yet.' },
    });
    const { path } = attachPdf(core.library.db, dir, paperId, PDF);
    unlinkSync(join(dir, path));
    const r = await gate('reader:open', { paperId });
    expect(r).toMatchObject({ ok: false, error: { type: 'not-found', message: expect.stringContaining('missing') } });
  });

  it('refuse a path outside the library folder', async () => {
    writeFileSync(join(tmpdir(), 'outside.pdf'), PDF);
    core.library.sqlite
      .prepare(`INSERT INTO pdfs (paper_id, state, path) VALUES (?, 'done', '../outside.pdf')`)
      .run(paperId);
    await expect(core.handlers['reader:bytes']({ paperId })).rejects.toThrow(/outside the library/);
  });
});

describe('GET /api/pdf/<paperId> in browser mode', () => {
  let server: LoopbackServer;
  beforeEach(async () => {
    attachPdf(core.library.db, dir, paperId, PDF);
    server = await startLoopbackServer({
      dispatch: createGate(core.handlers),
      events: core.events,
      files: { pdf: pdfFileResolver(core) },
    });
  });
  afterEach(() => server.close());
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${server.port}${path}`, { headers });
  const auth = () => ({ authorization: `Bearer ${server.token}` });

  it('streams the whole file with the token', async () => {
    const res = await get(`/api/pdf/${paperId}`, auth());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(PDF))).toBe(true);
    const viaQuery = await get(`/api/pdf/${paperId}?token=${server.token}`);
    expect(viaQuery.status).toBe(200);
  });

  it('serves byte ranges', async () => {
    const res = await get(`/api/pdf/${paperId}`, { ...auth(), range: 'bytes=0-7' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 0-7/${PDF.byteLength}`);
    expect(await res.text()).toBe('%PDF-1.4');
    const tail = await get(`/api/pdf/${paperId}`, { ...auth(), range: 'bytes=-6' });
    expect(await tail.text()).toBe('%%EOF\n');
    const bad = await get(`/api/pdf/${paperId}`, { ...auth(), range: `bytes=${PDF.byteLength + 5}-` });
    expect(bad.status).toBe(416);
  });

  it('refuses without the token, and 404s unknown papers and kinds', async () => {
    expect((await get(`/api/pdf/${paperId}`)).status).toBe(401);
    const missing = await get('/api/pdf/9999', auth());
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toBe('No paper with id 9999');
    expect((await get('/api/constructor/1', auth())).status).toBe(404);
  });
});
