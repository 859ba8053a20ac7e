/**
 * A full export of a library — database, PDFs and a JSON dump of every row — and its import into
 * a new, empty library. The JSON dump is generic over the schema (every table but the search
 * index, which is rebuilt), so a table added later is carried without changes here.
 *
 *   DIR/papershelf-dump.json   { format, version, migration, exportedAt, tables: { name: rows } }
 *   DIR/library.sqlite         a copy made with the online backup API
 *   DIR/pdfs/…                 the PDF files, same layout as in the library
 */
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../shared/errors';
import { openLibrary, type Library } from '../db/client';
import { PDF_DIR } from '../library/home';

export const DUMP_FILE = 'papershelf-dump.json';
const FORMAT = 'papershelf-dump';

export interface Dump {
  format: typeof FORMAT;
  version: 1;
  migration: string | null;
  exportedAt: string;
  tables: Record<string, Record<string, unknown>[]>;
}

/** User tables in an order that satisfies foreign keys (parents first). */
export function dataTables(sqlite: Database.Database): string[] {
  const names = (
    sqlite
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
           AND name NOT LIKE '__drizzle%' AND name NOT LIKE 'paper_fts%' ORDER BY name`,
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
  const deps = new Map(
    names.map((n) => [n, (sqlite.pragma(`foreign_key_list(${JSON.stringify(n)})`) as { table: string }[]).map((f) => f.table).filter((t) => t !== n)]),
  );
  const out: string[] = [];
  const visit = (n: string, seen: Set<string>) => {
    if (out.includes(n) || seen.has(n)) return;
    seen.add(n);
    for (const d of deps.get(n) ?? []) if (names.includes(d)) visit(d, seen);
    out.push(n);
  };
  names.forEach((n) => visit(n, new Set()));
  return out;
}

export function dumpData(sqlite: Database.Database): Dump {
  const tables: Dump['tables'] = {};
  for (const t of dataTables(sqlite)) {
    tables[t] = sqlite.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all() as Record<string, unknown>[];
  }
  const last = sqlite.prepare(`SELECT hash FROM __drizzle_migrations ORDER BY created_at DESC LIMIT 1`).get() as { hash: string } | undefined;
  return { format: FORMAT, version: 1, migration: last?.hash ?? null, exportedAt: new Date().toISOString(), tables };
}

/** Write a full export of an open library into `outDir` (created; must be empty if it exists). */
export async function exportLibrary(lib: Library, outDir: string): Promise<{ papers: number; pdfs: number }> {
  if (existsSync(outDir) && readdirSync(outDir).length > 0) throw new AppError('conflict', `${outDir} is not empty`);
  mkdirSync(outDir, { recursive: true });
  const dump = dumpData(lib.sqlite);
  await lib.sqlite.backup(join(outDir, 'library.sqlite'));
  let pdfs = 0;
  for (const row of dump.tables.pdfs ?? []) {
    const rel = row.path as string | null;
    if (!rel || row.state !== 'done') continue;
    const src = join(lib.dir, rel);
    if (!existsSync(src)) continue;
    mkdirSync(dirname(join(outDir, rel)), { recursive: true });
    cpSync(src, join(outDir, rel));
    pdfs++;
  }
  const tmp = join(outDir, `.${DUMP_FILE}.partial`);
  writeFileSync(tmp, JSON.stringify(dump));
  renameSync(tmp, join(outDir, DUMP_FILE));
  return { papers: dump.tables.papers?.length ?? 0, pdfs };
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * Import a full export into a new library at `libraryDir` (which must not hold a library yet).
 * Every row goes in one transaction; PDFs are checked against their recorded sha256.
 */
export function importLibrary(fromDir: string, libraryDir: string): { papers: number; pdfs: number } {
  const file = join(fromDir, DUMP_FILE);
  if (!existsSync(file)) throw new AppError('bad-input', `${fromDir} is not a Papershelf export (no ${DUMP_FILE})`);
  let dump: Dump;
  try {
    dump = JSON.parse(readFileSync(file, 'utf8')) as Dump;
  } catch (e) {
    throw new AppError('bad-input', `${file} is not valid JSON: ${(e as Error).message}`);
  }
  if (dump.format !== FORMAT || dump.version !== 1 || typeof dump.tables !== 'object') {
    throw new AppError('bad-input', `${file} is not a Papershelf export of a version this app reads`);
  }
  if (existsSync(join(libraryDir, 'library.sqlite'))) {
    throw new AppError('conflict', `${libraryDir} already holds a library: import into a new folder`);
  }
  // Check the PDFs before touching anything.
  for (const row of dump.tables.pdfs ?? []) {
    const rel = row.path as string | null;
    if (!rel || row.state !== 'done') continue;
    const src = join(fromDir, rel);
    if (!existsSync(src)) throw new AppError('bad-input', `The export is missing ${rel}`);
    if (row.sha256 && sha256(src) !== row.sha256) throw new AppError('bad-input', `${rel} does not match its recorded sha256`);
  }
  const lib = openLibrary(libraryDir);
  try {
    const sqlite = lib.sqlite;
    const known = new Set(dataTables(sqlite));
    const load = sqlite.transaction(() => {
      sqlite.pragma('defer_foreign_keys = ON');
      for (const t of dataTables(sqlite)) {
        const rows = dump.tables[t] ?? [];
        if (rows.length === 0) continue;
        const cols = (sqlite.pragma(`table_info("${t}")`) as { name: string }[]).map((c) => c.name);
        const insert = sqlite.prepare(`INSERT INTO "${t}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`);
        for (const r of rows) insert.run(Object.fromEntries(cols.map((c) => [c, r[c] ?? null])));
      }
      for (const t of Object.keys(dump.tables)) if (!known.has(t)) throw new AppError('bad-input', `Unknown table in export: ${t}`);
      sqlite.exec(`DELETE FROM paper_fts; INSERT INTO paper_fts(rowid, title, abstract, authors, keywords, notes, annotations, fulltext, status) SELECT * FROM paper_fts_source;`);
    });
    load.immediate();
    let pdfs = 0;
    for (const row of dump.tables.pdfs ?? []) {
      const rel = row.path as string | null;
      if (!rel || row.state !== 'done') continue;
      mkdirSync(dirname(join(libraryDir, rel)), { recursive: true });
      cpSync(join(fromDir, rel), join(libraryDir, rel));
      pdfs++;
    }
    return { papers: dump.tables.papers?.length ?? 0, pdfs };
  } catch (e) {
    lib.close();
    // Leave no half-imported library behind.
    for (const f of ['library.sqlite', 'library.sqlite-wal', 'library.sqlite-shm']) rmSync(join(libraryDir, f), { force: true });
    rmSync(join(libraryDir, PDF_DIR), { recursive: true, force: true });
    throw e;
  } finally {
    lib.close();
  }
}
