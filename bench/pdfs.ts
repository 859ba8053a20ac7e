/**
 * PDF figures (#3): downloading from the fixture server through the durable queue, full-text
 * extraction in the worker, and how long the main thread was ever blocked meanwhile.
 */
import { makePdf, arxivPaper } from '../src/main/pdfs/testing/makePdf';
import { startPdfServer } from '../src/main/pdfs/testing/pdfServer';
import { openHarness, removeDir, seedPapers, tempDir } from '../src/main/pdfs/testing/harness';
import type { BenchRow } from './table';

/** Largest gap between 10 ms ticks beyond the 10 ms itself, while `fn` runs. */
async function maxLag<T>(fn: () => Promise<T>): Promise<{ result: T; lagMs: number }> {
  let lag = 0;
  let last = performance.now();
  const t = setInterval(() => {
    const now = performance.now();
    lag = Math.max(lag, now - last - 10);
    last = now;
  }, 10);
  try {
    return { result: await fn(), lagMs: lag };
  } finally {
    clearInterval(t);
  }
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const server = await startPdfServer();
  const dir = tempDir();
  const h = openHarness(dir, server.url, { backoffMs: 20, idleTimeoutMs: 10_000 });
  try {
    const line = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore';
    const big = await makePdf({ title: 'Big', pages: Array.from({ length: 300 }, () => Array.from({ length: 40 }, () => line)) });
    await h.pdfs.import({ name: 'big.pdf', bytes: big });
    let t = performance.now();
    const text = await maxLag(() => h.pdfs.text.idle());
    const textMs = performance.now() - t;
    rows.push({ suite: 'pdfs', measure: 'full text of a 300-page PDF (worker + index)', value: textMs, unit: 'ms' });
    // Informational: on a shared machine this also counts time the OS gave the CPU to others.
    rows.push({ suite: 'pdfs', measure: 'max main-thread stall while indexing it', value: text.lagMs, unit: 'ms' });

    const N = 40;
    const ids = Array.from({ length: N }, (_, i) => `2604.${20000 + i}`);
    let bytes = 0;
    for (const id of ids) {
      const b = await makePdf({ ...arxivPaper({ id: `${id}v1`, title: `Paper ${id}` }), padBytes: 250_000 });
      bytes += b.length;
      server.files.set(id, { bytes: b, version: 1 });
    }
    const pids = seedPapers(h.library, ids.map((arxivId) => ({ arxivId })));
    t = performance.now();
    const dl = await maxLag(async () => {
      h.pdfs.downloads.enqueue(pids);
      await h.pdfs.downloads.idle();
      const downloadMs = performance.now() - t;
      await h.pdfs.text.idle();
      return downloadMs;
    });
    rows.push({ suite: 'pdfs', measure: `download ${N} PDFs (${(bytes / 1024 / 1024).toFixed(0)} MB), 2 at a time`, value: dl.result, unit: 'ms' });
    rows.push({ suite: 'pdfs', measure: `… then full text of all ${N}`, value: performance.now() - t, unit: 'ms' });
    rows.push({ suite: 'pdfs', measure: 'max main-thread stall meanwhile', value: dl.lagMs, unit: 'ms' });
    return rows;
  } finally {
    await h.close();
    await server.close();
    removeDir(dir);
  }
}
