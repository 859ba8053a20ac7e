/**
 * The durable job rows the PDF services use (`jobs` table, kinds 'pdf-download' and 'pdf-text'),
 * and the writes to a paper's `pdfs` row. Every multi-row change is one transaction.
 */
import type { PdfState } from '../../shared/domain';
import type { ReadDb, WriteDb } from '../db/client';

export const DOWNLOAD_JOB = 'pdf-download';
export const TEXT_JOB = 'pdf-text';

export interface JobRow {
  id: number;
  kind: string;
  paper_id: number;
  payload: string;
  state: 'queued' | 'active' | 'done' | 'failed';
  attempts: number;
  retry_after: string | null;
  last_error: string | null;
}

export interface PdfRow {
  id: number;
  paper_id: number;
  state: Exclude<PdfState, 'none'>;
  sha256: string | null;
  path: string | null;
  bytes: number | null;
  version: number | null;
  error: string | null;
  text_state: 'pending' | 'done' | 'failed';
}

export const nowIso = () => new Date().toISOString();

/** On start-up: jobs left 'active' by a crash or a quit go back to the queue. */
export function resetActive(db: WriteDb, kind: string): number {
  return db.$client
    .prepare(`UPDATE jobs SET state = 'queued', updated_at = ? WHERE kind = ? AND state = 'active'`)
    .run(nowIso(), kind).changes;
}

/**
 * Up to `limit` queued jobs due at `now`, oldest first. A caller that also asks `nextRetryAt` must pass both the same `now`:
 * with two clocks a job that falls due between the two queries is in neither answer, and waits
 * forever.
 */
export function nextJobs(db: ReadDb, kind: string, limit: number, exclude: number[], now = nowIso()): JobRow[] {
  return db.$client
    .prepare(
      `SELECT * FROM jobs WHERE kind = ? AND state = 'queued' AND (retry_after IS NULL OR retry_after <= ?)
         AND id NOT IN (SELECT value FROM json_each(?)) ORDER BY id LIMIT ?`,
    )
    .all(kind, now, JSON.stringify(exclude), limit) as JobRow[];
}

/** When the earliest job delayed past `now` becomes due, or null. */
export function nextRetryAt(db: ReadDb, kind: string, now = nowIso()): string | null {
  const r = db.$client
    .prepare(`SELECT min(retry_after) AS t FROM jobs WHERE kind = ? AND state = 'queued' AND retry_after > ?`)
    .get(kind, now) as { t: string | null };
  return r.t;
}

export function countOpen(db: ReadDb, kind: string): number {
  const r = db.$client
    .prepare(`SELECT count(*) AS n FROM jobs WHERE kind = ? AND state IN ('queued', 'active')`)
    .get(kind) as { n: number };
  return r.n;
}

export function openJobFor(db: ReadDb, kind: string, paperId: number): JobRow | undefined {
  return db.$client
    .prepare(`SELECT * FROM jobs WHERE kind = ? AND paper_id = ? AND state IN ('queued', 'active') ORDER BY id LIMIT 1`)
    .get(kind, paperId) as JobRow | undefined;
}

export function insertJob(db: WriteDb, kind: string, paperId: number, payload: Record<string, unknown> = {}): number {
  const info = db.$client
    .prepare(`INSERT INTO jobs (kind, paper_id, payload) VALUES (?, ?, ?)`)
    .run(kind, paperId, JSON.stringify(payload));
  return Number(info.lastInsertRowid);
}

export function setJob(
  db: WriteDb,
  id: number,
  patch: { state?: JobRow['state']; attempts?: number; retryAfter?: string | null; lastError?: string | null; payload?: Record<string, unknown>; progress?: number | null },
): void {
  const sets: string[] = ['updated_at = @now'];
  const params: Record<string, unknown> = { id, now: nowIso() };
  const col = { state: 'state', attempts: 'attempts', retryAfter: 'retry_after', lastError: 'last_error', payload: 'payload', progress: 'progress' } as const;
  for (const [k, c] of Object.entries(col) as [keyof typeof col, string][]) {
    if (patch[k] === undefined) continue;
    sets.push(`${c} = @${k}`);
    params[k] = k === 'payload' ? JSON.stringify(patch.payload) : patch[k];
  }
  db.$client.prepare(`UPDATE jobs SET ${sets.join(', ')} WHERE id = @id`).run(params);
}

export function pdfRowOf(db: ReadDb, paperId: number): PdfRow | undefined {
  return db.$client.prepare('SELECT * FROM pdfs WHERE paper_id = ?').get(paperId) as PdfRow | undefined;
}

export function pdfRowBySha(db: ReadDb, sha256: string): PdfRow | undefined {
  return db.$client.prepare(`SELECT * FROM pdfs WHERE sha256 = ? AND state = 'done' ORDER BY id LIMIT 1`).get(sha256) as
    | PdfRow
    | undefined;
}

/** Set the download state of a paper's PDF (creating the row), keeping any stored file fields. */
export function setPdfState(db: WriteDb, paperId: number, state: PdfRow['state'], error: string | null): void {
  db.$client
    .prepare(
      `INSERT INTO pdfs (paper_id, state, error) VALUES (?, ?, ?)
       ON CONFLICT(paper_id) DO UPDATE SET state = excluded.state, error = excluded.error, updated_at = ?`,
    )
    .run(paperId, state, error, nowIso());
}

export interface DonePdf {
  sha256: string;
  path: string;
  bytes: number;
  version: number | null;
  sourceUrl: string | null;
  pages?: number | null;
}

/**
 * Record a stored file as the paper's PDF: state done, old page text dropped, text extraction
 * queued. The caller has already put the file at `path` (fsynced, renamed) and runs this in a
 * transaction with its own job update.
 */
export function markPdfDone(db: WriteDb, paperId: number, f: DonePdf): void {
  const s = db.$client;
  const old = pdfRowOf(db, paperId);
  if (old) s.prepare('DELETE FROM pdf_pages WHERE pdf_id = ?').run(old.id);
  s.prepare(
    `INSERT INTO pdfs (paper_id, state, sha256, path, bytes, pages, version, source_url, error, text_state)
     VALUES (@paperId, 'done', @sha256, @path, @bytes, @pages, @version, @sourceUrl, NULL, 'pending')
     ON CONFLICT(paper_id) DO UPDATE SET state = 'done', sha256 = excluded.sha256, path = excluded.path,
       bytes = excluded.bytes, pages = excluded.pages, version = excluded.version, source_url = excluded.source_url,
       error = NULL, text_state = 'pending', updated_at = @now`,
  ).run({ paperId, ...f, pages: f.pages ?? null, now: nowIso() });
  if (!openJobFor(db, TEXT_JOB, paperId)) insertJob(db, TEXT_JOB, paperId);
}
