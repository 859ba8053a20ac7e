/**
 * Full text into the search index, in the background: durable jobs (kind 'pdf-text'), one PDF at
 * a time, parsed in the worker thread; pages written to `pdf_pages` and `pdfs.text_state` set to
 * 'done' in one transaction (the FTS trigger indexes then). A PDF that cannot be parsed gets
 * text_state 'failed' with the reason; nothing else is touched.
 */
import { join } from 'node:path';
import type { Library } from '../db/client';
import type { EventBus } from '../core/events';
import { TEXT_JOB, countOpen, insertJob, nextJobs, pdfRowOf, resetActive, setJob, type JobRow } from './jobs';
import type { PdfWorker } from './pdfWorker';

export interface TextCounts {
  pending: number;
  done: number;
  failed: number;
}

export class TextIndexer {
  private started = false;
  private disposed = false;
  private running: Promise<void> | null = null;
  private current: number | null = null;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly deps: { library: Library; events: EventBus; worker: PdfWorker },
  ) {}

  private get db() {
    return this.deps.library.db;
  }

  start(): void {
    if (this.started || this.disposed) return;
    this.started = true;
    resetActive(this.db, TEXT_JOB);
    // PDFs stored without a job (an older build, a crash between writes) are picked up too.
    const orphans = this.db.$client
      .prepare(
        `SELECT f.paper_id AS id FROM pdfs f WHERE f.state = 'done' AND f.text_state = 'pending'
           AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.kind = ? AND j.paper_id = f.paper_id AND j.state IN ('queued','active'))`,
      )
      .all(TEXT_JOB) as { id: number }[];
    for (const o of orphans) insertJob(this.db, TEXT_JOB, o.id);
    this.kick();
  }

  counts(): TextCounts {
    const r = this.db.$client
      .prepare(
        `SELECT sum(text_state = 'pending') AS pending, sum(text_state = 'done') AS done, sum(text_state = 'failed') AS failed
         FROM pdfs WHERE state = 'done' OR text_state != 'pending'`,
      )
      .get() as { pending: number | null; done: number | null; failed: number | null };
    return { pending: r.pending ?? 0, done: r.done ?? 0, failed: r.failed ?? 0 };
  }

  private emit(): void {
    this.deps.events.emit('pdf:textProgress', { ...this.counts(), current: this.current });
  }

  /** Start working if idle. */
  kick(): void {
    if (!this.started || this.disposed || this.running) return;
    this.running = this.loop().finally(() => {
      this.running = null;
      this.current = null;
      if (!this.disposed) this.emit();
      for (const w of this.idleWaiters.splice(0)) w();
    });
  }

  /** Resolves when no text job is queued or running. */
  idle(): Promise<void> {
    if (!this.running && countOpen(this.db, TEXT_JOB) === 0) return Promise.resolve();
    this.kick();
    return new Promise((ok) => this.idleWaiters.push(ok));
  }

  private async loop(): Promise<void> {
    for (;;) {
      if (this.disposed) return;
      const [job] = nextJobs(this.db, TEXT_JOB, 1, []);
      if (!job) return;
      setJob(this.db, job.id, { state: 'active' });
      this.current = job.paper_id;
      this.emit();
      await this.run(job);
      // Yield between documents so other work on this thread runs.
      await new Promise((ok) => setImmediate(ok));
    }
  }

  private async run(job: JobRow): Promise<void> {
    const s = this.db.$client;
    const pdf = pdfRowOf(this.db, job.paper_id);
    if (!pdf || pdf.state !== 'done' || !pdf.path) {
      setJob(this.db, job.id, { state: 'done', lastError: 'no stored PDF' });
      return;
    }
    const sha = pdf.sha256;
    try {
      const r = await this.deps.worker.extract(join(this.deps.library.dir, pdf.path));
      if (this.disposed) return;
      s.transaction(() => {
        // The PDF may have been replaced while we parsed: write only for the same file.
        const now = pdfRowOf(this.db, job.paper_id);
        if (now?.id === pdf.id && now.sha256 === sha) {
          s.prepare('DELETE FROM pdf_pages WHERE pdf_id = ?').run(pdf.id);
          const ins = s.prepare('INSERT INTO pdf_pages (pdf_id, page_index, text) VALUES (?, ?, ?)');
          r.pages.forEach((text, i) => ins.run(pdf.id, i, text));
          s.prepare(
            `UPDATE pdfs SET pages = ?, text_state = 'done', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`,
          ).run(r.numPages, pdf.id);
        }
        setJob(this.db, job.id, { state: 'done', lastError: null });
      })();
    } catch (e) {
      if (this.disposed) {
        setJob(this.db, job.id, { state: 'queued' });
        return;
      }
      const reason = `Text extraction failed: ${(e as Error).message}`;
      s.transaction(() => {
        s.prepare(`UPDATE pdfs SET text_state = 'failed', error = ? WHERE id = ? AND sha256 IS ?`).run(reason, pdf.id, sha);
        setJob(this.db, job.id, { state: 'failed', attempts: job.attempts + 1, lastError: reason });
      })();
    }
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    // Stopping the worker rejects the document being parsed; its job goes back to the queue.
    await this.deps.worker.dispose();
    await this.running;
    for (const w of this.idleWaiters.splice(0)) w();
  }
}
