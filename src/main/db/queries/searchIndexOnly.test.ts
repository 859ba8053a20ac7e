/**
 * The index-only search (a ranked search of the whole library or of Dismissed, answered by
 * paper_fts alone with the dismissed token) must list exactly what the general query lists:
 * same rows in the same order, same totals, same select-all ids, through every move into and
 * out of Dismissed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaperQuerySchema, type PaperQuery } from '../../../shared/ipc/contract';
import { PAPER_STATES } from '../../../shared/domain';
import { prng } from '../../../shared/prng';
import { openMemoryLibrary, type Library } from '../client';
import { setState } from './papers';
import { buildListSql, listPaperIds, listPapers } from './paperList';
import { DISMISSED_TOKEN } from './search';
import { addNote, seedPapers } from './testSeed';

const WORDS = ['diffusion', 'protein', 'folding', 'graph', 'robot', 'grasping', 'language', 'modeling', 'survey', 'sparse'];
const QUERIES = ['diffusion', 'protein folding', '"language modeling"', 'title:survey', 'author:nguyen', 'rob', 'sparse -graph', 'zzz'];

let lib: Library;
let ids: number[];

beforeEach(() => {
  lib = openMemoryLibrary();
  const r = prng(42);
  const pick = () => WORDS[Math.floor(r() * WORDS.length)]!;
  ids = seedPapers(
    lib.db,
    Array.from({ length: 240 }, (_, i) => ({
      arxivId: `2401.${String(10000 + i)}`,
      title: `${pick()} ${pick()} ${i % 7 === 0 ? 'survey' : 'study'}`,
      abstract: Array.from({ length: 4 + Math.floor(r() * 20) }, pick).join(' '),
      authors: [r() < 0.2 ? 'Linh Nguyen' : 'Ada Lovelace', 'Alan Turing'],
    })),
  );
  for (const id of ids) if (r() < 0.1) addNote(lib.db, id, `${pick()} note`);
  for (const state of PAPER_STATES) setState(lib.db, ids.filter(() => r() < 0.2), state);
});

afterEach(() => lib.close());

const parse = (q: PaperQuery) => PaperQuerySchema.parse(q);
const pageOf = (q: PaperQuery) => {
  const p = listPapers(lib.db, parse(q));
  return { total: p.total, ids: p.rows.map((row) => row.id) };
};
/** The same list through the general query: a filter that keeps every paper of the view. */
const general = (q: PaperQuery): PaperQuery => ({ ...q, states: q.view === 'dismissed' ? ['dismissed'] : PAPER_STATES.filter((s) => s !== 'dismissed') });

describe('index-only search', () => {
  it('is the path a plain ranked search of All or Dismissed takes', () => {
    expect(buildListSql(lib.db, parse({ search: 'diffusion', sort: 'relevance' })).rowsSql).not.toMatch(/JOIN papers p INDEXED BY/);
    expect(buildListSql(lib.db, parse(general({ search: 'diffusion', sort: 'relevance', view: 'all' }))).rowsSql).toMatch(/INDEXED BY/);
  });

  it('lists the same rows, order, totals and ids as the general query', () => {
    for (const view of ['all', 'dismissed'] as const)
      for (const search of QUERIES)
        for (const dir of ['desc', 'asc'] as const)
          for (const [offset, limit] of [[0, 200], [0, 7], [5, 9], [500, 10]] as const) {
            const q: PaperQuery = { view, search, sort: 'relevance', dir, offset, limit };
            expect(pageOf(q), JSON.stringify(q)).toEqual(pageOf(general(q)));
            expect(listPaperIds(lib.db, parse(q))).toEqual(listPaperIds(lib.db, parse(general(q))));
          }
    expect(pageOf({ search: 'diffusion', sort: 'relevance' }).total).toBeGreaterThan(20);
  });

  it('follows papers into and out of Dismissed', () => {
    const inAll = () => pageOf({ search: 'diffusion', sort: 'relevance', limit: 500 }).ids;
    const inDismissed = () => pageOf({ search: 'diffusion', sort: 'relevance', view: 'dismissed', limit: 500 }).ids;
    const target = inAll()[0]!;
    setState(lib.db, [target], 'dismissed');
    expect(inAll()).not.toContain(target);
    expect(inDismissed()).toContain(target);
    setState(lib.db, [target], 'read');
    expect(inAll()).toContain(target);
    expect(inDismissed()).not.toContain(target);
  });

  it('never matches the reserved token in ordinary text, and a move to another state keeps the index row', () => {
    const count = (m: string) => (lib.sqlite.prepare('SELECT count(*) AS n FROM paper_fts WHERE paper_fts MATCH ?').get(m) as { n: number }).n;
    const dismissed = (lib.sqlite.prepare(`SELECT count(*) AS n FROM papers WHERE state = 'dismissed'`).get() as { n: number }).n;
    expect(count(`"${DISMISSED_TOKEN}"`)).toBe(dismissed);
    expect(count(`status : "${DISMISSED_TOKEN}"`)).toBe(dismissed);
    const before = [count('survey'), count('note'), count('nguyen')];
    setState(lib.db, ids.slice(0, 30), 'reading');
    setState(lib.db, ids.slice(0, 30), 'inbox');
    expect(count(`"${DISMISSED_TOKEN}"`)).toBe((lib.sqlite.prepare(`SELECT count(*) AS n FROM papers WHERE state = 'dismissed'`).get() as { n: number }).n);
    expect([count('survey'), count('note'), count('nguyen')]).toEqual(before);
    expect(before.every((n) => n > 0)).toBe(true);
  });
});
