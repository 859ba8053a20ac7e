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
  } catch (e) {
    warnOnce(`papershelf: could not load the search ranking extension ${file} (${(e as Error).message}); using bm25().`);
    return false;
  }
  let agrees: boolean;
  try {
    agrees = agreesWithBm25(sqlite);
  } catch (e) {
    warnOnce(`papershelf: could not check the search ranking extension ${file} (${(e as Error).message}); using bm25().`);
    return false;
  }
  if (!agrees) {
    warnOnce(`papershelf: the search ranking extension ${file} scores differently from bm25() (built with other floating-point settings?); using bm25().`);
    return false;
  }
  withExtension.add(sqlite);
  return true;
}

/**
 * Its scores must be bm25's to the last bit (a compiler that fuses multiply-adds rounds
 * differently): compare the two on a small temporary index of rows of varied lengths.
 */
function agreesWithBm25(sqlite: Database.Database): boolean {
  const words = ['graph', 'neural', 'diffusion', 'robot', 'protein', 'sparse', 'kernel'];
  sqlite.exec('CREATE VIRTUAL TABLE temp.papershelf_rank_check USING fts5(title, body)');
  try {
    const insert = sqlite.prepare('INSERT INTO temp.papershelf_rank_check (title, body) VALUES (?, ?)');
    for (let i = 0; i < 60; i++) {
      const pick = (k: number) => words[(i * 7 + k * 3 + ((i * k) % 5)) % words.length]!;
      insert.run(`${pick(1)} ${pick(2)}`, Array.from({ length: 3 + ((i * 37) % 90) }, (_, k) => pick(k)).join(' '));
    }
    const scores = (fn: string, match: string) =>
      sqlite
        .prepare(`SELECT ${fn}(papershelf_rank_check, 3.5, 1.25) FROM temp.papershelf_rank_check WHERE papershelf_rank_check MATCH ? ORDER BY rowid`)
        .pluck()
        .all(match) as number[];
    return ['graph', 'neural OR robot', '"sparse kernel"', 'prot*'].every((m) => {
      const ours = scores('papershelf_bm25', m);
      const theirs = scores('bm25', m);
      return ours.length > 0 && ours.length === theirs.length && ours.every((x, i) => Object.is(x, theirs[i]));
    });
  } finally {
    sqlite.exec('DROP TABLE temp.papershelf_rank_check');
  }
}

const warned = new Set<string>();
/** Say each problem once per process, not once per connection. */
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(message);
}

/** The ranking function this connection has: the extension's, or SQLite's own. */
export function rankFunction(sqlite: Database.Database): 'papershelf_bm25' | 'bm25' {
  return withExtension.has(sqlite) ? 'papershelf_bm25' : 'bm25';
}
