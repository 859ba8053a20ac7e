/** Small helpers for the library query tests: papers, notes, PDFs with page text. */
import type { WriteDb } from '../client';
import { upsertListings, type Listing } from '../../library/listings';

export interface SeedPaper {
  arxivId: string;
  title: string;
  abstract?: string;
  authors?: string[];
  publishedAt?: string;
  upvotes?: number | null;
  featuredOn?: string | null;
  keywords?: string[];
}

export function seedPapers(db: WriteDb, papers: SeedPaper[], sourceKey = 'test'): number[] {
  const listings: Listing[] = papers.map((p) => ({
    arxivId: p.arxivId,
    version: 1,
    title: p.title,
    abstract: p.abstract ?? null,
    authors: (p.authors ?? ['Ada Lovelace']).map((name) => ({ name })),
    publishedAt: p.publishedAt ?? '2024-05-01T00:00:00Z',
    hf: { upvotes: p.upvotes ?? null, featuredOn: p.featuredOn ?? null, aiKeywords: p.keywords ?? [] },
    authoritative: true,
  }));
  return upsertListings(db, listings, { sourceKey }).ids;
}

export function addNote(db: WriteDb, paperId: number, body: string): void {
  db.$client.prepare('INSERT INTO notes (paper_id, body) VALUES (?, ?)').run(paperId, body);
}

export function addPdfText(db: WriteDb, paperId: number, pages: string[]): void {
  const sqlite = db.$client;
  const pdfId = Number(
    sqlite
      .prepare(`INSERT INTO pdfs (paper_id, state, path, pages, text_state) VALUES (?, 'done', ?, ?, 'pending')`)
      .run(paperId, `pdfs/${paperId}.pdf`, pages.length).lastInsertRowid,
  );
  const ins = sqlite.prepare('INSERT INTO pdf_pages (pdf_id, page_index, text) VALUES (?, ?, ?)');
  pages.forEach((t, i) => ins.run(pdfId, i, t));
  sqlite.prepare(`UPDATE pdfs SET text_state = 'done' WHERE id = ?`).run(pdfId);
}
