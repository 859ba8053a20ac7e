/**
 * Backups with SQLite's online backup API (better-sqlite3 `db.backup`), kept in
 * `<library>/backups/` and bounded per kind: before every migration, daily, by hand, and before a
 * restore. Each is written to a temporary name, checked, then renamed into place, so a backup that
 * is listed is always complete.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import { DB_FILE } from '../library/home';

export const BACKUP_KINDS = ['pre-migration', 'daily', 'manual', 'pre-restore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** How many of each kind are kept. */
export const KEEP: Record<BackupKind, number> = { 'pre-migration': 5, daily: 7, manual: 10, 'pre-restore': 3 };

export interface BackupInfo {
  file: string;
  kind: BackupKind;
  createdAt: string;
  bytes: number;
}

const NAME = /^library-(\d{8}T\d{6}\d{3}Z)-([a-z-]+)\.sqlite$/;

export function backupsDir(libraryDir: string): string {
  return join(libraryDir, 'backups');
}

function stamp(d = new Date()): string {
  return d.toISOString().replace(/[-:.]/g, '');
}

function parseStamp(s: string): string {
  const m = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)(\d{3})Z$/.exec(s)!;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
}

/** Backups of a library, newest first. */
export function listBackups(libraryDir: string): BackupInfo[] {
  const dir = backupsDir(libraryDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => {
      const m = NAME.exec(name);
      if (!m || !(BACKUP_KINDS as readonly string[]).includes(m[2]!)) return null;
      const file = join(dir, name);
      return { file, kind: m[2] as BackupKind, createdAt: parseStamp(m[1]!), bytes: statSync(file).size };
    })
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** `ok` when the file is a readable SQLite database that passes integrity_check. */
export function checkIntegrity(file: string): string {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const msg = rows.map((r) => r.integrity_check).join('; ');
    return msg === 'ok' ? 'ok' : msg;
  } catch (e) {
    return (e as Error).message;
  } finally {
    db?.close();
  }
}

/** Back up an open database. Resolves to the new backup's path. */
export async function backupLibrary(sqlite: Database.Database, libraryDir: string, kind: BackupKind): Promise<string> {
  const dir = backupsDir(libraryDir);
  mkdirSync(dir, { recursive: true });
  let name = `library-${stamp()}-${kind}.sqlite`;
  while (existsSync(join(dir, name))) name = `library-${stamp(new Date(Date.now() + 1))}-${kind}.sqlite`;
  const tmp = join(dir, `.${name}.partial`);
  const final = join(dir, name);
  try {
    await sqlite.backup(tmp);
    const check = checkIntegrity(tmp);
    if (check !== 'ok') throw new AppError('damaged', `The backup did not pass its integrity check: ${check}`);
    renameSync(tmp, final);
  } finally {
    rmSync(tmp, { force: true });
  }
  pruneBackups(libraryDir, kind);
  return final;
}

export function pruneBackups(libraryDir: string, kind: BackupKind): void {
  const old = listBackups(libraryDir).filter((b) => b.kind === kind).slice(KEEP[kind]);
  for (const b of old) rmSync(b.file, { force: true });
}

/** The newest backup that passes an integrity check, if any. */
export function newestGoodBackup(libraryDir: string): BackupInfo | null {
  for (const b of listBackups(libraryDir)) if (checkIntegrity(b.file) === 'ok') return b;
  return null;
}

/**
 * Replace the library's database with a backup. The caller must not hold the library open; the
 * current database (if readable) is itself backed up first, as `pre-restore`.
 */
export async function restoreBackup(libraryDir: string, backupFile: string): Promise<{ restored: string; saved: string | null }> {
  const check = checkIntegrity(backupFile);
  if (check !== 'ok') throw new AppError('damaged', `${backupFile} is not a good backup: ${check}`);
  const dbFile = join(libraryDir, DB_FILE);
  let saved: string | null = null;
  if (existsSync(dbFile)) {
    let cur: Database.Database | null = null;
    try {
      cur = new Database(dbFile);
      cur.pragma('busy_timeout = 0');
      cur.pragma('locking_mode = EXCLUSIVE');
      cur.exec('BEGIN EXCLUSIVE; COMMIT;');
    } catch (e) {
      cur?.close();
      const code = (e as { code?: string }).code ?? '';
      if (code.startsWith('SQLITE_BUSY')) {
        throw new AppError('locked', `The library at ${libraryDir} is in use by another Papershelf process: close it before restoring.`);
      }
      cur = null; // unreadable: nothing to save, just replace it
    }
    if (cur) {
      try {
        saved = await backupLibrary(cur, libraryDir, 'pre-restore');
        cur.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        saved = null;
      } finally {
        cur.close();
      }
    }
  }
  // Copy the backup beside the database, then swap it in atomically; drop any old WAL.
  const tmp = `${dbFile}.restore-${process.pid}`;
  const src = new Database(backupFile, { readonly: true });
  try {
    await src.backup(tmp);
  } finally {
    src.close();
  }
  for (const ext of ['-wal', '-shm']) rmSync(dbFile + ext, { force: true });
  renameSync(tmp, dbFile);
  return { restored: backupFile, saved };
}
