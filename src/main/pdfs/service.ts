/**
 * The PDF services of one core: the download queue, the full-text indexer and the parsing worker
 * they share, created by createCore and disposed with it.
 */
import type { PdfImportResult, PdfStatus } from '../../shared/pdfs';
import type { Library } from '../db/client';
import type { EventBus } from '../core/events';
import type { SourceUrls } from '../core/config';
import { DownloadService, type DownloadOptions } from './downloadQueue';
import { importPdf, type ImportSource } from './importLocal';
import { DOWNLOAD_JOB } from './jobs';
import { PdfWorker } from './pdfWorker';
import { TextIndexer } from './textIndex';

export interface PdfServices {
  downloads: DownloadService;
  text: TextIndexer;
  worker: PdfWorker;
  /** Resume queued jobs (downloads and text extraction). */
  start(): void;
  import(src: ImportSource): Promise<PdfImportResult>;
  status(): PdfStatus;
  dispose(): Promise<void>;
}

export interface PdfDeps {
  library: Library;
  urls: SourceUrls;
  events: EventBus;
}

/** Test and script knobs from the environment (delays in ms). */
export function downloadOptionsFromEnv(env: NodeJS.ProcessEnv): Partial<DownloadOptions> {
  const num = (v: string | undefined) => (v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);
  const o: Partial<DownloadOptions> = {};
  const backoff = num(env.PAPERSHELF_PDF_BACKOFF_MS);
  const idle = num(env.PAPERSHELF_PDF_TIMEOUT_MS);
  if (backoff !== undefined) o.backoffMs = backoff;
  if (idle !== undefined) o.idleTimeoutMs = idle;
  return o;
}

export function createPdfServices(deps: PdfDeps, opts: Partial<DownloadOptions> = {}): PdfServices {
  const worker = new PdfWorker();
  const downloads = new DownloadService(deps, opts);
  const text = new TextIndexer({ library: deps.library, events: deps.events, worker });
  downloads.onStored = () => text.kick();
  return {
    downloads,
    text,
    worker,
    start() {
      downloads.start();
      text.start();
    },
    import: (src) => importPdf({ library: deps.library, events: deps.events, worker, onStored: () => text.kick() }, src),
    status() {
      const s = deps.library.db.$client;
      // Open jobs from the queue; done and failed from the papers' PDFs (old failed jobs are history).
      const jobs = s
        .prepare(`SELECT state, count(*) AS n FROM jobs WHERE kind = ? AND state IN ('queued', 'active') GROUP BY state`)
        .all(DOWNLOAD_JOB) as { state: string; n: number }[];
      const pdfs = s.prepare(`SELECT state, count(*) AS n FROM pdfs GROUP BY state`).all() as { state: string; n: number }[];
      const n = (rows: { state: string; n: number }[], st: string) => rows.find((r) => r.state === st)?.n ?? 0;
      return {
        downloads: { queued: n(jobs, 'queued'), active: n(jobs, 'active'), failed: n(pdfs, 'failed'), done: n(pdfs, 'done') },
        text: text.counts(),
        active: downloads.activity(),
      };
    },
    async dispose() {
      await downloads.dispose();
      await text.dispose();
      await worker.dispose();
    },
  };
}
