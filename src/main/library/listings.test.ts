import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openMemoryLibrary, type Library } from '../db/client';
import { parseHfDailyPapers } from '../importers/hfDailyPapers';
import { upsertListings, type Listing } from './listings';

const SAMPLE = readFileSync(resolve(import.meta.dirname, '../../../../shared/formats/hf_daily_papers.json'), 'utf8');

function hf() {
  return parseHfDailyPapers(SAMPLE).listings;
}

function bumped(delta: number) {
  const items = JSON.parse(SAMPLE) as { paper: { upvotes: number; githubStars?: number }; numComments: number }[];
  return parseHfDailyPapers(
    JSON.stringify(items.map((it) => ({ ...it, numComments: it.numComments + delta, paper: { ...it.paper, upvotes: it.paper.upvotes + delta, githubStars: (it.paper.githubStars ?? 0) + delta } }))),
  ).listings;
}

const q = (lib: Library, sql: string, ...p: unknown[]) => lib.sqlite.prepare(sql).all(...p) as Record<string, unknown>[];

describe('importing Hugging Face Daily Papers', () => {
  let lib: Library;
  beforeEach(() => {
    lib = openMemoryLibrary();
  });

  it('stores the HF fields and the day the paper was featured', () => {
    const r = upsertListings(lib.db, hf(), { sourceKey: 'import:test' });
    expect(r).toMatchObject({ new: 3, updated: 0, unchanged: 0 });
    const [p] = q(lib, `SELECT * FROM papers WHERE arxiv_id = '2604.11784'`);
    expect(p).toMatchObject({
      title: 'ClawGUI: A Unified Framework for Training, Evaluating, and Deploying GUI Agents',
      hf_upvotes: 113,
      hf_comments: 5,
      hf_organization: 'Zhejiang University',
      hf_github_stars: 307,
      hf_featured_on: '2026-04-15',
      published_at: '2026-04-13T00:00:00.000Z',
      year: 2026,
      citation_key: 'tang2026clawgui',
      state: 'inbox',
    });
    expect(JSON.parse(p!.hf_ai_keywords as string)).toContain('GUI agents');
    const authors = q(lib, `SELECT a.name FROM paper_authors pa JOIN authors a ON a.id = pa.author_id WHERE pa.paper_id = ? ORDER BY position`, p!.id);
    expect(authors.map((a) => a.name).slice(0, 3)).toEqual(['Fei Tang', 'Zhiqiong Lu', 'Boxuan Zhang']);
  });

  it('re-importing the same file changes nothing', () => {
    upsertListings(lib.db, hf(), { sourceKey: 'import:test' });
    const before = q(lib, 'SELECT * FROM papers ORDER BY id');
    const r = upsertListings(lib.db, hf(), { sourceKey: 'import:test' });
    expect(r).toMatchObject({ new: 0, updated: 0, unchanged: 3 });
    expect(q(lib, 'SELECT * FROM papers ORDER BY id')).toEqual(before);
  });

  it('a newer capture updates counts and never touches user data', () => {
    upsertListings(lib.db, hf(), { sourceKey: 'import:test' });
    const [{ id }] = q(lib, `SELECT id FROM papers WHERE arxiv_id = '2604.11784'`) as [{ id: number }];
    lib.sqlite.prepare(`UPDATE papers SET state = 'reading', starred = 1, citation_key = 'mykey' WHERE id = ?`).run(id);
    lib.sqlite.prepare(`INSERT INTO tags (id, name, path) VALUES (1, 'agents', 'agents')`).run();
    lib.sqlite.prepare(`INSERT INTO paper_tags (paper_id, tag_id) VALUES (?, 1)`).run(id);
    lib.sqlite.prepare(`INSERT INTO notes (paper_id, body) VALUES (?, 'my note')`).run(id);
    lib.sqlite.prepare(`INSERT INTO annotations (id, paper_id, kind, color, page_index, rects, comment, sort_index) VALUES ('a', ?, 'note', '#ffd400', 0, '[[1,2,3,4]]', 'c', '0')`).run(id);

    const r = upsertListings(lib.db, bumped(10), { sourceKey: 'import:test' });
    expect(r).toMatchObject({ new: 0, updated: 3, unchanged: 0 });
    const [p] = q(lib, 'SELECT * FROM papers WHERE id = ?', id);
    expect(p).toMatchObject({ hf_upvotes: 123, hf_comments: 15, hf_github_stars: 317, state: 'reading', starred: 1, citation_key: 'mykey' });
    expect(q(lib, 'SELECT count(*) AS n FROM paper_tags WHERE paper_id = ?', id)[0]!.n).toBe(1);
    expect(q(lib, 'SELECT body FROM notes WHERE paper_id = ?', id)[0]!.body).toBe('my note');
    expect(q(lib, 'SELECT comment FROM annotations WHERE id = ?', 'a')[0]!.comment).toBe('c');
  });

  it('keeps one paper per arXiv id across sources; arXiv metadata wins for a newer version', () => {
    upsertListings(lib.db, hf(), { sourceKey: 'hf:2026-04-15' });
    const arxiv: Listing = {
      arxivId: '2604.11784',
      version: 2,
      title: 'ClawGUI: A Unified Framework for GUI Agents (v2)',
      abstract: 'Revised abstract.',
      authors: [{ name: 'Fei Tang' }, { name: 'New Author' }],
      publishedAt: '2026-04-13T17:00:00Z',
      updatedAt: '2026-05-01T10:00:00Z',
      categories: ['cs.AI', 'cs.LG'],
      primaryCategory: 'cs.AI',
      authoritative: true,
    };
    const r = upsertListings(lib.db, [arxiv], { sourceKey: 'arxiv:cat:cs.AI' });
    expect(r).toMatchObject({ new: 0, updated: 1 });
    expect(q(lib, 'SELECT count(*) AS n FROM papers')[0]!.n).toBe(3);
    const [p] = q(lib, `SELECT * FROM papers WHERE arxiv_id = '2604.11784'`);
    expect(p).toMatchObject({ latest_version: 2, title: arxiv.title, authors_text: 'Fei Tang, New Author', hf_upvotes: 113, primary_category: 'cs.AI' });
    // An HF listing afterwards refreshes counts but does not revert arXiv's metadata.
    upsertListings(lib.db, bumped(1), { sourceKey: 'hf:2026-04-16' });
    const [p2] = q(lib, `SELECT * FROM papers WHERE arxiv_id = '2604.11784'`);
    expect(p2).toMatchObject({ title: arxiv.title, hf_upvotes: 114 });
    expect(q(lib, `SELECT source_key FROM paper_sources WHERE paper_id = ? ORDER BY source_key`, p2!.id).map((s) => s.source_key)).toEqual([
      'arxiv:cat:cs.AI',
      'hf:2026-04-15',
      'hf:2026-04-16',
    ]);
  });

  it('collapses duplicates within one batch', () => {
    const r = upsertListings(lib.db, [...hf(), ...hf()], { sourceKey: 'x' });
    expect(r).toMatchObject({ new: 3, updated: 0, unchanged: 0 });
    expect(r.ids).toHaveLength(3);
  });

  it('a batch that names a paper twice reads the second listing as a change to the first', () => {
    const [a, b] = hf();
    const again: Listing = { ...a!, version: 9, title: 'Retitled by arXiv', authors: [{ name: 'New Author', affiliation: 'Lab' }], authoritative: true };
    const before = q(lib, 'SELECT count(*) AS n FROM authors')[0]!.n;
    const r = upsertListings(lib.db, [a!, b!, again, a!], { sourceKey: 'x', runId: null });
    expect(r).toMatchObject({ new: 2, updated: 0, unchanged: 0 });
    const ids = q(lib, 'SELECT id FROM papers WHERE arxiv_id IN (?, ?) ORDER BY arxiv_id = ? DESC', a!.arxivId, b!.arxivId, a!.arxivId).map((p) => p.id);
    expect(r.ids).toEqual(ids);
    expect(r.newIds.sort()).toEqual([...ids].sort());
    const [p] = q(lib, 'SELECT * FROM papers WHERE id = ?', ids[0]);
    expect(p).toMatchObject({ title: 'Retitled by arXiv', latest_version: 9, authors_text: 'New Author' });
    const authors = q(lib, 'SELECT a.name, pa.position, pa.affiliation FROM paper_authors pa JOIN authors a ON a.id = pa.author_id WHERE pa.paper_id = ?', ids[0]);
    expect(authors).toEqual([{ name: 'New Author', position: 0, affiliation: 'Lab' }]);
    expect(q(lib, 'SELECT count(*) AS n FROM paper_sources WHERE source_key = ?', 'x')[0]!.n).toBe(2);
    expect(q(lib, 'SELECT count(*) AS n FROM authors')[0]!.n).toBeGreaterThan(before as number);
    // The search index follows the last listing, not the first.
    expect(q(lib, `SELECT rowid FROM paper_fts WHERE paper_fts MATCH 'retitled'`).map((x) => x.rowid)).toEqual([ids[0]]);
    expect(q(lib, 'SELECT count(*) AS n FROM paper_fts')[0]!.n).toBe(2);
  });

  it('new papers of one batch share author rows, and an author name SQLite cannot store as given still links', () => {
    const odd = 'Br\ud800oken Name';
    const mk = (arxivId: string, names: string[]): Listing => ({
      arxivId, version: 1, title: `Paper ${arxivId}`, abstract: null, authors: names.map((name) => ({ name })), publishedAt: '2026-11-01', authoritative: false,
    });
    const r = upsertListings(lib.db, [mk('2611.00001', ['Ann Lee', odd]), mk('2611.00002', ['Bo Li', 'Ann Lee'])], { sourceKey: 'x' });
    expect(r.new).toBe(2);
    const rows = q(lib, `SELECT p.arxiv_id, pa.position, a.id AS author FROM paper_authors pa JOIN papers p ON p.id = pa.paper_id
      JOIN authors a ON a.id = pa.author_id ORDER BY p.arxiv_id, pa.position`);
    expect(rows.map((x) => [x.arxiv_id, x.position])).toEqual([['2611.00001', 0], ['2611.00001', 1], ['2611.00002', 0], ['2611.00002', 1]]);
    expect(rows[0]!.author).toBe(rows[3]!.author);
    expect(q(lib, 'SELECT count(*) AS n FROM authors')[0]!.n).toBe(3);
  });

  it('reports items it cannot read and imports the rest', () => {
    const items = JSON.parse(SAMPLE) as unknown[];
    const parsed = parseHfDailyPapers(JSON.stringify([...items, { paper: { id: 'not-an-id', title: 'x' } }, { nope: 1 }]));
    expect(parsed.listings).toHaveLength(3);
    expect(parsed.errors).toHaveLength(2);
    expect(parsed.errors[0]).toMatch(/item 3: no valid arXiv id/);
    expect(() => parseHfDailyPapers('{"error":"x"}')).toThrow(/Expected a JSON array/);
    expect(() => parseHfDailyPapers('[{"paper":')).toThrow(/Not valid JSON/);
  });
});
