/**
 * The PDF download queue: durable jobs (kind 'pdf-download') in SQLite, two at a time.
 *
 * - Survives restarts: jobs left 'active' go back to 'queued' on start.
 * - Resumes: the partial file is kept under `<library>/pdfs/.partial/<paperId>-<jobId>.part` and the
 *   next attempt asks for the rest with an HTTP Range request.
 * - Retries 429, 5xx, timeouts, stalls and dropped connections with exponential backoff that
 *   honours Retry-After; gives up after `maxAttempts` with the reason on the paper's pdfs row.
 *   A 429 pauses the whole queue until its Retry-After has passed (one server, one rate limit).
 * - Validates each file (`%PDF-`, `%%EOF`, size limit; an HTML page is refused) before it is
 *   stored content-addressed, and only then marks the row done (one transaction with the job).
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { DownloadRequestResult, PdfActivity } from '../../shared/pdfs';
import type { Library } from '../db/client';
import type { EventBus } from '../core/events';
import type { SourceUrls } from '../core/config';
import {
  DOWNLOAD_JOB, countOpen, insertJob, markPdfDone, nextJobs, nextRetryAt, nowIso, openJobFor, pdfRowOf, resetActive,
  setJob, setPdfState, type JobRow,
} from './jobs';
import { AttemptError, fetchAttempt } from './fetchPdf';
import { getPdfSettings } from './settings';
import {
  adoptFile, hasEofMarker, headAndTail, notPdfReason, partialDir, removeStaleFiles, sha256OfFile, sizeLimitReason, storedFile,
} from './storage';

export { parseRetryAfter } from './fetchPdf';

export interface DownloadOptions {
  concurrency: number;
  maxAttempts: number;
  /** First retry delay; doubles each attempt. */
  backoffMs: number;
  maxBackoffMs: number;
  /** Abort a response that sends nothing for this long (a stall). */
  idleTimeoutMs: number;
  fetch: typeof fetch;
}

export const DEFAULT_DOWNLOAD_OPTIONS: DownloadOptions = {
  concurrency: 2,
  maxAttempts: 6,
  backoffMs: 2_000,
  maxBackoffMs: 10 * 60_000,
  idleTimeoutMs: 30_000,
  fetch: (...a) => fetch(...a),
};

export interface DownloadDeps {
  library: Library;
  urls: SourceUrls;
  events: EventBus;
}

/** At most one call per `ms`, the latest arguments always delivered (trailing edge); `now` forces. */
function throttle<A extends unknown[]>(ms: number, fn: (...a: A) => void) {
  let last = 0;
  let timer: NodeJS.Timeout | null = null;
  let latest: A | null = null;
  const fire = () => {
    timer = null;
    last = Date.now();
    if (latest) fn(...latest);
    latest = null;
  };
  const call = (now: boolean, ...a: A) => {
    latest = a;
    if (now || Date.now() - last >= ms) {
      if (timer) clearTimeout(timer);
      fire();
    } else if (!timer) {
      timer = setTimeout(fire, ms - (Date.now() - last));
    }
  };
  call.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return call;
}

interface PaperRef {
  id: number;
  arxiv_id: string | null;
  latest_version: number | null;
  title: string;
}

export class DownloadService {
  private readonly opts: DownloadOptions;
  private readonly active = new Map<number, { paperId: number; abort: AbortController }>();
  private readonly progress = new Map<number, PdfActivity>();
  private timer: NodeJS.Timeout | null = null;
  /** After a 429 with Retry-After, no new download starts before this time (ms since epoch). */
  private pausedUntil = 0;
  private started = false;
  private disposed = false;
  private idleWaiters: (() => void)[] = [];
  private running = new Set<Promise<void>>();
  private offChanged: (() => void) | null = null;
  /** Called after a PDF is stored (the text indexer hooks here). */
  onStored: (paperId: number) => void = () => {};

  constructor(
    private readonly deps: DownloadDeps,
    opts: Partial<DownloadOptions> = {},
  ) {
    this.opts = { ...DEFAULT_DOWNLOAD_OPTIONS, ...opts };
  }

  private get db() {
    return this.deps.library.db;
  }

  start(): void {
    if (this.started || this.disposed) return;
    this.started = true;
    const reset = resetActive(this.db, DOWNLOAD_JOB);
    if (reset) {
      this.db.$client
        .prepare(
          `UPDATE pdfs SET state = 'queued' WHERE state = 'downloading' AND paper_id IN
             (SELECT paper_id FROM jobs WHERE kind = ? AND state = 'queued')`,
        )
        .run(DOWNLOAD_JOB);
    }
    const open = this.db.$client
      .prepare(`SELECT id FROM jobs WHERE kind = ? AND state IN ('queued', 'active')`)
      .all(DOWNLOAD_JOB) as { id: number }[];
    removeStaleFiles(this.deps.library.dir, new Set(open.map((j) => j.id)));
    // Automatic downloads for papers that change (cheap: only for explicit id lists).
    this.offChanged = this.deps.events.on('papers:changed', ({ ids }) => {
      if (ids !== 'all' && ids.length) this.autoQueue(ids);
    });
    this.pump();
  }

  /** Queue "Download PDF" for papers; `force` downloads again even when a current PDF is stored. */
  enqueue(paperIds: number[], { force = false }: { force?: boolean } = {}): DownloadRequestResult {
    const s = this.db.$client;
    const result: DownloadRequestResult = { queued: 0, skipped: [] };
    const changed: number[] = [];
    const get = s.prepare('SELECT id, arxiv_id, latest_version, title FROM papers WHERE id = ?');
    s.transaction(() => {
      for (const id of paperIds) {
        const p = get.get(id) as PaperRef | undefined;
        if (!p) {
          result.skipped.push({ id, reason: 'no such paper' });
          continue;
        }
        if (!p.arxiv_id) {
          result.skipped.push({ id, reason: 'no arXiv id to download from' });
          continue;
        }
        if (openJobFor(this.db, DOWNLOAD_JOB, id)) {
          result.skipped.push({ id, reason: 'already queued' });
          continue;
        }
        const pdf = pdfRowOf(this.db, id);
        const current =
          pdf?.state === 'done' && (p.latest_version === null || pdf.version === null || pdf.version >= p.latest_version);
        if (current && !force && pdf?.path && storedFile(this.deps.library.dir, pdf.path)) {
          result.skipped.push({ id, reason: 'PDF already in the library' });
          continue;
        }
        insertJob(this.db, DOWNLOAD_JOB, id, { version: p.latest_version });
        setPdfState(this.db, id, 'queued', null);
        changed.push(id);
        result.queued++;
      }
    })();
    for (const id of changed) this.deps.events.emit('pdf:state', { paperId: id, state: 'queued', error: null });
    if (changed.length) this.deps.events.emit('papers:changed', { ids: changed });
    this.pump();
    return result;
  }

  /** Queue the papers among `paperIds` that the auto-download setting selects and that have no PDF yet. */
  autoQueue(paperIds: number[]): DownloadRequestResult {
    const { autoDownload } = getPdfSettings(this.db);
    if (autoDownload === 'none' || paperIds.length === 0) return { queued: 0, skipped: [] };
    const filter =
      autoDownload === 'starred'
        ? 'AND p.starred = 1'
        : autoDownload === 'tagged'
          ? 'AND EXISTS (SELECT 1 FROM paper_tags pt WHERE pt.paper_id = p.id)'
          : '';
    const ids = (
      this.db.$client
        .prepare(
          `SELECT p.id FROM papers p WHERE p.id IN (SELECT value FROM json_each(?)) AND p.arxiv_id IS NOT NULL
             AND p.state != 'dismissed' ${filter} AND NOT EXISTS (SELECT 1 FROM pdfs f WHERE f.paper_id = p.id)`,
        )
        .all(JSON.stringify(paperIds)) as { id: number }[]
    ).map((r) => r.id);
    return ids.length ? this.enqueue(ids) : { queued: 0, skipped: [] };
  }

  /** Papers with an arXiv id and no PDF in the library (for `download --missing`). */
  missing(): number[] {
    return (
      this.db.$client
        .prepare(
          `SELECT p.id FROM papers p LEFT JOIN pdfs f ON f.paper_id = p.id
           WHERE p.arxiv_id IS NOT NULL AND (f.id IS NULL OR f.state != 'done') ORDER BY p.id`,
        )
        .all() as { id: number }[]
    ).map((r) => r.id);
  }

  activity(): PdfActivity[] {
    return [...this.progress.values()];
  }

  /** Resolves when no download is queued or running (failed ones do not count). */
  idle(): Promise<void> {
    if (countOpen(this.db, DOWNLOAD_JOB) === 0) return Promise.resolve();
    return new Promise((ok) => this.idleWaiters.push(ok));
  }

  private checkIdle(): void {
    if (this.idleWaiters.length === 0 || this.disposed) return;
    if (countOpen(this.db, DOWNLOAD_JOB) > 0) return;
    for (const w of this.idleWaiters.splice(0)) w();
  }

  private pump(): void {
    if (!this.started || this.disposed) return;
    const free = this.opts.concurrency - this.active.size;
    const paused = Date.now() < this.pausedUntil;
    // One clock for both questions (see nextJobs): a job is either started now or timed.
    const now = nowIso();
    if (free > 0 && !paused) {
      for (const job of nextJobs(this.db, DOWNLOAD_JOB, free, [...this.active.keys()], now)) {
        setJob(this.db, job.id, { state: 'active' });
        const abort = new AbortController();
        this.active.set(job.id, { paperId: job.paper_id, abort });
        const p = this.run(job, abort.signal)
          .catch((e: unknown) => console.error('[pdfs] download job failed unexpectedly:', e))
          .finally(() => {
            this.active.delete(job.id);
            this.progress.delete(job.paper_id);
            this.running.delete(p);
            this.pump();
            this.checkIdle();
          });
        this.running.add(p);
      }
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const at = paused ? this.pausedUntil : Date.parse(nextRetryAt(this.db, DOWNLOAD_JOB, now) ?? '');
    if (Number.isFinite(at)) {
      // Not unref'd: a CLI waiting for the queue to drain must stay alive through a backoff.
      this.timer = setTimeout(() => this.pump(), Math.max(10, at - Date.now()));
    }
  }

  private emitState(paperId: number, state: 'queued' | 'downloading' | 'done' | 'failed', error: string | null): void {
    this.deps.events.emit('pdf:state', { paperId, state, error });
  }

  private async run(job: JobRow, signal: AbortSignal): Promise<void> {
    const paper = this.db.$client
      .prepare('SELECT id, arxiv_id, latest_version, title FROM papers WHERE id = ?')
      .get(job.paper_id) as PaperRef | undefined;
    if (!paper?.arxiv_id) {
      setJob(this.db, job.id, { state: 'failed', lastError: 'The paper has no arXiv id' });
      if (paper) this.fail(paper.id, 'The paper has no arXiv id to download from.');
      return;
    }
    const payload = JSON.parse(job.payload || '{}') as { version?: number | null; etag?: string | null };
    const version = payload.version ?? paper.latest_version;
    const url = `${this.deps.urls.arxiv}/pdf/${paper.arxiv_id}${version ? `v${version}` : ''}`;
    // One partial per job: a restart resumes it; another job (another version) never appends to it.
    const part = join(partialDir(this.deps.library.dir), `${paper.id}-${job.id}.part`);
    setPdfState(this.db, paper.id, 'downloading', null);
    this.emitState(paper.id, 'downloading', null);
    this.progress.set(paper.id, { paperId: paper.id, title: paper.title, received: 0, total: null });
    try {
      const { maxBytes } = getPdfSettings(this.db);
      const emitProgress = throttle(150, (received: number, total: number | null) =>
        this.deps.events.emit('pdf:progress', { paperId: paper.id, received, total }),
      );
      const got = await fetchAttempt({
        url,
        part,
        etag: payload.etag ?? null,
        signal,
        maxBytes,
        fetch: this.opts.fetch,
        idleTimeoutMs: this.opts.idleTimeoutMs,
        saveEtag: (etag) => setJob(this.db, job.id, { payload: { ...payload, etag } }),
        onProgress: (received, total, final) => {
          this.progress.set(paper.id, { paperId: paper.id, title: paper.title, received, total });
          emitProgress(final, received, total);
        },
      }).finally(() => emitProgress.cancel());
      const { head, tail, size } = headAndTail(part);
      const bad = notPdfReason(head, `The file at ${url}`) ?? sizeLimitReason(size, maxBytes, `The PDF at ${url}`);
      if (bad) {
        await rm(part, { force: true });
        throw new AttemptError(bad, false);
      }
      if (!hasEofMarker(tail)) {
        await rm(part, { force: true });
        throw new AttemptError(`The download from ${url} was incomplete (no %%EOF at the end).`, true);
      }
      const sha256 = await sha256OfFile(part);
      if (signal.aborted) throw signal.reason as Error;
      const stored = await adoptFile(this.deps.library.dir, part, sha256, size);
      this.db.$client.transaction(() => {
        markPdfDone(this.db, paper.id, {
          ...stored,
          version: got.version ?? version ?? null,
          sourceUrl: url,
        });
        setJob(this.db, job.id, { state: 'done', lastError: null, progress: 1 });
      })();
      this.emitState(paper.id, 'done', null);
      this.deps.events.emit('papers:changed', { ids: [paper.id] });
      this.onStored(paper.id);
    } catch (e) {
      if (signal.aborted && this.disposed) {
        // Quitting: leave the job for the next start (the partial file stays for a Range resume).
        setJob(this.db, job.id, { state: 'queued' });
        setPdfState(this.db, paper.id, 'queued', null);
        return;
      }
      const err =
        e instanceof AttemptError ? e : new AttemptError(`Download of ${url} failed: ${(e as Error).message}`, true);
      const attempts = job.attempts + 1;
      if (err.retryable && attempts < this.opts.maxAttempts) {
        const backoff = Math.min(this.opts.maxBackoffMs, this.opts.backoffMs * 2 ** (attempts - 1));
        const wait = Math.max(backoff, err.retryAfterMs ?? 0);
        if (err.retryAfterMs !== null) this.pausedUntil = Math.max(this.pausedUntil, Date.now() + err.retryAfterMs);
        const retryAfter = new Date(Date.now() + wait).toISOString();
        setJob(this.db, job.id, { state: 'queued', attempts, retryAfter, lastError: err.message });
        const msg = `${err.message} Retrying in ${Math.ceil(wait / 1000)} s (attempt ${attempts + 1} of ${this.opts.maxAttempts}).`;
        setPdfState(this.db, paper.id, 'queued', msg);
        this.emitState(paper.id, 'queued', msg);
      } else {
        setJob(this.db, job.id, { state: 'failed', attempts, lastError: err.message });
        await rm(part, { force: true });
        this.fail(paper.id, err.message);
      }
    }
  }

  /** Mark a download failed; a paper that still has its earlier PDF on disk keeps it (state done). */
  private fail(paperId: number, message: string): void {
    const row = pdfRowOf(this.db, paperId);
    const keep = row?.sha256 && row.path && storedFile(this.deps.library.dir, row.path);
    setPdfState(this.db, paperId, keep ? 'done' : 'failed', keep ? `Could not download a newer PDF: ${message}` : message);
    this.emitState(paperId, keep ? 'done' : 'failed', message);
    this.deps.events.emit('papers:changed', { ids: [paperId] });
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.offChanged?.();
    if (this.timer) clearTimeout(this.timer);
    for (const a of this.active.values()) a.abort.abort(new AppError('cancelled', 'Papershelf is closing'));
    await Promise.allSettled([...this.running]);
    for (const w of this.idleWaiters.splice(0)) w();
  }
}

/** For the sync: after upserting listings, queue the PDFs the auto-download setting asks for. */
export function autoQueue(core: { pdfs: { downloads: DownloadService } }, paperIds: number[]): DownloadRequestResult {
  return core.pdfs.downloads.autoQueue(paperIds);
}
