/**
 * Finding a paper's PDF on disk: the `pdfs` row (state `done`, path relative to the library
 * folder), checked to stay inside the library and to exist. Used by `reader:open`, `reader:bytes`
 * and the browser-mode file route.
 */
import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import type { ReadDb } from '../db/client';

export interface PdfFile {
  pdfId: number;
  paperId: number;
  title: string;
  sha256: string | null;
  pages: number | null;
  /** Absolute path. */
  path: string;
  size: number;
}

export function resolvePdfFile(db: ReadDb, libraryDir: string, paperId: number): PdfFile {
  const row = db.$client
    .prepare(
      `SELECT f.id, f.state, f.path, f.sha256, f.pages, p.title FROM papers p
       LEFT JOIN pdfs f ON f.paper_id = p.id WHERE p.id = ?`,
    )
    .get(paperId) as
    | { id: number | null; state: string | null; path: string | null; sha256: string | null; pages: number | null; title: string }
    | undefined;
  if (!row) throw new AppError('not-found', `No paper with id ${paperId}`);
  if (row.id === null || row.state !== 'done' || !row.path) {
    throw new AppError('not-found', 'This paper has no PDF in the library yet.');
  }
  const root = resolve(libraryDir);
  const path = resolve(root, row.path);
  const rel = relative(root, path);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) {
    throw new AppError('bad-input', `The PDF path of this paper points outside the library: ${row.path}`);
  }
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    throw new AppError('not-found', `The PDF file is missing from the library folder (${row.path}).`);
  }
  return { pdfId: row.id, paperId, title: row.title, sha256: row.sha256, pages: row.pages, path, size };
}
