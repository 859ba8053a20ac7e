/**
 * The search ranking extension (papershelf_rank.c): `papershelf_bm25()` returns exactly what
 * FTS5's `bm25()` returns, about twice as fast on a large library. It is loaded into each
 * connection when built (scripts/build-rank-extension.mjs, run by `npm ci`); without it the
 * same SQL runs on `bm25()` and gives the same order and scores.
 */
import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const withExtension = new WeakSet<Database.Database>();

export function rankExtensionFileName(platform: NodeJS.Platform = process.platform): string {
  return `papershelf_rank.${platform === 'darwin' ? 'dylib' : platform === 'win32' ? 'dll' : 'so'}`;
}

/** Where a development checkout builds it: `native/sqlite/` beside the migrations folder. */
export function checkoutRankExtension(migrationsFolder: string): string {
  return join(dirname(migrationsFolder), 'native', 'sqlite', rankExtensionFileName());
}

/**
 * Load the extension into a connection. A missing file means "not built here"; a file that
 * fails to load is reported once and skipped. Either way search still works, on bm25().
 */
export function loadRankExtension(sqlite: Database.Database, file: string | null): boolean {
  if (!file || !existsSync(file)) return false;
  try {
    sqlite.loadExtension(file);
    withExtension.add(sqlite);
    return true;
  } catch (e) {
    warnOnce(`papershelf: could not load the search ranking extension ${file} (${(e as Error).message}); using bm25().`);
    return false;
  }
}

let warned = false;
function warnOnce(message: string): void {
  if (warned) return;
  warned = true;
  console.warn(message);
}

/** The ranking function this connection has: the extension's, or SQLite's own. */
export function rankFunction(sqlite: Database.Database): 'papershelf_bm25' | 'bm25' {
  return withExtension.has(sqlite) ? 'papershelf_bm25' : 'bm25';
}
