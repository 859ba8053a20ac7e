/**
 * Export and import as plain functions of the library: what the handlers, the CLI and the
 * auto-export all call. Charset defaults come from settings (`export.charset.bibtex`,
 * `export.charset.biblatex`), then the flavour's own default.
 */
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { ExportedFile, ImportReport } from '../../shared/notesExport';
import type { ReadDb, WriteDb } from '../db/client';
import { parseBib } from '../importers/bib';
import { parseRis } from '../importers/ris';
import { defaultCharset, renderBib, type Flavour } from './bibtex';
import { renderCsl } from './csl';
import { writeFileAtomic } from './files';
import { importEntries } from './importEntries';
import type { Charset } from './latex';
import { loadMarkdownInput, renderMarkdown } from './markdown';
import { iterateRecords, loadRecords, type ExportScope } from './records';
import { renderRis } from './ris';

export type ExportFormat = 'bibtex' | 'biblatex' | 'markdown' | 'csl-json' | 'ris';

export function getSetting<T>(db: ReadDb, key: string, fallback: T): T {
  const row = db.$client.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return fallback;
  try {
    return JSON.parse(row.value) as T;
  } catch {
    return fallback;
  }
}

export function putSetting(db: WriteDb, key: string, value: unknown): void {
  db.$client
    .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(key, JSON.stringify(value));
}

export function charsetFor(db: ReadDb, flavour: Flavour, charset?: Charset | null): Charset {
  if (charset) return charset;
  const saved = getSetting<Charset | null>(db, `export.charset.${flavour}`, null);
  return saved === 'ascii' || saved === 'utf8' ? saved : defaultCharset(flavour);
}

export function exportBib(db: ReadDb, scope: ExportScope, flavour: Flavour, charset?: Charset | null): string {
  return renderBib(iterateRecords(db, scope, { abstracts: false }), { flavour, charset: charsetFor(db, flavour, charset) });
}

export function exportMarkdown(db: ReadDb, scope: ExportScope, layout: 'single' | 'perPaper'): ExportedFile[] {
  const records = loadRecords(db, scope);
  const name = 'tag' in scope ? scope.tag : 'all' in scope ? 'Papershelf library' : 'papers';
  return renderMarkdown(loadMarkdownInput(db, records), layout, name);
}

export const exportCsl = (db: ReadDb, scope: ExportScope) => renderCsl(loadRecords(db, scope));
export const exportRis = (db: ReadDb, scope: ExportScope) => renderRis(loadRecords(db, scope));

export interface ToFileArgs {
  path: string;
  format: ExportFormat;
  scope: ExportScope;
  charset?: Charset | null;
  layout?: 'single' | 'perPaper';
}

/** Write an export to `path` (a folder for Markdown one-file-per-paper); returns the files written. */
export function exportToFile(db: ReadDb, a: ToFileArgs): string[] {
  if (a.format === 'markdown') {
    const files = exportMarkdown(db, a.scope, a.layout ?? 'single');
    if ((a.layout ?? 'single') === 'single') {
      writeFileAtomic(a.path, files[0]?.text ?? '');
      return [a.path];
    }
    return files.map((f) => {
      const p = join(a.path, f.name);
      writeFileAtomic(p, f.text);
      return p;
    });
  }
  const text =
    a.format === 'bibtex' || a.format === 'biblatex'
      ? exportBib(db, a.scope, a.format, a.charset)
      : a.format === 'csl-json'
        ? exportCsl(db, a.scope)
        : exportRis(db, a.scope);
  writeFileAtomic(a.path, text);
  return [a.path];
}

export function importText(db: WriteDb, kind: 'bib' | 'ris', text: string): ImportReport & { ids: number[] } {
  if (!text.trim()) throw new AppError('bad-input', `The ${kind === 'bib' ? '.bib' : '.ris'} file is empty`);
  const parsed = kind === 'bib' ? parseBib(text) : parseRis(text);
  if (!parsed.entries.length && !parsed.errors.length) {
    throw new AppError('bad-input', `No ${kind === 'bib' ? 'BibTeX entries' : 'RIS records'} found`);
  }
  return importEntries(db, parsed, `import:${kind}`);
}
