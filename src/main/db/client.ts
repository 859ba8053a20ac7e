/**
 * Opening a library: one writer process at a time, WAL, foreign keys, migrations applied before
 * any data is served.
 *
 * The single-writer rule uses SQLite's own lock (`locking_mode = EXCLUSIVE`, the way Zotero does):
 * the lock is held by the open connection, so it is released by the OS if the process dies, and a
 * second process gets a clear `locked` error instead of a chance to corrupt the file.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/errors';
import { DB_FILE, PDF_DIR } from '../library/home';
import { checkoutRankExtension, loadRankExtension } from './rank/extension';
import * as schema from './schema';

export type Schema = typeof schema;
declare const READ: unique symbol;
declare const WRITE: unique symbol;
/** A handle that may only read. */
export type ReadDb = BetterSQLite3Database<Schema> & { readonly [READ]?: true; $client: Database.Database };
/** A handle that may write (and read). */
export type WriteDb = ReadDb & { readonly [WRITE]?: true };

export interface Library {
  dir: string;
  pdfDir: string;
  sqlite: Database.Database;
  db: WriteDb;
  close(): void;
}

export interface OpenOptions {
  migrationsFolder?: string;
  /** Options passed to better-sqlite3 (e.g. `nativeBinding` for the Electron-ABI build). */
  nativeBinding?: string;
  /**
   * The search ranking extension to load (db/rank/extension.ts): a path, or null for none.
   * Default: the one a checkout builds into native/sqlite/, if present.
   */
  rankExtension?: string | null;
  /** Message for a library that fails its integrity check after an unclean shutdown. */
  onDamaged?: (dir: string, problem: string) => string;
}

/** The folder with drizzle's migrations: `drizzle/` at the project root, found by walking up. */
export function findMigrationsFolder(start = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, 'drizzle');
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No drizzle migrations folder found above ${start}`);
    dir = parent;
  }
}

export function applyPragmas(sqlite: Database.Database, { exclusive }: { exclusive: boolean }): void {
  sqlite.pragma('busy_timeout = 0');
  if (exclusive) sqlite.pragma('locking_mode = EXCLUSIVE');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('cache_size = -65536');
  // Library list and search read rows by id all over the file: map it instead of read() per page (#4).
  sqlite.pragma('mmap_size = 1073741824');
}

function isCorrupt(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? '';
  return code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB');
}

function isBusy(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? '';
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

/** Open (creating if needed) the library in `dir`, take the writer lock and migrate. */
export function openLibrary(dir: string, opts: OpenOptions = {}): Library {
  const pdfDir = join(dir, PDF_DIR);
  try {
    mkdirSync(pdfDir, { recursive: true });
  } catch (e) {
    throw new AppError('bad-input', `Cannot create the library folder ${dir}: ${(e as Error).message}`);
  }
  const file = join(dir, DB_FILE);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  } catch (e) {
    throw new AppError('bad-input', `Cannot open ${file}: ${(e as Error).message}`);
  }
  try {
    applyPragmas(sqlite, { exclusive: true });
    // Take the exclusive lock now rather than at the first write.
    sqlite.exec('BEGIN EXCLUSIVE; COMMIT;');
  } catch (e) {
    sqlite.close();
    if (isBusy(e)) {
      throw new AppError(
        'locked',
        `The library at ${dir} is in use by another Papershelf process (the app, browser mode or the CLI). ` +
          `Close it and try again, or choose another library with --library.`,
      );
    }
    if (isCorrupt(e)) throw damaged(dir, (e as Error).message, opts);
    throw new AppError('bad-input', `${file} is not a usable Papershelf library: ${(e as Error).message}`);
  }
  sqlite.pragma('busy_timeout = 5000');
  // After an unclean shutdown, check the whole file before serving anything from it.
  const marker = openMarker(file);
  if (existsSync(marker)) {
    let result: string;
    try {
      const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
      result = rows.map((r) => r.integrity_check).join('; ');
    } catch (e) {
      result = (e as Error).message;
    }
    if (result !== 'ok') {
      sqlite.close();
      throw damaged(dir, result, opts);
    }
  }
  writeFileSync(marker, JSON.stringify({ pid: process.pid, openedAt: new Date().toISOString() }));
  const db = drizzle(sqlite, { schema }) as WriteDb;
  const migrationsFolder = opts.migrationsFolder ?? findMigrationsFolder();
  try {
    migrate(db, { migrationsFolder });
  } catch (e) {
    sqlite.close();
    throw new AppError('internal', `Could not update the library schema: ${(e as Error).message}`);
  }
  loadRankExtension(sqlite, opts.rankExtension === undefined ? checkoutRankExtension(migrationsFolder) : opts.rankExtension);
  return {
    dir,
    pdfDir,
    sqlite,
    db,
    close: () => {
      if (!sqlite.open) return;
      sqlite.close();
      rmSync(marker, { force: true });
    },
  };
}

function damaged(dir: string, problem: string, opts: OpenOptions): AppError {
  return new AppError('damaged', opts.onDamaged ? opts.onDamaged(dir, problem) : `The library at ${dir} is damaged: ${problem}`);
}

/** Present while a process has the library open; left behind by a crash. */
export function openMarker(dbFile: string): string {
  return `${dbFile}.open`;
}

/** Open an in-memory library (tests, benchmarks). */
export function openMemoryLibrary(
  migrationsFolder = findMigrationsFolder(),
  rankExtension: string | null = checkoutRankExtension(migrationsFolder),
): Library {
  const sqlite = new Database(':memory:');
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle(sqlite, { schema }) as WriteDb;
  migrate(db, { migrationsFolder });
  loadRankExtension(sqlite, rankExtension);
  return { dir: ':memory:', pdfDir: '', sqlite, db, close: () => sqlite.close() };
}

/** How many migrations in the folder the database has not applied yet. */
export function pendingMigrations(sqlite: Database.Database, migrationsFolder: string): number {
  const journal = JSON.parse(
    readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as { entries: { when: number }[] };
  const hasTable = sqlite
    .prepare(`SELECT 1 FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'`)
    .get();
  if (!hasTable) return journal.entries.length;
  const last = sqlite.prepare('SELECT max(created_at) AS t FROM __drizzle_migrations').get() as { t: number | null };
  return journal.entries.filter((e) => last.t === null || e.when > last.t).length;
}
