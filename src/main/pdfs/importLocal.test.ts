import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sha256OfBytes } from './storage';
import { arxivPaper, makePdf } from './testing/makePdf';
import { assertDoneRowsHaveFiles, filesIn, openHarness, pdfOf, removeDir, seedPapers, storedFiles, tempDir, type Harness } from './testing/harness';

let dir: string;
let h: Harness;
let withArxiv: Uint8Array;
let withDoi: Uint8Array;
let plain: Uint8Array;

beforeAll(async () => {
  withArxiv = await makePdf(arxivPaper({ id: '2604.11784v2', title: 'ClawGUI: A Unified Framework', words: 'Capybara gradients.' }));
  withDoi = await makePdf({
    title: 'Attention Over Shelves',
    author: 'Ada Lovelace and Alan Turing',
    pages: [['Attention Over Shelves', 'Journal of Papers, https://doi.org/10.1145/3592433.3601', 'Okapi']],
  });
  plain = await makePdf({ pages: [['', 'Notes on the Narwhal Problem', 'by nobody in particular']] });
});

beforeEach(() => {
  dir = tempDir();
  h = openHarness(dir, 'http://127.0.0.1:9');
});
afterEach(async () => {
  await h.close();
  removeDir(dir);
});

function counts() {
  const one = (sql: string) => (h.library.sqlite.prepare(sql).get() as { n: number }).n;
  return {
    papers: one('SELECT count(*) AS n FROM papers'),
    pdfs: one('SELECT count(*) AS n FROM pdfs'),
    jobs: one('SELECT count(*) AS n FROM jobs'),
    files: storedFiles(dir).length,
  };
}

describe('importing a local PDF', () => {
  it('attaches it to the paper with the arXiv id on its first page, and indexes its text', async () => {
    const [id] = seedPapers(h.library, [{ arxivId: '2604.11784', version: 2, title: 'ClawGUI' }]);
    const r = await h.pdfs.import({ name: 'claw.pdf', bytes: withArxiv });
    expect(r).toMatchObject({ kind: 'attached', paperId: id, matchedBy: 'arxiv', arxivId: '2604.11784', replaced: false });
    expect(pdfOf(h.library, id!)).toMatchObject({ state: 'done', sha256: sha256OfBytes(withArxiv), version: 2, pages: 2 });
    await h.pdfs.text.idle();
    expect(h.library.sqlite.prepare(`SELECT rowid FROM paper_fts WHERE paper_fts MATCH 'capybara'`).all()).toEqual([{ rowid: id }]);
    assertDoneRowsHaveFiles(h.library);
    expect(filesIn(join(dir, 'pdfs', '.tmp'))).toEqual([]);
  });

  it('creates a new paper from the metadata when nothing matches, keyed by its arXiv id', async () => {
    const r = await h.pdfs.import({ name: 'x.pdf', bytes: withArxiv });
    expect(r).toMatchObject({ kind: 'new', title: 'ClawGUI: A Unified Framework', arxivId: '2604.11784' });
    const p = h.library.sqlite.prepare('SELECT arxiv_id, latest_version, title, authors_text FROM papers WHERE id = ?').get(r.paperId);
    expect(p).toEqual({ arxiv_id: '2604.11784', latest_version: 2, title: 'ClawGUI: A Unified Framework', authors_text: 'Ada Lovelace, Alan Turing' });
    const src = h.library.sqlite.prepare('SELECT source_key FROM paper_sources WHERE paper_id = ?').get(r.paperId);
    expect(src).toEqual({ source_key: 'import:pdf' });
  });

  it('matches by DOI, and a second import of the same file is a duplicate that changes nothing', async () => {
    const first = await h.pdfs.import({ name: 'a.pdf', bytes: withDoi });
    expect(first).toMatchObject({ kind: 'new', doi: '10.1145/3592433.3601', title: 'Attention Over Shelves' });
    const before = counts();
    const again = await h.pdfs.import({ name: 'copy of a.pdf', bytes: withDoi });
    expect(again).toMatchObject({ kind: 'duplicate', paperId: first.paperId });
    expect(counts()).toEqual(before);
  });

  it('the same file dropped twice at once becomes one paper', async () => {
    const [a, b] = await Promise.all([
      h.pdfs.import({ name: 'one.pdf', bytes: withDoi }),
      h.pdfs.import({ name: 'two.pdf', bytes: withDoi }),
    ]);
    expect([a.kind, b.kind]).toEqual(['new', 'duplicate']);
    expect(b.paperId).toBe(a.paperId);
    expect(counts()).toMatchObject({ papers: 1, pdfs: 1, files: 1 });
  });

  it('attaches to an existing paper found by DOI', async () => {
    const [id] = seedPapers(h.library, [{ arxivId: '2501.00002', doi: '10.1145/3592433.3601' }]);
    h.library.sqlite.prepare('UPDATE papers SET arxiv_id = NULL WHERE id = ?').run(id);
    const r = await h.pdfs.import({ name: 'a.pdf', bytes: withDoi });
    expect(r).toMatchObject({ kind: 'attached', paperId: id, matchedBy: 'doi' });
  });

  it('without document info, takes the typeset title: the largest text atop page 1', async () => {
    const bytes = await makePdf({
      firstLineSize: 20,
      pages: [['Learning to Shelve Papers', 'Grace Hopper', 'Abstract. We study shelves and the papers on them at length, in body text.']],
    });
    expect(await h.pdfs.import({ name: 'x.pdf', bytes })).toMatchObject({ kind: 'new', title: 'Learning to Shelve Papers' });
  });

  it('falls back to the first line of text for the title, and reads files by path', async () => {
    const file = join(dir, 'narwhal.pdf');
    writeFileSync(file, plain);
    const r = await h.pdfs.import({ name: 'narwhal.pdf', file });
    expect(r).toMatchObject({ kind: 'new', title: 'Notes on the Narwhal Problem', arxivId: null, doi: null });
  });

  it.each([
    ['a zero-byte file', new Uint8Array(0), /empty \(0 bytes\), not a PDF/],
    ['a text file', new TextEncoder().encode('hello, I am not a PDF'), /not a PDF: it does not start with %PDF-/],
    ['an HTML page', new TextEncoder().encode('<!DOCTYPE html><html><head><title>Login</title>'), /HTML page \("Login"\), not a PDF/],
    [
      'a corrupt PDF',
      new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3000, 0x42), Buffer.from('\n%%EOF')])),
      /could not be read as a PDF/,
    ],
  ])('refuses %s with a clear error and changes nothing', async (_what, bytes, message) => {
    seedPapers(h.library, [{ arxivId: '2604.11784' }]);
    const before = counts();
    await expect(h.pdfs.import({ name: 'bad.pdf', bytes })).rejects.toThrow(message);
    expect(counts()).toEqual(before);
    expect(filesIn(join(dir, 'pdfs', '.tmp'))).toEqual([]);
  });

  it('refuses a missing file and one over the size limit', async () => {
    await expect(h.pdfs.import({ name: 'nope.pdf', file: join(dir, 'nope.pdf') })).rejects.toThrow(/Cannot read .*nope\.pdf/);
    h.library.sqlite.prepare(`INSERT INTO settings (key, value) VALUES ('pdf.maxBytes', '1000')`).run();
    await expect(h.pdfs.import({ name: 'big.pdf', bytes: withArxiv })).rejects.toThrow(/over the 1 KB limit \(setting pdf\.maxBytes\)/);
  });
});
