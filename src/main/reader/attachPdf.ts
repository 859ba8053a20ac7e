/**
 * Put a PDF into a library the way the download pipeline (#3) stores it: content-addressed at
 * `pdfs/<first 2 hex>/<sha256>.pdf` (temp file + atomic rename) with a `pdfs` row in state `done`.
 * Used by tests, the e2e seeding script and the benchmark; the real pipeline owns this in the app.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WriteDb } from '../db/client';

export function attachPdf(db: WriteDb, libraryDir: string, paperId: number, bytes: Uint8Array, pages: number | null = null) {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const rel = `pdfs/${sha256.slice(0, 2)}/${sha256}.pdf`;
  mkdirSync(join(libraryDir, 'pdfs', sha256.slice(0, 2)), { recursive: true });
  const tmp = join(libraryDir, `${rel}.tmp-${process.pid}`);
  writeFileSync(tmp, bytes);
  renameSync(tmp, join(libraryDir, rel));
  db.$client
    .prepare(
      `INSERT INTO pdfs (paper_id, state, sha256, path, bytes, pages) VALUES (?, 'done', ?, ?, ?, ?)
       ON CONFLICT(paper_id) DO UPDATE SET state = 'done', sha256 = excluded.sha256, path = excluded.path,
         bytes = excluded.bytes, pages = excluded.pages, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
    )
    .run(paperId, sha256, rel, bytes.byteLength, pages);
  return { sha256, path: rel };
}

/** Insert a bare paper (tests and seeding). */
export function insertPaper(db: WriteDb, title: string, fields: { arxivId?: string; abstract?: string } = {}): number {
  const r = db.$client
    .prepare('INSERT INTO papers (title, arxiv_id, abstract, authors_text) VALUES (?, ?, ?, ?)')
    .run(title, fields.arxivId ?? null, fields.abstract ?? null, 'Ada Lovelace, Alan Turing');
  return Number(r.lastInsertRowid);
}
