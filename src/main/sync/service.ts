/**
 * The sync runner. Each run is a sync_runs row; each page of a source is written in ONE
 * transaction together with the run's counts and its cursor, so a crash, a cancel or a network
 * failure leaves whole pages only, and the run resumes exactly where it stopped. Runs left
 * 'running' by a previous process are marked 'interrupted' when the service starts.
 */
import { AppError } from '../../shared/errors';
import type { SourceSpec, SyncRun } from '../../shared/sync';
import type { EventBus } from '../core/events';
import type { SourceUrls } from '../core/config';
import type { Library } from '../db/client';
import { upsertListings } from '../library/listings';
import type { HttpOptions } from './http';
import { applyRules } from './rules';
import { pagesOf, readAhead, validateSpec, type Cursor, type SourceContext } from './sources';
import { advanceRun, getRun, getSource, insertRun, markInterrupted, setRunStatus } from './store';

export interface SyncServiceDeps {
  library: Library;
  urls: SourceUrls;
  events: EventBus;
  http: HttpOptions;
  /** The environment the core started with (its overrides beat saved settings). */
  env?: NodeJS.ProcessEnv;
  /** Page sizes, for tests. */
  pageSizes?: Pick<SourceContext, 'hfLimit' | 'arxivPageSize'>;
}

export interface StartedRun {
  run: SyncRun;
  /** Settles with the final run (never rejects: failures are recorded on the run). */
  done: Promise<SyncRun>;
}

interface Active {
  controller: AbortController;
  done: Promise<SyncRun>;
  /** Set when the app shuts down: the run becomes 'interrupted', not 'cancelled'. */
  shuttingDown: boolean;
  key: string;
}

/**
 * WAL pages a sync may accumulate before SQLite copies them back into the database file. Each page
 * of results commits on its own; with SQLite's default (1000 pages) a large sync stops every few
 * pages to checkpoint the same hot b-tree and FTS pages again. Committed pages in the WAL are as
 * durable as in the database file, so deferring the checkpoint changes speed only, never safety.
 */
const SYNC_WAL_AUTOCHECKPOINT = 16_384;

export class SyncService {
  private readonly active = new Map<number, Active>();
  private walDeferred = 0;

  readonly env: NodeJS.ProcessEnv;

  constructor(private readonly deps: SyncServiceDeps) {
    this.env = deps.env ?? {};
    markInterrupted(deps.library.db);
  }

  private get db() {
    return this.deps.library.db;
  }

  /** Start a run of a saved source or of an ad-hoc spec (CLI). */
  start(target: { sourceId: number } | { spec: SourceSpec }): StartedRun {
    const sourceId = 'sourceId' in target ? target.sourceId : null;
    const spec = 'sourceId' in target ? getSource(this.db, target.sourceId).spec : target.spec;
    validateSpec(spec);
    this.refuseDuplicate(spec);
    const run = insertRun(this.db, spec, sourceId);
    return { run, done: this.launch(run, null) };
  }

  /** Continue an interrupted or failed run from its cursor. */
  resume(runId: number): StartedRun {
    const run = getRun(this.db, runId);
    if (run.status === 'running') throw new AppError('conflict', `Run ${runId} is already running`);
    if (run.status === 'done') throw new AppError('conflict', `Run ${runId} finished; start a new run instead`);
    this.refuseDuplicate(run.spec);
    setRunStatus(this.db, runId, 'running');
    const resumed = getRun(this.db, runId);
    return { run: resumed, done: this.launch(resumed, run.cursor) };
  }

  cancel(runId: number): boolean {
    const a = this.active.get(runId);
    if (!a) return false;
    a.controller.abort();
    return true;
  }

  isRunning(runId: number): boolean {
    return this.active.has(runId);
  }

  /** Stop every run (they become 'interrupted', resumable next time) and wait for them. */
  async dispose(): Promise<void> {
    const all = [...this.active.values()];
    for (const a of all) {
      a.shuttingDown = true;
      a.controller.abort();
    }
    await Promise.all(all.map((a) => a.done));
  }

  private refuseDuplicate(spec: SourceSpec): void {
    const key = JSON.stringify(spec);
    for (const a of this.active.values()) {
      if (a.key === key) throw new AppError('conflict', 'This source is already syncing');
    }
  }

  /** While any run is active, checkpoint the WAL rarely (see SYNC_WAL_AUTOCHECKPOINT); restore the default after. */
  private deferCheckpoints(delta: 1 | -1): void {
    const sqlite = this.deps.library.sqlite;
    const before = this.walDeferred;
    this.walDeferred += delta;
    if (!sqlite.open) return;
    if (before === 0 && this.walDeferred === 1) sqlite.pragma(`wal_autocheckpoint = ${SYNC_WAL_AUTOCHECKPOINT}`);
    if (before === 1 && this.walDeferred === 0) sqlite.pragma('wal_autocheckpoint = 1000');
  }

  private launch(run: SyncRun, cursor: Cursor | null): Promise<SyncRun> {
    const controller = new AbortController();
    const entry: Active = { controller, done: Promise.resolve(run), shuttingDown: false, key: JSON.stringify(run.spec) };
    this.active.set(run.id, entry);
    this.deps.events.emit('sync:runChanged', { run });
    entry.done = this.execute(run, cursor, entry).finally(() => {
      if (this.active.get(run.id) === entry) this.active.delete(run.id);
    });
    return entry.done;
  }

  private async execute(run: SyncRun, cursor: Cursor | null, entry: Active): Promise<SyncRun> {
    const { events, library } = this.deps;
    const ctx: SourceContext = {
      urls: this.deps.urls,
      http: this.deps.http,
      signal: entry.controller.signal,
      ...this.deps.pageSizes,
      onRetry: (step) => events.emit('sync:progress', { runId: run.id, step, current: 0, total: null }),
    };
    this.deferCheckpoints(+1);
    try {
      events.emit('sync:progress', { runId: run.id, step: 'starting', current: 0, total: null });
      for await (const page of readAhead(pagesOf(run.spec, cursor, ctx))) {
        if (entry.controller.signal.aborted) throw new AppError('cancelled', 'The sync was cancelled');
        const r = library.sqlite.transaction(() => {
          const res = upsertListings(library.db, page.listings, { sourceKey: page.sourceKey, runId: run.id });
          applyRules(library.db, res.ids);
          advanceRun(library.db, run.id, res, page.next);
          return res;
        }).immediate();
        if (r.new + r.updated > 0) events.emit('papers:changed', { ids: r.ids });
        events.emit('sync:progress', { runId: run.id, ...page.progress });
      }
      setRunStatus(this.db, run.id, 'done');
    } catch (e) {
      entry.controller.abort(); // stop a page being read ahead
      const cancelled = e instanceof AppError && e.type === 'cancelled';
      const status = entry.shuttingDown ? 'interrupted' : cancelled ? 'cancelled' : 'failed';
      const message = e instanceof AppError ? e.message : `Unexpected error: ${(e as Error)?.message ?? String(e)}`;
      if (library.sqlite.open) setRunStatus(this.db, run.id, status, status === 'failed' ? message : null);
      if (!(e instanceof AppError)) console.error('[sync] run failed', e);
    } finally {
      this.deferCheckpoints(-1);
    }
    if (this.active.get(run.id) === entry) this.active.delete(run.id); // before the event: listeners may start it again
    if (!library.sqlite.open) return { ...run, status: 'interrupted' };
    const final = getRun(this.db, run.id);
    events.emit('sync:runChanged', { run: final });
    return final;
  }
}
