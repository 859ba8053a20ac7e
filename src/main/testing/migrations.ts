/** Test helpers for migrations: a copy of drizzle/ trimmed to its first N migrations. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findMigrationsFolder } from '../db/client';

interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}

export function migrationTags(folder = findMigrationsFolder()): string[] {
  const j = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
  return j.entries.map((e) => e.tag);
}

/** A temporary migrations folder holding only the first `n` migrations. */
export function trimmedMigrations(n: number, folder = findMigrationsFolder()): string {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-migrations-'));
  cpSync(folder, dir, { recursive: true });
  const file = join(dir, 'meta', '_journal.json');
  const j = JSON.parse(readFileSync(file, 'utf8')) as Journal;
  j.entries = j.entries.slice(0, n);
  writeFileSync(file, JSON.stringify(j));
  return dir;
}
