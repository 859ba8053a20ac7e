/**
 * "New since last sync": the papers first seen in the latest sync session, trending first.
 * A session is the latest run that brought new papers plus the runs started in the
 * SESSION_HOURS before it (a researcher syncing HF, arXiv and RSS one after another).
 */
import type { NewSinceLastSync } from '../../shared/sync';
import { paperRows, ROW_SELECT, type RowTuple } from '../db/queries/papers';
import type { ReadDb } from '../db/client';

const SESSION_HOURS = 6;

export function newSinceLastSync(db: ReadDb, limit: number): NewSinceLastSync {
  const sqlite = db.$client;
  const latest = sqlite
    .prepare(`SELECT started_at FROM sync_runs WHERE new_count > 0 ORDER BY id DESC LIMIT 1`)
    .get() as { started_at: string } | undefined;
  if (!latest) return { rows: [], total: 0, since: null, runIds: [] };
  const runs = sqlite
    .prepare(
      `SELECT id, started_at FROM sync_runs WHERE new_count > 0
         AND started_at >= strftime('%Y-%m-%dT%H:%M:%fZ', ?, '-${SESSION_HOURS} hours') ORDER BY id`,
    )
    .all(latest.started_at) as { id: number; started_at: string }[];
  const runIds = JSON.stringify(runs.map((r) => r.id));
  // First seen in the session: a source row from one of its runs, and none from before it.
  const where = `EXISTS (SELECT 1 FROM paper_sources s WHERE s.paper_id = p.id AND s.first_run_id IN (SELECT value FROM json_each(?)))
    AND NOT EXISTS (SELECT 1 FROM paper_sources s WHERE s.paper_id = p.id
      AND (s.first_run_id IS NULL OR s.first_run_id < ?))`;
  const first = runs[0]!.id;
  const rows = sqlite
    .prepare(`${ROW_SELECT} WHERE ${where} ORDER BY coalesce(p.hf_upvotes, -1) DESC, p.published_at DESC, p.id DESC LIMIT ?`)
    .raw(true)
    .all(runIds, first, limit) as RowTuple[];
  const { n } = sqlite.prepare(`SELECT count(*) AS n FROM papers p WHERE ${where}`).get(runIds, first) as { n: number };
  return { rows: paperRows(db, rows), total: n, since: runs[0]!.started_at, runIds: runs.map((r) => r.id) };
}
