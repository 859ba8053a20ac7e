/**
 * Annotations and reading positions. Saves are upserts by id that touch only the fields given,
 * in one transaction, written with `synchronous = FULL` so an acknowledged save is on disk (WAL
 * with NORMAL already survives a killed process; FULL also survives power loss).
 */
import { ANNOTATION_KINDS, type Annotation, type AnnotationInput, type ReadingPosition } from '../../../shared/annotations';
import { AppError } from '../../../shared/errors';
import type { ReadDb, WriteDb } from '../client';

interface AnnotationRecord {
  id: string;
  paper_id: number;
  pdf_sha256: string | null;
  kind: Annotation['kind'];
  color: string;
  page_index: number;
  rects: string;
  text: string | null;
  comment: string | null;
  tags: string;
  sort_index: string;
  created_at: string;
  updated_at: string;
}

export function toAnnotation(r: AnnotationRecord): Annotation {
  return {
    id: r.id,
    paperId: r.paper_id,
    kind: r.kind,
    color: r.color,
    pageIndex: r.page_index,
    rects: JSON.parse(r.rects) as number[][],
    text: r.text,
    comment: r.comment,
    tags: JSON.parse(r.tags) as string[],
    sortIndex: r.sort_index,
    pdfSha256: r.pdf_sha256,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Column of each patchable field, with how its value is written. */
const COLUMNS = {
  kind: ['kind', (v: unknown) => v],
  color: ['color', (v: unknown) => (v as string).toLowerCase()],
  pageIndex: ['page_index', (v: unknown) => v],
  rects: ['rects', (v: unknown) => JSON.stringify(v)],
  text: ['text', (v: unknown) => v],
  comment: ['comment', (v: unknown) => v],
  tags: ['tags', (v: unknown) => JSON.stringify([...new Set(v as string[])])],
  sortIndex: ['sort_index', (v: unknown) => v],
  pdfSha256: ['pdf_sha256', (v: unknown) => v],
} as const satisfies Partial<Record<keyof AnnotationInput, readonly [string, (v: unknown) => unknown]>>;

const REQUIRED_FOR_NEW = ['kind', 'color', 'pageIndex', 'rects', 'sortIndex'] as const;

export function listAnnotations(db: ReadDb, paperId: number): Annotation[] {
  const rows = db.$client
    .prepare('SELECT * FROM annotations WHERE paper_id = ? ORDER BY sort_index, created_at, id')
    .all(paperId) as AnnotationRecord[];
  return rows.map(toAnnotation);
}

function getRecord(db: ReadDb, id: string): AnnotationRecord | undefined {
  return db.$client.prepare('SELECT * FROM annotations WHERE id = ?').get(id) as AnnotationRecord | undefined;
}

/** Run a write with `synchronous = FULL` (a pragma cannot change inside a transaction). */
export function durably<T>(db: WriteDb, fn: () => T): T {
  const sqlite = db.$client;
  const before = sqlite.pragma('synchronous', { simple: true }) as number;
  sqlite.pragma('synchronous = FULL');
  try {
    return sqlite.transaction(fn).immediate();
  } finally {
    sqlite.pragma(`synchronous = ${before}`);
  }
}

export function saveAnnotations(db: WriteDb, inputs: AnnotationInput[]): Annotation[] {
  const sqlite = db.$client;
  const now = new Date().toISOString();
  return durably(db, () =>
    inputs.map((a) => {
      const existing = getRecord(db, a.id);
      if (existing && existing.paper_id !== a.paperId) {
        throw new AppError('conflict', `Annotation ${a.id} belongs to another paper`);
      }
      const updatedAt = a.updatedAt ?? now;
      if (!existing) {
        const missing = REQUIRED_FOR_NEW.filter((k) => a[k] === undefined);
        if (missing.length) throw new AppError('bad-input', `New annotation ${a.id} lacks ${missing.join(', ')}`);
        if (!(ANNOTATION_KINDS as readonly string[]).includes(a.kind!)) throw new AppError('bad-input', `Unknown kind ${a.kind}`);
        const paper = sqlite.prepare('SELECT 1 FROM papers WHERE id = ?').get(a.paperId);
        if (!paper) throw new AppError('not-found', `No paper with id ${a.paperId}`);
        sqlite
          .prepare(
            `INSERT INTO annotations (id, paper_id, pdf_sha256, kind, color, page_index, rects, text, comment, tags,
               sort_index, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            a.id,
            a.paperId,
            a.pdfSha256 ?? null,
            a.kind,
            a.color!.toLowerCase(),
            a.pageIndex,
            JSON.stringify(a.rects),
            a.text ?? null,
            a.comment ?? null,
            JSON.stringify([...new Set(a.tags ?? [])]),
            a.sortIndex,
            a.createdAt ?? now,
            updatedAt,
          );
      } else if (!a.updatedAt || a.updatedAt >= existing.updated_at) {
        const sets: string[] = [];
        const values: unknown[] = [];
        for (const [key, [col, conv]] of Object.entries(COLUMNS)) {
          const v = a[key as keyof typeof COLUMNS];
          if (v === undefined) continue;
          sets.push(`${col} = ?`);
          values.push(conv(v));
        }
        sets.push('updated_at = ?');
        values.push(updatedAt);
        sqlite.prepare(`UPDATE annotations SET ${sets.join(', ')} WHERE id = ?`).run(...values, a.id);
      }
      return toAnnotation(getRecord(db, a.id)!);
    }),
  );
}

export function deleteAnnotations(db: WriteDb, ids: string[]): number {
  return durably(db, () => {
    const stmt = db.$client.prepare('DELETE FROM annotations WHERE id = ?');
    return ids.reduce((n, id) => n + stmt.run(id).changes, 0);
  });
}

export function getReadingPosition(db: ReadDb, paperId: number): ReadingPosition | null {
  const r = db.$client
    .prepare('SELECT page_index, scale, scroll_top FROM reading_positions WHERE paper_id = ?')
    .get(paperId) as { page_index: number; scale: string; scroll_top: number | null } | undefined;
  return r ? { pageIndex: r.page_index, scale: r.scale, top: r.scroll_top } : null;
}

export function saveReadingPosition(db: WriteDb, paperId: number, pos: ReadingPosition): void {
  db.$client
    .prepare(
      `INSERT INTO reading_positions (paper_id, page_index, scale, scroll_top, updated_at)
       VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
       ON CONFLICT(paper_id) DO UPDATE SET page_index = excluded.page_index, scale = excluded.scale,
         scroll_top = excluded.scroll_top, updated_at = excluded.updated_at`,
    )
    .run(paperId, pos.pageIndex, pos.scale, pos.top);
}
