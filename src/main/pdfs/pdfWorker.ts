/**
 * The main-thread side of the PDF parsing worker (textWorker.mjs): requests correlated by `seq`,
 * one lazily started worker, restarted after a crash, stopped when idle or disposed. Parsing
 * (pdf.js) never runs on the thread that serves the UI.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export interface PdfExtract {
  title: string | null;
  author: string | null;
  /** The largest text near the top of page 1, when it stands out from the body text. */
  titleGuess: string | null;
  numPages: number;
  /** Text of each page read (all pages, or the first `maxPages`). */
  pages: string[];
}

type Reply = ({ ok: true } & PdfExtract) | { ok: false; error: string };

/** Source tree: textWorker.mjs beside this file; the built app: pdfTextWorker.js beside the bundle. */
function workerUrl(): URL {
  for (const name of ['./textWorker.mjs', './pdfTextWorker.js']) {
    const url = new URL(name, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  throw new Error('The PDF worker script is missing from this build');
}

export class PdfWorker {
  private worker: Worker | null = null;
  private seq = 0;
  private readonly pending = new Map<number, { ok: (r: PdfExtract) => void; fail: (e: Error) => void }>();
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(private readonly idleMs = 20_000) {}

  extract(file: string, maxPages?: number): Promise<PdfExtract> {
    const w = this.ensure();
    const seq = ++this.seq;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    return new Promise<PdfExtract>((ok, fail) => {
      this.pending.set(seq, { ok, fail });
      w.postMessage({ seq, file, maxPages });
    });
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(workerUrl());
    w.unref();
    w.on('message', (m: { seq: number } & Reply) => {
      const p = this.pending.get(m.seq);
      if (!p) return;
      this.pending.delete(m.seq);
      if (m.ok) p.ok({ title: m.title, author: m.author, titleGuess: m.titleGuess, numPages: m.numPages, pages: m.pages });
      else p.fail(new Error(m.error));
      this.armIdle();
    });
    const crash = (e: Error) => {
      if (this.worker !== w) return;
      this.worker = null;
      for (const p of this.pending.values()) p.fail(e);
      this.pending.clear();
    };
    w.on('error', crash);
    w.on('exit', (code) => crash(new Error(`The PDF worker stopped (exit code ${code})`)));
    this.worker = w;
    return w;
  }

  private armIdle(): void {
    if (this.pending.size > 0) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.dispose(), this.idleMs);
    this.idleTimer.unref();
  }

  async dispose(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const w = this.worker;
    this.worker = null;
    for (const p of this.pending.values()) p.fail(new Error('The PDF worker was stopped'));
    this.pending.clear();
    if (w) await w.terminate();
  }
}
