/** Test harness: a library in a temp folder with the PDF services on it, and a fixture server. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLibrary, type Library } from '../../db/client';
import { sourceUrlsFromEnv } from '../../core/config';
import { EventBus } from '../../core/events';
import { upsertListings } from '../../library/listings';
import type { DownloadOptions } from '../downloadQueue';
import { createPdfServices, type PdfServices } from '../service';
import { sha256OfBytes } from '../storage';

export interface Harness {
  dir: string;
  library: Library;
  events: EventBus;
  pdfs: PdfServices;
  /** Close the services and the library (the folder stays). */
  close(): Promise<void>;
  /** Reopen the same folder with fresh services (a restart). */
  reopen(): Promise<Harness>;
}

/** Quick retries for tests; the stall timeout leaves room for a loaded machine. */
export const FAST: Partial<DownloadOptions> = { backoffMs: 20, idleTimeoutMs: 1500, maxAttempts: 5 };

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'papershelf-pdfs-'));
}

export function openHarness(dir: string, arxivUrl: string, opts: Partial<DownloadOptions> = FAST, start = true): Harness {
  const library = openLibrary(dir);
  const events = new EventBus();
  const urls = sourceUrlsFromEnv({ PAPERSHELF_ARXIV_URL: arxivUrl });
  const pdfs = createPdfServices({ library, urls, events }, opts);
  if (start) pdfs.start();
  const h: Harness = {
    dir,
    library,
    events,
    pdfs,
    close: async () => {
      await pdfs.dispose();
      library.close();
    },
    reopen: async () => {
      await h.close();
      return openHarness(dir, arxivUrl, opts, start);
    },
  };
  return h;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Seed papers by arXiv id; returns their ids in order. */
export function seedPapers(library: Library, items: { arxivId: string; version?: number; title?: string; doi?: string }[]): number[] {
  const r = upsertListings(
    library.db,
    items.map((it) => ({
      arxivId: it.arxivId,
      version: it.version ?? null,
      doi: it.doi ?? null,
      title: it.title ?? `Paper ${it.arxivId}`,
      abstract: null,
      authors: [{ name: 'Grace Hopper' }],
      publishedAt: '2026-04-13T00:00:00.000Z',
      authoritative: true,
    })),
    { sourceKey: 'test' },
  );
  return r.ids;
}

export interface PdfRowView {
  state: string;
  sha256: string | null;
  path: string | null;
  version: number | null;
  error: string | null;
  text_state: string;
  pages: number | null;
}

export function pdfOf(library: Library, paperId: number): PdfRowView | undefined {
  return library.sqlite.prepare('SELECT * FROM pdfs WHERE paper_id = ?').get(paperId) as PdfRowView | undefined;
}

/** Every pdfs row marked done has its file on disk with the recorded sha256. */
export function assertDoneRowsHaveFiles(library: Library): number {
  const rows = library.sqlite.prepare(`SELECT path, sha256 FROM pdfs WHERE state = 'done'`).all() as { path: string; sha256: string }[];
  for (const r of rows) {
    const abs = join(library.dir, r.path);
    if (!existsSync(abs)) throw new Error(`done PDF missing on disk: ${r.path}`);
    const sha = sha256OfBytes(readFileSync(abs));
    if (sha !== r.sha256) throw new Error(`done PDF ${r.path} has sha ${sha}, recorded ${r.sha256}`);
  }
  return rows.length;
}

/** Files in the store (excluding temp and partial folders). */
export function storedFiles(dir: string): string[] {
  const root = join(dir, 'pdfs');
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    .flatMap((d) => readdirSync(join(root, d.name)).map((f) => `${d.name}/${f}`));
}

export function filesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}
