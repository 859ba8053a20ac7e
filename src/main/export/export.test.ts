import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryLibrary, type Library } from '../db/client';
import { upsertListings } from '../library/listings';
import { bibName } from './bibtex';
import { safeBaseName } from './filenames';
import { quoteAnnotation } from '../../shared/notesExport';
import { exportBib, exportCsl, exportMarkdown, exportRis, exportToFile } from './service';
import { parseBib } from '../importers/bib';
import { CJK_PAPER, FIXTURE_PAPERS, seedFixtures } from './testPapers';

let lib: Library;
let ids: number[];
beforeEach(() => {
  lib = openMemoryLibrary();
  ids = seedFixtures(lib.db);
});
afterEach(() => lib.close());

const entryOf = (bib: string, key: string) => {
  const start = bib.indexOf(`{${key},`);
  return bib.slice(bib.lastIndexOf('@', start), bib.indexOf('\n}\n', start) + 2);
};

describe('BibTeX export', () => {
  it('writes arXiv preprints as @misc with eprint, archiveprefix, primaryclass and url', () => {
    const bib = exportBib(lib.db, { all: true }, 'bibtex');
    const e = entryOf(bib, 'ingimundarson2026benchmarks');
    expect(e).toMatch(/^@misc\{ingimundarson2026benchmarks,/);
    expect(e).toContain('  eprint = {2603.16406}');
    expect(e).toContain('  archiveprefix = {arXiv}');
    expect(e).toContain('  primaryclass = {cs.CL}');
    expect(e).toContain('  url = {https://arxiv.org/abs/2603.16406}');
    expect(e).toContain('  year = {2026}');
    expect(e).toContain('  month = mar');
    // Capitals and acronyms protected; non-ASCII as LaTeX commands by default.
    expect(e).toContain('title = {{Who Benchmarks} the {Benchmarks? A Case Study} of {LLM Evaluation} in {Icelandic}}');
    expect(e).toContain('author = {Ingimundarson, Finnur {\\\'A}g{\\\'u}st and Fri{\\dh}riksd{\\\'o}ttir, Steinunn Rut and Steingr{\\\'i}msson, Stein{\\th}{\\\'o}r}');
  });

  it('writes a paper with a journal reference as @article with journal and doi', () => {
    const e = entryOf(exportBib(lib.db, { all: true }, 'bibtex'), 'ronnow2014defining');
    expect(e).toMatch(/^@article\{/);
    expect(e).toContain('journal = {{Science} 345, 420 (2014)}');
    expect(e).toContain('doi = {10.1126/science.1252319}');
    expect(e).toContain('author = {R{\\o}nnow, Troels F. and van Beethoven, Ludwig and King, Jr., Martin Luther}');
  });

  it('escapes { } % & $ # _ ~ ^ \\ and keeps $…$ as math', () => {
    const e = entryOf(exportBib(lib.db, { all: true }, 'bibtex'), 'nunez2024braces');
    expect(e).toContain(
      'title = {{Braces} \\textbraceleft{}like\\textbraceright{} these, 100\\% \\& more: a\\_b \\textasciitilde{} \\textasciicircum{} \\textbackslash{} \\# in {$O(n^2)$} {Time} with {$\\alpha$}{-Divergence}}',
    );
  });

  it('nests stacked Vietnamese marks and defines the horn and hook for any document', () => {
    const bib = exportBib(lib.db, { all: true }, 'bibtex');
    expect(bib.startsWith('@preamble{ "\\providecommand{\\textrighthorn}')).toBe(true);
    expect(entryOf(bib, 'huong2024hoc')).toContain('H{\\textrighthorn{u}}{\\textrighthorn{o}}ng, Nguy{\\~{\\^{e}}}n Th{\\d i} Ng{\\d o}c');
  });

  it('BibLaTeX: @online with eprinttype/eprintclass for preprints, @article for published, UTF-8 by default', () => {
    const bib = exportBib(lib.db, { all: true }, 'biblatex');
    const pre = entryOf(bib, 'ingimundarson2026benchmarks');
    expect(pre).toMatch(/^@online\{/);
    expect(pre).toContain('eprinttype = {arxiv}');
    expect(pre).toContain('eprintclass = {cs.CL}');
    expect(pre).toContain('date = {2026-03-17}');
    expect(pre).toContain('pubstate = {prepublished}');
    expect(pre).toContain('Steingrímsson, Steinþór');
    // A publisher DOI alone says "published" in BibLaTeX; BibTeX keeps it @misc (no journal to print).
    expect(entryOf(bib, 'lovelace2024published')).toMatch(/^@article\{/);
    expect(entryOf(exportBib(lib.db, { all: true }, 'bibtex'), 'lovelace2024published')).toMatch(/^@misc\{/);
    expect(entryOf(bib, 'ronnow2014defining')).toContain('journaltitle = {{Science} 345, 420 (2014)}');
  });

  it('switches charset both ways and puts tags in keywords', () => {
    expect(exportBib(lib.db, { all: true }, 'bibtex', 'utf8')).toContain('Steinþór');
    const tagged = exportBib(lib.db, { tag: 'ml' }, 'bibtex');
    expect(tagged.match(/^@/gm)).toHaveLength(4); // 3 papers + the @preamble
    expect(tagged).toContain('keywords = {ml/rl, to read}');
  });

  it('reads back through the .bib importer (Better BibTeX\'s parser) with every title and name intact', () => {
    const original = FIXTURE_PAPERS.map((l) => ({ title: l.title, authors: l.authors.map((a) => a.name) }));
    for (const [flavour, charset] of [['bibtex', 'ascii'], ['bibtex', 'utf8'], ['biblatex', 'utf8'], ['biblatex', 'ascii']] as const) {
      const back = parseBib(exportBib(lib.db, { all: true }, flavour, charset));
      expect(back.errors).toEqual([]);
      const got = back.entries.map((e) => ({ title: e.listing.title, authors: e.listing.authors.map((a) => a.name) }));
      // Typographic apostrophes come back as the plain one from LaTeX's ' ligature.
      const norm = (x: typeof got) => x.map((p) => ({ title: p.title.replace(/’/g, "'").normalize('NFC'), authors: p.authors.map((a) => a.normalize('NFC')) })).sort((a, b) => a.title.localeCompare(b.title));
      expect(norm(got).map((p) => p.title)).toEqual(
        norm(original).map((p) => p.title.replace(/\$O\(n\^2\)\$/, 'O(n²)').replace(/\$\\alpha\$/, 'α')),
      );
      expect(norm(got).map((p) => p.authors)).toEqual(norm(original).map((p) => p.authors));
    }
  });

  it('carries CJK names unchanged in UTF-8 exports', () => {
    upsertListings(lib.db, [CJK_PAPER], { sourceKey: 'test' });
    const bib = exportBib(lib.db, { all: true }, 'biblatex');
    expect(bib).toContain('author = {李小龙 and 山田, 太郎 and 김민준}');
    expect(bib).toContain('大規模言語モデルの評価');
    expect(exportCsl(lib.db, { all: true })).toContain('"literal": "李小龙"');
    expect(exportRis(lib.db, { all: true })).toContain('AU  - 李小龙');
  });

  it('brace names that contain "and", and keeps given names with comma forms', () => {
    expect(bibName('Research and Development Team', 'utf8')).toBe('{Research and Development Team}');
    expect(bibName('Le, Quoc V.', 'utf8')).toBe('Le, Quoc V.');
  });
});

describe('CSL-JSON export', () => {
  it('is read back by citation-js and formats a bibliography', () => {
    const json = exportCsl(lib.db, { all: true });
    const cite = new Cite(JSON.parse(json));
    expect(cite.data).toHaveLength(ids.length);
    const item = cite.data.find((d) => d.id === 'ronnow2014defining');
    expect(item).toMatchObject({ type: 'article-journal', DOI: '10.1126/science.1252319' });
    const pre = cite.data.find((d) => d.id === 'ingimundarson2026benchmarks')!;
    expect(pre).toMatchObject({ type: 'article', publisher: 'arXiv', number: 'arXiv:2603.16406' });
    expect(pre.author?.[2]).toEqual({ family: 'Steingrímsson', given: 'Steinþór' });
    const text = cite.format('bibliography', { format: 'text', template: 'apa' }) as string;
    expect(text).toContain('Ingimundarson, F. Á.');
    expect(text).toContain('Who Benchmarks the Benchmarks?');
  });
});

describe('RIS export', () => {
  it('writes one record per paper with TY…ER, authors and the arXiv link', () => {
    const ris = exportRis(lib.db, { all: true });
    expect(ris.match(/^TY {2}- /gm)).toHaveLength(ids.length);
    expect(ris.match(/^ER {2}- $/gm)).toHaveLength(ids.length);
    expect(ris).toContain('TY  - JOUR\nID  - ronnow2014defining');
    expect(ris).toContain('AU  - Steingrímsson, Steinþór');
    expect(ris).toContain('UR  - https://arxiv.org/abs/2603.16406');
  });
});

describe('Markdown export', () => {
  beforeEach(() => {
    const s = lib.db.$client;
    s.prepare('INSERT INTO notes (paper_id, body) VALUES (?, ?)').run(ids[1], 'My **note** with $E=mc^2$.');
    const ann = s.prepare(
      `INSERT INTO annotations (id, paper_id, kind, color, page_index, rects, text, comment, sort_index)
       VALUES (?, ?, ?, ?, ?, '[]', ?, ?, ?)`,
    );
    ann.run('a-1', ids[1], 'highlight', '#ffd400', 2, 'Benchmarks: are they "good"?', 'Check this', '00002|000010|00100');
    ann.run('a-2', ids[1], 'underline', '#2ea8e5', 0, 'First page text', null, '00000|000001|00050');
    ann.run('a-3', ids[1], 'note', '#5fb236', 2, null, 'Margin thought', '00002|000020|00300');
  });

  it('one file per paper: YAML front matter that parses, the note, annotations by page', () => {
    const files = exportMarkdown(lib.db, { all: true }, 'perPaper');
    expect(files).toHaveLength(ids.length);
    const f = files.find((x) => x.name.startsWith('Who Benchmarks'))!;
    expect(f.name).toBe('Who Benchmarks the Benchmarks A Case Study of LLM Evaluation in Icelandic.md');
    const fm = /^---\n([\s\S]*?)\n---\n/.exec(f.text)!;
    expect(parseYaml(fm[1]!)).toEqual({
      title: 'Who Benchmarks the Benchmarks? A Case Study of LLM Evaluation in Icelandic',
      authors: ['Finnur Ágúst Ingimundarson', 'Steinunn Rut Friðriksdóttir', 'Steinþór Steingrímsson'],
      year: 2026,
      arxiv: '2603.16406',
      url: 'https://arxiv.org/abs/2603.16406',
      tags: ['ml/rl', 'to read'],
      citekey: 'ingimundarson2026benchmarks',
    });
    expect(f.text).toContain('My **note** with $E=mc^2$.');
    const p1 = f.text.indexOf('### Page 1');
    const p3 = f.text.indexOf('### Page 3');
    expect(p1).toBeGreaterThan(f.text.indexOf('My **note**'));
    expect(p3).toBeGreaterThan(p1);
    expect(f.text).toContain('> “Benchmarks: are they "good"?”\n\n*Yellow highlight, [p. 3](papershelf://annotation/a-1)*\n\nCheck this');
    expect(f.text).toContain('*Green note, [p. 3](papershelf://annotation/a-3)*\n\nMargin thought');
    expect(f.text).toContain('*Blue underline, [p. 1](papershelf://annotation/a-2)*');
  });

  it('every front matter parses, whatever the title holds; file names are safe and unique', () => {
    const s = lib.db.$client;
    s.prepare(`UPDATE papers SET title = 'CON' WHERE id = ?`).run(ids[3]);
    s.prepare(`UPDATE papers SET title = 'con' WHERE id = ?`).run(ids[4]);
    const files = exportMarkdown(lib.db, { all: true }, 'perPaper');
    for (const f of files) {
      const fm = /^---\n([\s\S]*?)\n---\n/.exec(f.text)!;
      const doc = parseYaml(fm[1]!) as { title: string; citekey: string };
      expect(doc.citekey).toMatch(/^[a-z]/);
      expect(f.name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]/);
      expect(f.name).not.toMatch(/[. ]\.md$/);
    }
    const names = files.map((f) => f.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(['_CON.md', '_con (2).md']));
    expect(safeBaseName('a/b\\c:d*e?f"g<h>i|j. ')).toBe('a b c d e f g h i j');
  });

  it('one file for many papers: sections whose YAML blocks parse', () => {
    const [file] = exportMarkdown(lib.db, { tag: 'ml' }, 'single');
    expect(file!.name).toBe('ml.md');
    const blocks = [...file!.text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parseYaml(m[1]!) as { citekey: string });
    expect(blocks.map((b) => b.citekey).sort()).toEqual(['huong2024hoc', 'ingimundarson2026benchmarks', 'nunez2024braces']);
    expect(parseAllDocuments(file!.text.split('\n---\n')[0]!.replace(/^---\n/, '')).length).toBe(1);
  });

  it('writes one file per paper into a folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'papershelf-md-'));
    try {
      const written = exportToFile(lib.db, { path: dir, format: 'markdown', scope: { tag: 'ml' }, layout: 'perPaper' });
      expect(written).toHaveLength(3);
      expect(readdirSync(dir).sort()).toEqual(written.map((p) => p.slice(dir.length + 1)).sort());
      expect(readFileSync(written[0]!, 'utf8')).toMatch(/^---\ntitle: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('quotes an annotation in a note with a link back to it', () => {
    expect(quoteAnnotation({ id: 'a-1', pageIndex: 2, text: 'Some\nquoted  text', comment: null })).toBe(
      '> “Some quoted text” ([p. 3](papershelf://annotation/a-1))',
    );
  });
});
