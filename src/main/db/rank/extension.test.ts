/**
 * The search ranking extension (papershelf_rank.c) must rank exactly as FTS5's bm25: the same
 * rows with the same scores, bit for bit, for every kind of query, and still after the library
 * changes under it (its row sizes are cached per connection). Its hit count must be the list's
 * total. Without it, search is the same, on bm25().
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PaperQuerySchema } from '../../../shared/ipc/contract';
import { prng } from '../../../shared/prng';
import { findMigrationsFolder, openLibrary, openMemoryLibrary, type Library } from '../client';
import { listPapers } from '../queries/paperList';
import { setState } from '../queries/papers';
import { BM25_WEIGHTS } from '../queries/search';
import { addNote, addPdfText, seedPapers } from '../queries/testSeed';
import { checkoutRankExtension, loadRankExtension, rankFunction } from './extension';

const EXTENSION = checkoutRankExtension(findMigrationsFolder());
const WORDS = 'diffusion protein folding graph robot grasping language modeling survey sparse kernel'.split(' ');
/** Every kind of MATCH the search box produces, plus NEAR, OR and column filters. */
const MATCHES = [
  '"diffusion"',
  '"diffusion"*',
  '"protein" AND "folding"*',
  '"language modeling"',
  'title : "survey"*',
  'authors : "nguyen"*',
  '("graph"*) NOT "psxdismissed"',
  '("robot") AND "psxdismissed"',
  '"sparse" OR "kernel"',
  'NEAR("robot" "grasping", 3)',
  '"sparse" NOT "graph"',
  '"zzz"',
];
const W = Object.values(BM25_WEIGHTS).join(', ');

function seed(lib: Library, n = 300, seedNo = 7, month = '2402'): number[] {
  const r = prng(seedNo);
  const pick = () => WORDS[Math.floor(r() * WORDS.length)]!;
  // Lengths vary a lot, so bm25's length normalisation matters to the order.
  const ids = seedPapers(
    lib.db,
    Array.from({ length: n }, (_, i) => ({
      arxivId: `${month}.${String(10000 + i)}`,
      title: `${pick()} ${pick()} ${i % 5 === 0 ? 'survey' : 'study'}`,
      abstract: Array.from({ length: 3 + Math.floor(r() ** 3 * 200) }, pick).join(' '),
      authors: [r() < 0.2 ? 'Linh Nguyen' : 'Ada Lovelace', 'Alan Turing'],
    })),
  );
  for (const id of ids) if (r() < 0.1) addNote(lib.db, id, `${pick()} ${pick()} note`);
  addPdfText(lib.db, ids[3]!, [Array.from({ length: 900 }, pick).join(' ')]);
  setState(lib.db, ids.filter(() => r() < 0.15), 'dismissed');
  return ids;
}

type Ranked = { id: number; score: number }[];
function ranked(sqlite: Database.Database, fn: 'bm25' | 'papershelf_bm25', match: string): Ranked {
  return sqlite
    .prepare(`SELECT rowid AS id, ${fn}(paper_fts, ${W}) AS score FROM paper_fts WHERE paper_fts MATCH ? ORDER BY score, id`)
    .all(match) as Ranked;
}

/** papershelf_bm25 and bm25 give identical (id, score) lists for every query. */
function expectSameAsBm25(sqlite: Database.Database): void {
  let compared = 0;
  for (const m of MATCHES) {
    const ours = ranked(sqlite, 'papershelf_bm25', m);
    expect(ours, m).toEqual(ranked(sqlite, 'bm25', m));
    compared += ours.length;
  }
  expect(compared).toBeGreaterThan(300);
}

describe('papershelf_bm25', () => {
  let lib: Library;
  beforeEach(() => {
    lib = openMemoryLibrary();
    seed(lib);
  });
  afterEach(() => lib.close());

  it('is built in this checkout and loaded into every library connection', () => {
    expect(rankFunction(lib.sqlite), `no ${EXTENSION}: run npm run build:native`).toBe('papershelf_bm25');
  });

  it('ranks every kind of query exactly as bm25 does', () => {
    expectSameAsBm25(lib.sqlite);
  });

  it('stays exact when papers are edited, added, dismissed and deleted after it cached row sizes', () => {
    expectSameAsBm25(lib.sqlite);
    const sqlite = lib.sqlite;
    // Longer and shorter rows: the cached sizes would be wrong if they were kept.
    sqlite.prepare(`UPDATE papers SET abstract = abstract || ' ' || abstract || ' diffusion' WHERE id % 3 = 0`).run();
    expectSameAsBm25(sqlite);
    sqlite.prepare(`UPDATE papers SET abstract = 'diffusion' WHERE id % 7 = 1`).run();
    expectSameAsBm25(sqlite);
    seed(lib, 40, 9, '2403');
    expectSameAsBm25(sqlite);
    sqlite.prepare(`DELETE FROM papers WHERE id % 5 = 2`).run();
    expectSameAsBm25(sqlite);
    addNote(lib.db, 4, 'diffusion diffusion robot grasping');
    expectSameAsBm25(sqlite);
  });

  it('stays exact after a write statement that ranked part-way through and then failed', () => {
    const sqlite = lib.sqlite;
    sqlite.prepare(`UPDATE papers SET title = title || ' kernel' WHERE id = 40`).run(); // the index changed: caches empty
    // Paper 1's abstract grows; papers 2 and 3 rank (while that change is uncommitted); paper 3
    // breaks NOT NULL, and the whole statement rolls back.
    const failing = sqlite.prepare(`UPDATE papers SET
        abstract = CASE id WHEN 1 THEN abstract || ' diffusion diffusion diffusion' ELSE abstract END,
        hf_upvotes = CASE WHEN id >= 2 THEN (SELECT papershelf_bm25(paper_fts) FROM paper_fts
          WHERE paper_fts MATCH 'diffusion' AND rowid >= papers.id LIMIT 1) + papershelf_in_match('"psxdismissed"', id) END,
        title = CASE id WHEN 3 THEN NULL ELSE title END
      WHERE id IN (1, 2, 3)`);
    expect(() => failing.run()).toThrow(/NOT NULL/);
    expectSameAsBm25(sqlite);
  });

  it('uses its cached sizes for paper_fts only: another FTS5 table ranks as bm25 ranks it', () => {
    const sqlite = lib.sqlite;
    expectSameAsBm25(sqlite);
    sqlite.exec('CREATE VIRTUAL TABLE other_fts USING fts5(body)');
    const ins = sqlite.prepare('INSERT INTO other_fts (rowid, body) VALUES (?, ?)');
    for (let id = 1; id <= 50; id++) ins.run(id, Array.from({ length: 1 + ((id * 13) % 40) }, (_, k) => WORDS[(id + k) % WORDS.length]).join(' '));
    const rank = (fn: string) =>
      sqlite.prepare(`SELECT rowid, ${fn}(other_fts) AS s FROM other_fts WHERE other_fts MATCH 'robot' ORDER BY s, rowid`).all();
    expect(rank('papershelf_bm25')).toEqual(rank('bm25'));
  });

  it('stays exact inside a transaction and after it rolls back', () => {
    const sqlite = lib.sqlite;
    expectSameAsBm25(sqlite);
    sqlite.exec('BEGIN');
    sqlite.prepare(`UPDATE papers SET abstract = 'diffusion diffusion' WHERE id % 2 = 0`).run();
    expectSameAsBm25(sqlite);
    sqlite.exec('ROLLBACK');
    expectSameAsBm25(sqlite);
  });

  it('keeps its row sizes through writes that leave the index alone, and re-reads them after one that changes it', () => {
    const sqlite = lib.sqlite;
    const reads = () => (sqlite.prepare('SELECT papershelf_rank_reads() AS n').get() as { n: number }).n;
    expectSameAsBm25(sqlite);
    const before = reads();
    expect(before).toBeGreaterThan(0);
    sqlite.prepare(`UPDATE papers SET starred = 1, state = 'read' WHERE id % 3 = 0 AND state != 'dismissed'`).run();
    sqlite.prepare(`INSERT INTO tags (name, path) VALUES ('ml', 'ml')`).run();
    expectSameAsBm25(sqlite);
    expect(reads()).toBe(before);
    sqlite.prepare(`UPDATE papers SET title = title || ' robot' WHERE id = 2`).run();
    expectSameAsBm25(sqlite);
    expect(reads()).toBe(before + 1);
  });

  it('papershelf_in_match holds the rows of its query, through dismissals, edits and a transaction', () => {
    const sqlite = lib.sqlite;
    const viaSet = (text: string) =>
      sqlite.prepare('SELECT rowid FROM paper_fts WHERE papershelf_in_match(?, rowid) ORDER BY rowid').pluck().all(text);
    const viaMatch = (text: string) => sqlite.prepare('SELECT rowid FROM paper_fts WHERE paper_fts MATCH ? ORDER BY rowid').pluck().all(text);
    const expectSame = () => {
      for (const text of ['"psxdismissed"', 'title : "survey"', '"robot" NOT "graph"']) expect(viaSet(text), text).toEqual(viaMatch(text));
      expect(viaMatch('"psxdismissed"').length).toBeGreaterThan(10);
    };
    expectSame();
    setState(lib.db, [1, 2, 3, 4, 5], 'dismissed');
    expectSame();
    sqlite.prepare(`UPDATE papers SET state = 'inbox' WHERE id % 4 = 0 AND state = 'dismissed'`).run();
    expectSame();
    sqlite.exec('BEGIN');
    setState(lib.db, [6, 7, 8], 'dismissed');
    sqlite.prepare(`UPDATE papers SET title = 'survey of graphs' WHERE id = 9`).run();
    expectSame();
    sqlite.exec('ROLLBACK');
    expectSame();
  });

  it('papershelf_top pages a ranking exactly as ORDER BY ... LIMIT ... OFFSET does, ties included', () => {
    const sqlite = lib.sqlite;
    const r = prng(3);
    sqlite.exec('CREATE TEMP TABLE ranked (id INTEGER PRIMARY KEY, score REAL)');
    const ins = sqlite.prepare('INSERT INTO ranked (id, score) VALUES (?, ?)');
    // Few distinct scores, so most rows tie and the rowid decides.
    for (let id = 1; id <= 500; id++) ins.run(id, id % 50 === 0 ? null : -Math.floor(r() * 12) / 4);
    for (const descending of [0, 1])
      for (const [limit, offset] of [[10, 0], [7, 13], [0, 0], [50, 480], [50, 600], [1000, 0], [200, 1], [-1, 5], [3, -2]]) {
        const expected = sqlite
          .prepare(`SELECT id FROM ranked ORDER BY score ${descending ? 'DESC' : 'ASC'}, id DESC LIMIT ? OFFSET ?`)
          .pluck()
          .all(limit, offset);
        const page = sqlite.prepare('SELECT papershelf_top(score, id, ?, ?, ?) FROM ranked').pluck().get(limit, offset, descending);
        expect(JSON.parse(page as string), `${descending} ${limit} ${offset}`).toEqual(expected);
      }
    expect(sqlite.prepare('SELECT papershelf_top(score, id, 10, 0, 0) FROM ranked WHERE 0').pluck().get()).toBe('[]');
    // limit + offset past 2^63 neither wraps nor crashes.
    expect(sqlite.prepare('SELECT papershelf_top(score, id, 1000, 1e20, 0) FROM ranked').pluck().get()).toBe('[]');
  });

  it('gives the list its page and total in one pass', () => {
    for (const search of ['diffusion', 'protein folding', 'title:survey', 'sparse -graph', 'zzz'])
      for (const view of ['all', 'dismissed'] as const)
        for (const [offset, limit] of [[0, 200], [0, 5], [10, 5]] as const) {
          const q = PaperQuerySchema.parse({ search, view, sort: 'relevance', offset, limit });
          const page = listPapers(lib.db, q);
          const all = listPapers(lib.db, { ...q, offset: 0, limit: 100000 });
          expect(page.total, `${search} ${view} ${offset}`).toBe(all.rows.length);
          expect(page.rows.map((r) => r.id)).toEqual(all.rows.slice(offset, offset + limit).map((r) => r.id));
        }
  });
});

describe('two connections', () => {
  let dir: string;
  let reader: Database.Database;
  let writer: Database.Database;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'papershelf-rank-'));
    const lib = openLibrary(dir);
    seed(lib);
    lib.close();
    reader = new Database(join(dir, 'library.sqlite'));
    writer = new Database(join(dir, 'library.sqlite'));
    for (const c of [reader, writer]) c.pragma('journal_mode = WAL');
    expect(loadRankExtension(reader, EXTENSION)).toBe(true);
  });
  afterEach(() => {
    reader.close();
    writer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sees row sizes change when another connection commits', () => {
    expectSameAsBm25(reader);
    writer.prepare(`UPDATE papers SET abstract = abstract || ' diffusion robot robot' WHERE id % 4 = 0`).run();
    expectSameAsBm25(reader);
    writer.transaction(() => writer.prepare(`UPDATE papers SET abstract = 'graph' WHERE id % 6 = 5`).run())();
    expectSameAsBm25(reader);
  });
});

describe('a paper_fts dropped and created again', () => {
  it('is a new index to the caches, even with the same totals', () => {
    const sqlite = new Database(':memory:');
    try {
      expect(loadRankExtension(sqlite, EXTENSION)).toBe(true);
      const build = (rows: string[]) => {
        sqlite.exec('DROP TABLE IF EXISTS paper_fts; CREATE VIRTUAL TABLE paper_fts USING fts5(body)');
        rows.forEach((body, i) => sqlite.prepare('INSERT INTO paper_fts (rowid, body) VALUES (?, ?)').run(i + 1, body));
      };
      const same = () =>
        expect(ranked(sqlite, 'papershelf_bm25', 'robot')).toEqual(ranked(sqlite, 'bm25', 'robot'));
      build(['robot arm', 'robot', 'graph']);
      same();
      // Same row count and token total, sizes moved between rows.
      build(['robot', 'robot arm', 'graph']);
      same();
    } finally {
      sqlite.close();
    }
  });
});

describe('without the extension', () => {
  it('searches on bm25 with the same rows, scores and totals', () => {
    const plain = openMemoryLibrary(findMigrationsFolder(), null);
    const fast = openMemoryLibrary();
    try {
      seed(plain);
      seed(fast);
      expect(rankFunction(plain.sqlite)).toBe('bm25');
      for (const search of ['diffusion', 'protein folding', '"language modeling"', 'author:nguyen', 'sparse -graph'])
        for (const view of ['all', 'dismissed'] as const) {
          const q = PaperQuerySchema.parse({ search, view, sort: 'relevance', limit: 50 });
          const a = listPapers(plain.db, q, { matches: true });
          const b = listPapers(fast.db, q, { matches: true });
          expect(b.total, `${search} ${view}`).toBe(a.total);
          expect(b.rows.map((r) => [r.id, r.match?.score])).toEqual(a.rows.map((r) => [r.id, r.match?.score]));
        }
    } finally {
      plain.close();
      fast.close();
    }
  });

  it('is what a library gets from a missing or unloadable extension file, with one warning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'papershelf-rank-bad-'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const sqlite = new Database(':memory:');
    try {
      expect(loadRankExtension(sqlite, join(dir, 'absent.so'))).toBe(false);
      expect(warn).not.toHaveBeenCalled();
      const bad = join(dir, 'papershelf_rank.so');
      writeFileSync(bad, 'not a shared object');
      expect(loadRankExtension(sqlite, bad)).toBe(false);
      expect(rankFunction(sqlite)).toBe('bm25');
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
      sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
