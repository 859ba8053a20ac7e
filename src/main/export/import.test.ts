import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryLibrary, type Library } from '../db/client';
import { upsertListings } from '../library/listings';
import { exportRis, importText } from './service';
import { seedFixtures } from './testPapers';

const FORMATS = resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'formats');
const sample = (f: string) => readFileSync(join(FORMATS, f), 'utf8');

let lib: Library;
beforeEach(() => {
  lib = openMemoryLibrary();
});
afterEach(() => lib.close());

const paper = (where: string, ...args: unknown[]) =>
  lib.db.$client.prepare(`SELECT * FROM papers WHERE ${where}`).get(...args) as Record<string, unknown> | undefined;

describe('importing .bib files', () => {
  it('reads arXiv\'s own export and Better BibTeX samples into papers with their keys', () => {
    const r = importText(lib.db, 'bib', sample('arxiv_export_bibtex.bib'));
    expect(r).toMatchObject({ imported: 1, merged: 0, errors: [] });
    const p = paper('arxiv_id = ?', '2603.16406')!;
    expect(p.title).toBe('Who Benchmarks the Benchmarks? A Case Study of LLM Evaluation in Icelandic');
    expect(p.authors_text).toBe(
      'Finnur Ágúst Ingimundarson, Steinunn Rut Friðriksdóttir, Bjarki Ármannsson, Iris Edda Nowenstein, Steinþór Steingrímsson',
    );
    expect(p.primary_category).toBe('cs.CL');
    expect(p.citation_key).toBe('ingimundarson2026benchmarksbenchmarkscasestudy');

    const bbt = importText(lib.db, 'bib', sample('bbt_bibtex_arxiv_article_460.bib'));
    expect(bbt).toMatchObject({ imported: 3, merged: 0, errors: [] });
    const sci = paper('arxiv_id = ?', '1401.2910')!;
    expect(sci.authors_text).toMatch(/^Troels F\. Rønnow, Zhihui Wang/);
    expect(sci.doi).toBe('10.1126/science.1252319');
    expect(sci.journal_ref).toBe('Science 345 (6195) 420–424');
    expect(sci.citation_key).toBe('Ronnow.2014.Defining');
    expect(sci.published_at).toBe('2014-07');
    const biblatex = importText(lib.db, 'bib', sample('bbt_biblatex_arxiv_online.bib'));
    expect(biblatex.errors).toEqual([]);
    expect(paper('arxiv_id = ?', '2005.14165')!.title).toBe('Language Models Are Few-Shot Learners');
  });

  it('merges with papers already in the library by arXiv id or DOI, filling gaps only', () => {
    const ids = seedFixtures(lib.db);
    lib.db.$client.prepare('UPDATE papers SET citation_key = ? WHERE id = ?').run('myPinnedKey', ids[1]);
    const bib = `@misc{other2026,
  title = {A Different Title Someone Typed},
  author = {Somebody Else},
  eprint = {2603.16406v2}, archiveprefix = {arXiv}
}
@article{byDoi,
  title = {Quantum Speedup, by DOI},
  doi = {https://doi.org/10.1126/SCIENCE.1252319}
}
@article{fresh2020, title = {Brand New Paper}, author = {Doe, Jane}, journal = {Nature}, year = 2020, month = feb}
`;
    const r = importText(lib.db, 'bib', bib);
    expect(r).toMatchObject({ imported: 1, merged: 2, errors: [] });
    const p = paper('arxiv_id = ?', '2603.16406')!;
    expect(p.title).toBe('Who Benchmarks the Benchmarks? A Case Study of LLM Evaluation in Icelandic');
    expect(p.citation_key).toBe('myPinnedKey');
    expect(paper('title = ?', 'Quantum Speedup, by DOI')).toBeUndefined();
    const fresh = paper('title = ?', 'Brand New Paper')!;
    expect(fresh).toMatchObject({ citation_key: 'fresh2020', journal_ref: 'Nature', published_at: '2020-02', authors_text: 'Jane Doe' });
  });

  it('reports broken entries by line and still imports the good ones', () => {
    const bib = [
      '@misc{good1, title = {First Good}, author = {A, B}}', // line 1
      '',
      '@article{broken,', // line 3
      '  title = {Unclosed,',
      '  author = {X}',
      '',
      '@misc{notitle, author = {Nobody}}', // line 7
      '@misc{good2, title = {Second Good}, eprint = {2401.12345}, archiveprefix = {arXiv}}',
    ].join('\n');
    const r = importText(lib.db, 'bib', bib);
    expect(r.imported).toBe(2);
    expect(r.errors.map((e) => e.line)).toEqual([3, 7]);
    expect(r.errors[1]!.message).toContain('notitle');
    expect(paper('title = ?', 'First Good')).toBeDefined();
    expect(paper('arxiv_id = ?', '2401.12345')!.title).toBe('Second Good');
  });

  it('refuses an empty file with a clear message', () => {
    expect(() => importText(lib.db, 'bib', '  \n')).toThrow(/empty/);
  });
});

describe('importing .ris files', () => {
  it('round-trips our own RIS export as merges, and reads new records', () => {
    seedFixtures(lib.db);
    const ris = exportRis(lib.db, { all: true });
    const before = lib.db.$client.prepare('SELECT count(*) AS n FROM papers').get() as { n: number };
    const r = importText(lib.db, 'ris', ris);
    expect(r).toMatchObject({ imported: 0, merged: before.n, errors: [] });
  });

  it('reports records without title or end by line, keeps the rest', () => {
    const ris = [
      'TY  - JOUR', // 1
      'TI  - A Good Record',
      'AU  - Doe, Jane',
      'PY  - 2021',
      'DO  - 10.1234/good.1',
      'ER  - ',
      'TY  - JOUR', // 7
      'AU  - No Title',
      'ER  - ',
      'TY  - UNPB', // 10
      'TI  - Preprint on arXiv',
      'UR  - https://arxiv.org/abs/2402.01234v3',
      'ER  - ',
      'TY  - JOUR', // 14
      'TI  - Never ends',
    ].join('\r\n');
    const r = importText(lib.db, 'ris', ris);
    expect(r.imported).toBe(2);
    expect(r.errors).toEqual([
      { line: 7, message: 'record has no title (TI)' },
      { line: 14, message: 'record has no end (ER)' },
    ]);
    expect(paper('doi = ?', '10.1234/good.1')).toMatchObject({ title: 'A Good Record', authors_text: 'Jane Doe', year: 2021 });
    expect(paper('arxiv_id = ?', '2402.01234')).toMatchObject({ latest_version: 3 });
  });
});

describe('citation keys', () => {
  it('are never changed by later syncs, imports or exports', () => {
    const [id] = upsertListings(
      lib.db,
      [{ arxivId: '2501.00001', version: 1, title: 'Original Title', abstract: null, authors: [{ name: 'Ada Lovelace' }], publishedAt: '2025-01-01', authoritative: true }],
      { sourceKey: 'hf:2025-01-01' },
    ).ids;
    expect(paper('id = ?', id)!.citation_key).toBe('lovelace2025original');
    // A newer authoritative version renames the paper and its first author: the key stays.
    upsertListings(
      lib.db,
      [{ arxivId: '2501.00001', version: 2, title: 'Renamed Entirely', abstract: 'x', authors: [{ name: 'Charles Babbage' }], publishedAt: '2026-02-02', authoritative: true }],
      { sourceKey: 'arxiv:x' },
    );
    expect(paper('id = ?', id)).toMatchObject({ title: 'Renamed Entirely', citation_key: 'lovelace2025original' });
    importText(lib.db, 'bib', '@misc{someOtherKey, title = {Renamed Entirely}, eprint = {2501.00001}, archiveprefix = {arXiv}}');
    exportRis(lib.db, { all: true });
    expect(paper('id = ?', id)!.citation_key).toBe('lovelace2025original');
  });
});
