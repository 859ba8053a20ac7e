/**
 * Local PDF import (drag & drop, file picker, `papershelf import pdf`): validate, recognise
 * duplicates by sha256, read metadata offline with pdf.js (document info and first-page text:
 * arXiv id in either style, DOI), then attach the file to the paper with that id or create a new
 * paper. Bad input is refused with a clear reason before anything is written.
 */
import { readFileSync, rmSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { findArxivId, findDoi, type ArxivId } from '../../shared/arxivId';
import type { Author } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import type { PdfImportResult } from '../../shared/pdfs';
import type { Library } from '../db/client';
import type { EventBus } from '../core/events';
import { upsertListings, type Listing } from '../library/listings';
import { markPdfDone, pdfRowBySha, pdfRowOf } from './jobs';
import type { PdfExtract, PdfWorker } from './pdfWorker';
import { getPdfSettings } from './settings';
import { adoptFile, notPdfReason, sha256OfBytes, sizeLimitReason, writeTemp } from './storage';

export interface ImportDeps {
  library: Library;
  events: EventBus;
  worker: PdfWorker;
  onStored?: (paperId: number) => void;
}

export type ImportSource = { name: string; file: string } | { name: string; bytes: Uint8Array };

interface PaperMatch {
  id: number;
  title: string;
}

function readSource(src: ImportSource, maxBytes: number): Uint8Array {
  if ('bytes' in src) {
    const over = sizeLimitReason(src.bytes.length, maxBytes, src.name);
    if (over) throw new AppError('bad-input', over);
    return src.bytes;
  }
  let size: number;
  try {
    const st = statSync(src.file);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch (e) {
    throw new AppError('bad-input', `Cannot read ${src.file}: ${(e as Error).message}`);
  }
  const over = sizeLimitReason(size, maxBytes, src.name);
  if (over) throw new AppError('bad-input', over);
  return readFileSync(src.file);
}

const JUNK_TITLE = /^(untitled|microsoft word|document\d*|\s*$)|\.(pdf|docx?|tex|dvi)$/i;

/**
 * Title: the document info Title when it looks real, else the largest text atop page 1, else its
 * first line, else the file name.
 */
export function titleFrom(meta: PdfExtract, name: string): string {
  if (meta.title && !JUNK_TITLE.test(meta.title) && meta.title.length >= 4) return meta.title;
  if (meta.titleGuess) return meta.titleGuess;
  const lines = (meta.pages[0] ?? '').split('\n').map((l) => l.trim());
  const first = lines.find((l) => l.length >= 8 && !/^arxiv:/i.test(l) && !findArxivId(l) && /[a-z]/i.test(l));
  if (first) return first.slice(0, 300);
  return basename(name).replace(/\.pdf$/i, '') || 'Untitled PDF';
}

export function authorsFrom(author: string | null): Author[] {
  if (!author) return [];
  return author
    .split(/\s*(?:;|,|\band\b|&)\s*/i)
    .map((n) => n.trim())
    .filter((n) => n.length > 1)
    .map((name) => ({ name }));
}

/** arXiv id and DOI of a PDF: from the first page, then the file name (`2604.11784v2.pdf`). */
export function identify(meta: PdfExtract, name: string): { arxiv: ArxivId | null; doi: string | null } {
  const text = meta.pages[0] ?? '';
  const arxiv = findArxivId(text) ?? findArxivId(basename(name));
  let doi = findDoi(text);
  if (doi && /^10\.48550\/arxiv\./i.test(doi)) doi = null; // arXiv's own DOI: the id says it already
  return { arxiv, doi };
}

/** Imports in progress per library, by sha256: the same file dropped twice at once is one import. */
const inflight = new WeakMap<Library, Map<string, Promise<PdfImportResult>>>();

function duplicateOf(library: Library, paperId: number, name: string, sha256: string): PdfImportResult {
  const p = library.sqlite.prepare('SELECT id, title, arxiv_id, doi FROM papers WHERE id = ?').get(paperId) as PaperMatch & {
    arxiv_id: string | null;
    doi: string | null;
  };
  return { kind: 'duplicate', paperId: p.id, title: p.title, name, sha256, arxivId: p.arxiv_id, doi: p.doi };
}

export async function importPdf(deps: ImportDeps, src: ImportSource): Promise<PdfImportResult> {
  const { library } = deps;
  const { maxBytes } = getPdfSettings(library.db);
  const bytes = readSource(src, maxBytes);
  const bad = notPdfReason(bytes.subarray(0, 1024), src.name);
  if (bad) throw new AppError('bad-input', bad);
  const sha256 = sha256OfBytes(bytes);

  const dup = pdfRowBySha(library.db, sha256);
  if (dup) return duplicateOf(library, dup.paper_id, src.name, sha256);
  let running = inflight.get(library);
  if (!running) inflight.set(library, (running = new Map()));
  const earlier = running.get(sha256);
  if (earlier) return duplicateOf(library, (await earlier).paperId, src.name, sha256);
  const work = importNew(deps, src, bytes, sha256);
  running.set(sha256, work);
  try {
    return await work;
  } finally {
    running.delete(sha256);
  }
}

async function importNew(deps: ImportDeps, src: ImportSource, bytes: Uint8Array, sha256: string): Promise<PdfImportResult> {
  const { library } = deps;
  const db = library.db;
  const s = db.$client;
  const tmp = await writeTemp(library.dir, bytes);
  let meta: PdfExtract;
  try {
    meta = await deps.worker.extract(tmp, 1);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new AppError('bad-input', `${src.name} could not be read as a PDF: ${(e as Error).message}`);
  }
  const { arxiv, doi } = identify(meta, src.name);

  let result: PdfImportResult;
  try {
    const stored = await adoptFile(library.dir, tmp, sha256, bytes.length);
    result = s.transaction((): PdfImportResult => {
      const byArxiv = arxiv
        ? (s.prepare('SELECT id, title FROM papers WHERE arxiv_id = ?').get(arxiv.id) as PaperMatch | undefined)
        : undefined;
      const byDoi =
        !byArxiv && doi
          ? (s.prepare('SELECT id, title FROM papers WHERE doi = ? COLLATE NOCASE ORDER BY id LIMIT 1').get(doi) as
              | PaperMatch
              | undefined)
          : undefined;
      const match = byArxiv ?? byDoi;
      const base = { name: src.name, sha256, arxivId: arxiv?.id ?? null, doi };
      const done = { ...stored, version: arxiv?.version ?? null, sourceUrl: null, pages: meta.numPages };
      if (match) {
        const before = pdfRowOf(db, match.id);
        markPdfDone(db, match.id, done);
        return {
          ...base,
          kind: 'attached',
          paperId: match.id,
          title: match.title,
          matchedBy: byArxiv ? 'arxiv' : 'doi',
          replaced: before?.state === 'done' && before.sha256 !== sha256,
        };
      }
      const listing: Listing = {
        arxivId: arxiv?.id ?? null,
        version: arxiv?.version ?? null,
        doi,
        title: titleFrom(meta, src.name),
        abstract: null,
        authors: authorsFrom(meta.author),
        publishedAt: null,
        authoritative: false,
      };
      const r = upsertListings(db, [listing], { sourceKey: 'import:pdf' });
      const paperId = r.ids[0]!;
      markPdfDone(db, paperId, done);
      return { ...base, kind: 'new', paperId, title: listing.title };
    })();
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  deps.events.emit('pdf:state', { paperId: result.paperId, state: 'done', error: null });
  deps.events.emit('papers:changed', { ids: [result.paperId] });
  deps.onStored?.(result.paperId);
  return result;
}
