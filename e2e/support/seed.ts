/**
 * Seeding a library with papers that have PDFs, before the browser-mode server starts (it holds
 * the writer lock): opens the library directly, inserts papers and places their PDFs the way the
 * download pipeline stores them.
 */
import { openLibrary } from '../../src/main/db/client';
import { attachPdf, insertPaper } from '../../src/main/reader/attachPdf';
import { saveAnnotations } from '../../src/main/db/queries/annotations';
import type { AnnotationInput } from '../../src/shared/annotations';

export interface SeedPaper {
  title: string;
  pdf: Uint8Array;
  pages?: number;
  annotations?: (paperId: number) => AnnotationInput[];
}

export function seedPapers(libraryDir: string, papers: SeedPaper[]): number[] {
  const lib = openLibrary(libraryDir);
  try {
    return papers.map((p) => {
      const id = insertPaper(lib.db, p.title, { abstract: `Abstract of ${p.title}.` });
      attachPdf(lib.db, libraryDir, id, p.pdf, p.pages ?? null);
      const anns = p.annotations?.(id);
      if (anns?.length) saveAnnotations(lib.db, anns);
      return id;
    });
  } finally {
    lib.close();
  }
}
