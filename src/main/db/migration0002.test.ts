/** 0002_library_indexes: sort indexes for the library list; existing rows are kept as they were. */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { findMigrationsFolder } from './client';
import * as schema from './schema';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the migrations folder holding only the first `n` migrations. */
function trimmedFolder(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-mig-'));
  dirs.push(dir);
  cpSync(findMigrationsFolder(), dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, n);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

it('0002 adds the sort indexes and keeps existing papers', () => {
  const sqlite = new Database(':memory:');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: trimmedFolder(2) });
  sqlite.prepare(`INSERT INTO papers (arxiv_id, title, authors_text, starred) VALUES ('2401.00001', 'Kept', 'A B', 1)`).run();
  migrate(db, { migrationsFolder: findMigrationsFolder() });
  const indexes = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'papers'`).all() as { name: string }[]).map((r) => r.name);
  expect(indexes).toEqual(expect.arrayContaining(['papers_title_nocase', 'papers_authors_nocase', 'papers_starred_published', 'papers_id_filter']));
  expect((sqlite.prepare(`SELECT name FROM sqlite_master WHERE name = 'paper_sources_key_paper'`).all())).toHaveLength(1);
  expect(sqlite.prepare('SELECT arxiv_id, title, starred FROM papers').all()).toEqual([{ arxiv_id: '2401.00001', title: 'Kept', starred: 1 }]);
  expect(sqlite.prepare(`SELECT rowid FROM paper_fts WHERE paper_fts MATCH 'kept'`).all()).toHaveLength(1);
  sqlite.close();
});
