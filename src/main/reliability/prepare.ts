/**
 * What a host does before it opens a library: back the database up if migrations are about to
 * change it, and word the message for a library found damaged after an unclean shutdown.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findMigrationsFolder, pendingMigrations } from '../db/client';
import { DB_FILE } from '../library/home';
import { backupLibrary, newestGoodBackup } from './backup';

/** Back up an existing library that has pending migrations. Returns the backup, if one was made. */
export async function prepareLibrary(dir: string, migrationsFolder = findMigrationsFolder()): Promise<string | null> {
  const file = join(dir, DB_FILE);
  if (!existsSync(file)) return null;
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { fileMustExist: true });
    sqlite.pragma('busy_timeout = 0');
  } catch {
    return null; // openLibrary reports what is wrong with it
  }
  try {
    const hasTables = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'papers'`).get();
    if (!hasTables || pendingMigrations(sqlite, migrationsFolder) === 0) return null;
    return await backupLibrary(sqlite, dir, 'pre-migration');
  } catch {
    return null; // locked by another process, or unreadable: openLibrary says so clearly
  } finally {
    sqlite.close();
  }
}

export function damagedMessage(dir: string, problem: string): string {
  const good = newestGoodBackup(dir);
  const head = `The library at ${dir} is damaged (${problem.slice(0, 300)}), so Papershelf did not open it.`;
  return good
    ? `${head} The newest good backup is from ${good.createdAt}: restore it with \`papershelf restore --latest --library "${dir}"\` (the damaged file is kept as a backup too).`
    : `${head} No good backup was found in ${join(dir, 'backups')}.`;
}
