/**
 * One case per migration: open :memory:, migrate to N-1, insert rows, migrate, assert contents.
 * Plus explain() checks for the hot queries.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { migrationTags, trimmedMigrations } from '../testing/migrations';
import { findMigrationsFolder, openMemoryLibrary } from './client';
import * as schema from './schema';

function dbAt(n: number) {
  const sqlite = new Database(':memory:');
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: trimmedMigrations(n) });
  return { sqlite, db };
}

function explain(sqlite: Database.Database, sql: string, ...params: unknown[]): string {
  return (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
}

describe('migrations', () => {
  it('are listed in order in the journal', () => {
    expect(migrationTags()).toEqual(['0000_init', '0001_search_index', '0002_library_indexes', '0003_library_filter_indexes', '0004_search_status']);
  });

  it('0000_init creates the library tables with WAL-friendly defaults', () => {
    const { sqlite } = dbAt(1);
    const tables = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type='table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
    for (const t of ['papers', 'authors', 'paper_authors', 'tags', 'paper_tags', 'notes', 'annotations', 'pdfs', 'pdf_pages', 'sync_sources', 'sync_runs', 'jobs', 'settings', 'watch_rules', 'saved_searches', 'reading_positions', 'paper_sources']) {
      expect(tables).toContain(t);
    }
    sqlite.prepare(`INSERT INTO papers (title) VALUES ('x')`).run();
    const row = sqlite.prepare('SELECT state, starred, categories, added_at FROM papers').get() as Record<string, unknown>;
    expect(row).toMatchObject({ state: 'inbox', starred: 0, categories: '[]' });
    expect(row.added_at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('0001_search_index indexes the papers, notes and annotations already in the library', () => {
    const { sqlite, db } = dbAt(1);
    sqlite.prepare(`INSERT INTO papers (id, title, abstract, authors_text) VALUES (1, 'Diffusion transformers', 'We scale latent diffusion.', 'Ada Lovelace')`).run();
    sqlite.prepare(`INSERT INTO papers (id, title) VALUES (2, 'Graph networks')`).run();
    sqlite.prepare(`INSERT INTO notes (paper_id, body) VALUES (2, 'read alongside the zebrafish paper')`).run();
    sqlite.prepare(`INSERT INTO annotations (id, paper_id, kind, color, page_index, rects, text, comment, sort_index)
                    VALUES ('a1', 2, 'highlight', '#ffd400', 0, '[[0,0,1,1]]', 'message passing', 'key idea', '00000|000000|00000')`).run();
    migrate(db, { migrationsFolder: findMigrationsFolder() });
    const match = (q: string) => (sqlite.prepare('SELECT rowid FROM paper_fts WHERE paper_fts MATCH ? ORDER BY rowid').all(q) as { rowid: number }[]).map((r) => r.rowid);
    expect(match('diffusion')).toEqual([1]);
    expect(match('lovelace')).toEqual([1]);
    expect(match('zebrafish')).toEqual([2]);
    expect(match('"message passing"')).toEqual([2]);
    expect(match('key')).toEqual([2]);
  });

  it('0004_search_status rebuilds the search index with the dismissed token and keeps every text', () => {
    const { sqlite, db } = dbAt(4);
    sqlite.prepare(`INSERT INTO papers (id, title, abstract, state) VALUES (1, 'Diffusion transformers', 'latent', 'inbox')`).run();
    sqlite.prepare(`INSERT INTO papers (id, title, state) VALUES (2, 'Graph networks', 'dismissed')`).run();
    sqlite.prepare(`INSERT INTO notes (paper_id, body) VALUES (2, 'zebrafish')`).run();
    sqlite.prepare(`INSERT INTO annotations (id, paper_id, kind, color, page_index, rects, text, comment, sort_index)
                    VALUES ('a1', 1, 'highlight', '#ffd400', 0, '[[0,0,1,1]]', 'message passing', 'key idea', '00000|000000|00000')`).run();
    migrate(db, { migrationsFolder: findMigrationsFolder() });
    const match = (q: string) => (sqlite.prepare('SELECT rowid FROM paper_fts WHERE paper_fts MATCH ? ORDER BY rowid').all(q) as { rowid: number }[]).map((r) => r.rowid);
    expect(match('latent OR zebrafish OR "message passing"')).toEqual([1, 2]);
    expect(match('psxdismissed')).toEqual([2]);
    expect(match('(diffusion OR graph) NOT psxdismissed')).toEqual([1]);
    sqlite.prepare(`UPDATE papers SET state = 'dismissed' WHERE id = 1`).run();
    sqlite.prepare(`UPDATE papers SET state = 'read' WHERE id = 2`).run();
    expect(match('psxdismissed')).toEqual([1]);
    expect(match('"message passing" OR zebrafish')).toEqual([1, 2]);
  });

  it('keeps the search index in step with later writes', () => {
    const { sqlite } = openMemoryLibrary();
    const match = (q: string) => (sqlite.prepare('SELECT rowid FROM paper_fts WHERE paper_fts MATCH ?').all(q) as { rowid: number }[]).map((r) => r.rowid);
    sqlite.prepare(`INSERT INTO papers (id, title, authors_text) VALUES (7, 'Sparse attention', 'Grace Hopper')`).run();
    expect(match('sparse')).toEqual([7]);
    sqlite.prepare(`UPDATE papers SET title = 'Dense attention' WHERE id = 7`).run();
    expect(match('sparse')).toEqual([]);
    expect(match('dense')).toEqual([7]);
    sqlite.prepare(`INSERT INTO notes (paper_id, body) VALUES (7, 'compare with mamba')`).run();
    expect(match('mamba')).toEqual([7]);
    sqlite.prepare(`UPDATE notes SET body = 'compare with rwkv' WHERE paper_id = 7`).run();
    expect(match('mamba')).toEqual([]);
    expect(match('rwkv')).toEqual([7]);
    sqlite.prepare(`INSERT INTO pdfs (id, paper_id, state) VALUES (1, 7, 'done')`).run();
    sqlite.prepare(`INSERT INTO pdf_pages (pdf_id, page_index, text) VALUES (1, 0, 'axolotl appendix')`).run();
    expect(match('axolotl')).toEqual([]);
    sqlite.prepare(`UPDATE pdfs SET text_state = 'done' WHERE id = 1`).run();
    expect(match('axolotl')).toEqual([7]);
    sqlite.prepare('DELETE FROM papers WHERE id = 7').run();
    expect(match('dense')).toEqual([]);
    expect((sqlite.prepare('SELECT count(*) AS n FROM paper_fts').get() as { n: number }).n).toBe(0);
  });

  it('the library list and the daily view use indexes, not a scan with a temp sort', () => {
    const { sqlite } = openMemoryLibrary();
    const list = explain(sqlite, `SELECT id FROM papers WHERE state = 'inbox' ORDER BY published_at DESC LIMIT 200`);
    expect(list).toContain('papers_state_published');
    expect(list).not.toContain('TEMP B-TREE');
    const daily = explain(sqlite, `SELECT id FROM papers WHERE hf_featured_on = '2026-11-27' ORDER BY hf_upvotes DESC`);
    expect(daily).toContain('papers_featured');
    const byArxiv = explain(sqlite, `SELECT id FROM papers WHERE arxiv_id = '2604.11784'`);
    expect(byArxiv).toContain('papers_arxiv_id');
  });
});
