/**
 * SQL for sync_sources and sync_runs: rows in, domain objects out. Raw prepared statements on the
 * library's connection; every write here is small and synchronous.
 */
import { AppError } from '../../shared/errors';
import type { RunStatus, SourceSpec, SyncRun, SyncSource } from '../../shared/sync';
import type { ReadDb, WriteDb } from '../db/client';

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ','now')`;

interface SourceRow {
  id: number;
  kind: SourceSpec['kind'];
  name: string;
  params: string;
  enabled: number;
  created_at: string;
  last_run_at: string | null;
}

interface RunRow {
  id: number;
  source_id: number | null;
  kind: SourceSpec['kind'];
  params: string;
  status: RunStatus;
  started_at: string;
  finished_at: string | null;
  new_count: number;
  updated_count: number;
  unchanged_count: number;
  error: string | null;
  cursor: string | null;
}

const toSource = (r: SourceRow): SyncSource => ({
  id: r.id,
  name: r.name,
  spec: { kind: r.kind, params: JSON.parse(r.params) } as SourceSpec,
  enabled: r.enabled === 1,
  createdAt: r.created_at,
  lastRunAt: r.last_run_at,
});

const toRun = (r: RunRow): SyncRun => ({
  id: r.id,
  sourceId: r.source_id,
  spec: { kind: r.kind, params: JSON.parse(r.params) } as SourceSpec,
  status: r.status,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  newCount: r.new_count,
  updatedCount: r.updated_count,
  unchangedCount: r.unchanged_count,
  error: r.error,
  cursor: r.cursor ? (JSON.parse(r.cursor) as Record<string, unknown>) : null,
});

export function listSources(db: ReadDb): SyncSource[] {
  return (db.$client.prepare('SELECT * FROM sync_sources ORDER BY id').all() as SourceRow[]).map(toSource);
}

export function getSource(db: ReadDb, id: number): SyncSource {
  const r = db.$client.prepare('SELECT * FROM sync_sources WHERE id = ?').get(id) as SourceRow | undefined;
  if (!r) throw new AppError('not-found', `No sync source with id ${id}`);
  return toSource(r);
}

export function addSource(db: WriteDb, name: string, spec: SourceSpec): SyncSource {
  const { id } = db.$client
    .prepare('INSERT INTO sync_sources (kind, name, params) VALUES (?, ?, ?) RETURNING id')
    .get(spec.kind, name, JSON.stringify(spec.params)) as { id: number };
  return getSource(db, id);
}

export function removeSource(db: WriteDb, id: number): boolean {
  return db.$client.prepare('DELETE FROM sync_sources WHERE id = ?').run(id).changes > 0;
}

export function insertRun(db: WriteDb, spec: SourceSpec, sourceId: number | null): SyncRun {
  const { id } = db.$client
    .prepare(`INSERT INTO sync_runs (source_id, kind, params, status) VALUES (?, ?, ?, 'running') RETURNING id`)
    .get(sourceId, spec.kind, JSON.stringify(spec.params)) as { id: number };
  return getRun(db, id);
}

export function getRun(db: ReadDb, id: number): SyncRun {
  const r = db.$client.prepare('SELECT * FROM sync_runs WHERE id = ?').get(id) as RunRow | undefined;
  if (!r) throw new AppError('not-found', `No sync run with id ${id}`);
  return toRun(r);
}

export function listRuns(db: ReadDb, limit: number): SyncRun[] {
  return (db.$client.prepare('SELECT * FROM sync_runs ORDER BY id DESC LIMIT ?').all(limit) as RunRow[]).map(toRun);
}

/** Add one page's counts and move the cursor (called inside the page's transaction). */
export function advanceRun(
  db: WriteDb,
  id: number,
  counts: { new: number; updated: number; unchanged: number },
  cursor: Record<string, unknown>,
): void {
  db.$client
    .prepare(
      `UPDATE sync_runs SET new_count = new_count + ?, updated_count = updated_count + ?,
         unchanged_count = unchanged_count + ?, cursor = ? WHERE id = ?`,
    )
    .run(counts.new, counts.updated, counts.unchanged, JSON.stringify(cursor), id);
}

export function setRunStatus(db: WriteDb, id: number, status: RunStatus, error: string | null = null): void {
  const finished = status === 'running' ? 'NULL' : NOW;
  db.$client
    .prepare(`UPDATE sync_runs SET status = ?, error = ?, finished_at = ${finished} WHERE id = ?`)
    .run(status, error, id);
  if (status === 'done') db.$client.prepare('UPDATE sync_runs SET cursor = NULL WHERE id = ?').run(id);
  db.$client
    .prepare(`UPDATE sync_sources SET last_run_at = ${NOW} WHERE id = (SELECT source_id FROM sync_runs WHERE id = ?)`)
    .run(id);
}

/** Runs a previous process left 'running' (it crashed or was killed): they can be resumed. */
export function markInterrupted(db: WriteDb): number {
  return db.$client
    .prepare(`UPDATE sync_runs SET status = 'interrupted', finished_at = ${NOW} WHERE status = 'running'`)
    .run().changes;
}
