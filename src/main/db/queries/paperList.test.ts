import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PaperQuery } from '../../../shared/ipc/contract';
import { PaperQuerySchema } from '../../../shared/ipc/contract';
import { openMemoryLibrary, type Library } from '../client';
import { setStarred, setState } from './papers';
import { buildListSql, listPaperIds, listPapers, windowParams } from './paperList';
import { deletePapers, listDays, listSources, resolvePaperRefs, saveSearch } from './libraryViews';
import { addTags, findTagByPath } from './tags';
import { addPdfText, seedPapers } from './testSeed';

let lib: Library;
let ids: number[];
const list = (q: PaperQuery) => listPapers(lib.db, PaperQuerySchema.parse(q));
const titles = (q: PaperQuery) => list(q).rows.map((r) => r.title);
const plan = (q: PaperQuery) => {
  const parsed = PaperQuerySchema.parse(q);
  const sql = buildListSql(lib.db, parsed);
  const { rowsSql, countSql, params } = sql;
  const explain = (sql: string, p: unknown[]) =>
    (lib.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...p) as { detail: string }[]).map((r) => r.detail).join('\n');
  return { rows: explain(rowsSql, windowParams(sql, parsed.limit, parsed.offset)), count: explain(countSql, params) };
};

beforeEach(() => {
  lib = openMemoryLibrary();
  const gamma = { arxivId: '2401.00003', title: 'gamma paper', authors: ['Mia M'], publishedAt: '2023-06-01T00:00:00Z', upvotes: null, featuredOn: '2024-01-12' };
  ids = seedPapers(lib.db, [
    { arxivId: '2401.00001', title: 'beta paper', authors: ['Zed Z'], publishedAt: '2024-01-10T00:00:00Z', upvotes: 5, featuredOn: '2024-01-11' },
    { arxivId: '2401.00002', title: 'Alpha paper', authors: ['Ann A', 'Bob B'], publishedAt: '2024-01-20T00:00:00Z', upvotes: 50, featuredOn: '2024-01-11' },
    gamma,
  ], 'hf:2024-01-11');
  seedPapers(lib.db, [gamma], 'arxiv:cat:cs.LG');
});
afterEach(() => lib.close());

describe('views and sorting', () => {
  it('sorts by any column in both directions, case-insensitively by title', () => {
    expect(titles({ sort: 'title', dir: 'asc' })).toEqual(['Alpha paper', 'beta paper', 'gamma paper']);
    expect(titles({ sort: 'title', dir: 'desc' })).toEqual(['gamma paper', 'beta paper', 'Alpha paper']);
    expect(titles({ sort: 'authors', dir: 'asc' })).toEqual(['Alpha paper', 'gamma paper', 'beta paper']);
    expect(titles({ sort: 'published', dir: 'desc' })).toEqual(['Alpha paper', 'beta paper', 'gamma paper']);
    expect(titles({ sort: 'upvotes', dir: 'desc' })).toEqual(['Alpha paper', 'beta paper', 'gamma paper']);
  });

  it('views by state and star; dismissed papers leave "all"', () => {
    setState(lib.db, [ids[0]!], 'read');
    setState(lib.db, [ids[1]!], 'dismissed');
    setStarred(lib.db, [ids[2]!], true);
    expect(titles({ view: 'read' })).toEqual(['beta paper']);
    expect(titles({ view: 'dismissed' })).toEqual(['Alpha paper']);
    expect(titles({ view: 'all' })).toEqual(['beta paper', 'gamma paper']);
    expect(titles({ view: 'starred' })).toEqual(['gamma paper']);
    expect(titles({ sort: 'state', dir: 'asc', view: 'all' })).toEqual(['gamma paper', 'beta paper']);
  });

  it('pages with offset and limit and reports the total', () => {
    const p = list({ sort: 'title', dir: 'asc', offset: 1, limit: 1 });
    expect(p.total).toBe(3);
    expect(p.rows.map((r) => r.title)).toEqual(['beta paper']);
  });

  it('a ranked search reports the total of all hits on every page, also past the last one', () => {
    const q = { search: 'paper', sort: 'relevance', view: 'all' } as const;
    expect(list({ ...q, limit: 1 })).toMatchObject({ total: 3, rows: [expect.anything()] });
    expect(list({ ...q, offset: 2, limit: 1 }).total).toBe(3);
    expect(list({ ...q, offset: 5, limit: 1 })).toEqual({ total: 3, rows: [] });
    expect(list({ ...q, search: 'paper -beta', limit: 50 }).total).toBe(2);
    expect(list({ ...q, search: 'nothing' })).toEqual({ total: 0, rows: [] });
    expect(list({ ...q, limit: 3 }).rows.map((r) => r.id).sort()).toEqual([...ids].sort());
  });
});

describe('filters', () => {
  it('tags: any-of and all-of, children included', () => {
    addTags(lib.db, [ids[0]!, ids[1]!], ['ml/rl']);
    addTags(lib.db, [ids[1]!, ids[2]!], ['todo']);
    const ml = findTagByPath(lib.db, 'ml')!.id;
    const todo = findTagByPath(lib.db, 'todo')!.id;
    expect(titles({ tagIds: [ml], sort: 'title', dir: 'asc' })).toEqual(['Alpha paper', 'beta paper']);
    expect(titles({ tagIds: [ml, todo], tagMode: 'any' })).toHaveLength(3);
    expect(titles({ tagIds: [ml, todo], tagMode: 'all' })).toEqual(['Alpha paper']);
  });

  it('states, starred, has-PDF, date range, source, HF day', () => {
    setState(lib.db, [ids[0]!], 'reading');
    setStarred(lib.db, [ids[1]!], true);
    addPdfText(lib.db, ids[2]!, ['text']);
    expect(titles({ states: ['reading', 'inbox'], starred: false })).toEqual(['beta paper', 'gamma paper']);
    expect(titles({ hasPdf: true })).toEqual(['gamma paper']);
    expect(titles({ hasPdf: false })).toEqual(['Alpha paper', 'beta paper']);
    expect(titles({ from: '2024-01-10', to: '2024-01-10' })).toEqual(['beta paper']);
    expect(titles({ from: '2024-01-01' })).toEqual(['Alpha paper', 'beta paper']);
    expect(titles({ source: 'arxiv:cat:cs.LG' })).toEqual(['gamma paper']);
    expect(titles({ featuredOn: '2024-01-11', sort: 'upvotes' })).toEqual(['Alpha paper', 'beta paper']);
  });

  it('a saved search applies its text and filters; a missing one is a clear error', () => {
    addTags(lib.db, [ids[0]!], ['todo']);
    const s = saveSearch(lib.db, { name: 'Todo papers', query: 'paper', filters: { tagIds: [findTagByPath(lib.db, 'todo')!.id] } });
    expect(titles({ savedSearchId: s.id })).toEqual(['beta paper']);
    expect(() => list({ savedSearchId: 999 })).toThrow(/No saved search/);
  });
});

describe('sidebar data and deletion', () => {
  it('lists sync sources and HF days with counts', () => {
    expect(listSources(lib.db)).toEqual([
      { key: 'hf:2024-01-11', count: 3 },
      { key: 'arxiv:cat:cs.LG', count: 1 },
    ]);
    expect(listDays(lib.db)).toEqual([
      { day: '2024-01-12', count: 1 },
      { day: '2024-01-11', count: 2 },
    ]);
  });

  it('deletes papers with their tags and returns PDF paths to remove', () => {
    addTags(lib.db, [ids[2]!], ['x']);
    addPdfText(lib.db, ids[2]!, ['t']);
    expect(deletePapers(lib.db, [ids[2]!])).toEqual({ deleted: 1, pdfPaths: [`pdfs/${ids[2]}.pdf`] });
    expect(list({}).total).toBe(2);
    expect(list({ search: 'gamma' }).total).toBe(0);
    expect(lib.sqlite.prepare('SELECT count(*) AS n FROM paper_tags').get()).toEqual({ n: 0 });
  });

  it('resolves arXiv ids (any spelling) and numeric ids; unknown ones are an error', () => {
    expect(resolvePaperRefs(lib.db, ['2401.00002v3', String(ids[0]), 'arXiv:2401.00003'])).toEqual([ids[1], ids[0], ids[2]]);
    expect(() => resolvePaperRefs(lib.db, ['2401.99999'])).toThrow(/No paper with id 2401.99999/);
  });
});

describe('query plans: the hot list queries use indexes and FTS, never a full sort of the library', () => {
  it.each([
    [{ view: 'all', sort: 'published' }, 'papers_published'],
    [{ view: 'inbox', sort: 'published' }, 'papers_state_published'],
    [{ view: 'all', sort: 'title', dir: 'asc' }, 'papers_title_nocase'],
    [{ view: 'all', sort: 'authors', dir: 'asc' }, 'papers_authors_nocase'],
    [{ view: 'all', sort: 'upvotes' }, 'papers_upvotes'],
    [{ view: 'all', sort: 'added' }, 'papers_added'],
    [{ view: 'starred', sort: 'published' }, 'papers_starred_published'],
    [{ view: 'all', featuredOn: '2024-01-11', sort: 'upvotes' }, 'papers_featured'],
  ] as [PaperQuery, string][])('%j uses %s without a temp sort', (q, index) => {
    const { rows } = plan(q);
    expect(rows).toContain(index);
    // A full sort of the library is never needed (ties on the sort key may be ordered by id).
    expect(rows).not.toContain('USE TEMP B-TREE FOR ORDER BY');
    expect(rows).not.toMatch(/SCAN p$/m);
  });

  it('a ranked search of the library or of Dismissed is answered by the FTS index alone', () => {
    for (const view of ['all', 'dismissed'] as const) {
      const { rows, count } = plan({ search: 'alpha', sort: 'relevance', view });
      expect(rows).toMatch(/SCAN paper_fts VIRTUAL TABLE INDEX/);
      expect(rows).not.toMatch(/papers_id_filter/);
      expect(count).toMatch(/^SCAN paper_fts VIRTUAL TABLE INDEX [^\n]*$/);
    }
  });

  it('a search with filters goes through the FTS index and checks them on the narrow id index', () => {
    const { rows, count } = plan({ search: 'alpha', sort: 'relevance', view: 'inbox' });
    expect(rows).toMatch(/SCAN paper_fts VIRTUAL TABLE INDEX/);
    expect(rows).toMatch(/SEARCH p USING COVERING INDEX papers_id_filter \(id=\? AND state=\?\)/);
    expect(count).toMatch(/paper_fts VIRTUAL TABLE INDEX/);
    expect(count).toMatch(/COVERING INDEX papers_id_filter/);
    expect(plan({ search: 'alpha year:2024', view: 'starred', sort: 'published' }).count).toMatch(/COVERING INDEX papers_id_filter/);
  });

  it('tag and source filters use their indexes', () => {
    expect(plan({ tagIds: [1] }).rows).toMatch(/paper_tags_tag/);
    expect(plan({ tagIds: [1] }).count).toMatch(/COVERING INDEX papers_id_filter \(id=\?\)/);
    expect(plan({ source: 'hf:2024-01-11' }).rows).toMatch(/COVERING INDEX paper_sources_key_paper/);
    expect(plan({ source: 'hf:2024-01-11' }).count).toMatch(/COVERING INDEX papers_id_filter \(id=\?\)/);
  });
});

describe('select all', () => {
  it('lists every id of the query in list order', () => {
    setState(lib.db, [ids[0]!], 'dismissed');
    expect(listPaperIds(lib.db, PaperQuerySchema.parse({ sort: 'title', dir: 'asc', limit: 1 }))).toEqual([ids[1], ids[2]]);
  });
});
