/**
 * Library migrations (#4): 0002 sort indexes, 0003 filter indexes. Each: migrate to N-1 (a copy of
 * the folder trimmed to N-1), insert rows, migrate, check the indexes and that the rows are kept.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { expect, it } from 'vitest';
import { trimmedMigrations as trimmedFolder } from '../testing/migrations';
import { findMigrationsFolder } from './client';
import * as schema from './schema';

function migratedTo(n: number) {
  const sqlite = new Database(':memory:');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: trimmedFolder(n) });
  sqlite.prepare(`INSERT INTO papers (arxiv_id, title, authors_text, starred) VALUES ('2401.00001', 'Kept', 'A B', 1)`).run();
  sqlite.prepare(`INSERT INTO paper_sources (paper_id, source_key) VALUES (1, 'hf:2024-01-01')`).run();
  return { sqlite, db };
}

const indexSql = (sqlite: Database.Database, name: string) =>
  (sqlite.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`).get(name) as { sql: string } | undefined)?.sql;

function expectRowsKept(sqlite: Database.Database) {
  expect(sqlite.prepare('SELECT arxiv_id, title, starred FROM papers').all()).toEqual([{ arxiv_id: '2401.00001', title: 'Kept', starred: 1 }]);
  expect(sqlite.prepare('SELECT paper_id, source_key FROM paper_sources').all()).toEqual([{ paper_id: 1, source_key: 'hf:2024-01-01' }]);
  expect(sqlite.prepare(`SELECT rowid FROM paper_fts WHERE paper_fts MATCH 'kept'`).all()).toHaveLength(1);
}

it('0002 adds the NOCASE title/author and starred indexes', () => {
  const { sqlite, db } = migratedTo(2);
  migrate(db, { migrationsFolder: trimmedFolder(3) });
  expect(indexSql(sqlite, 'papers_title_nocase')).toMatch(/"title" COLLATE NOCASE/);
  expect(indexSql(sqlite, 'papers_authors_nocase')).toMatch(/"authors_text" COLLATE NOCASE/);
  expect(indexSql(sqlite, 'papers_starred_published')).toBeDefined();
  expectRowsKept(sqlite);
  sqlite.close();
});

it('0003 adds the narrow filter index, state on the sort indexes and the covering source index', () => {
  const { sqlite, db } = migratedTo(3);
  migrate(db, { migrationsFolder: findMigrationsFolder() });
  expect(indexSql(sqlite, 'papers_id_filter')).toMatch(/`id`,`state`,`starred`,`published_at`,`hf_featured_on`/);
  expect(indexSql(sqlite, 'papers_title_nocase')).toMatch(/COLLATE NOCASE,`state`/);
  expect(indexSql(sqlite, 'papers_authors_nocase')).toMatch(/COLLATE NOCASE,`state`/);
  expect(indexSql(sqlite, 'paper_sources_key_paper')).toMatch(/`source_key`,`paper_id`/);
  expectRowsKept(sqlite);
  sqlite.close();
});
