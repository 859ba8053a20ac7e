/** Real PDFs for tests, made with pdf-lib: document info plus lines of text on each page. */
import { PDFDocument, StandardFonts } from 'pdf-lib';

export interface PdfSpec {
  title?: string;
  author?: string;
  /** Lines of text per page. */
  pages: string[][];
  /** Extra bytes of padding (in the Subject) so downloads span many chunks. */
  padBytes?: number;
  /** Font size of each page's first line (a typeset title); the rest is 11 pt. */
  firstLineSize?: number;
}

export async function makePdf(spec: PdfSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  if (spec.title) doc.setTitle(spec.title);
  if (spec.author) doc.setAuthor(spec.author);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of spec.pages) {
    const page = doc.addPage([612, 792]);
    lines.forEach((line, i) =>
      page.drawText(line, { x: 56, y: 740 - i * 18 - (i > 0 && spec.firstLineSize ? spec.firstLineSize : 0), size: i === 0 ? (spec.firstLineSize ?? 11) : 11, font }),
    );
  }
  if (spec.padBytes) doc.setSubject('x'.repeat(spec.padBytes));
  return doc.save({ useObjectStreams: false });
}

/** A paper's first page as arXiv stamps it: the id in the margin, a title, authors, a DOI. */
export function arxivPaper(opts: { id: string; title: string; words?: string; doi?: string }): PdfSpec {
  return {
    title: opts.title,
    author: 'Ada Lovelace, Alan Turing',
    pages: [
      [`arXiv:${opts.id} [cs.CV] 13 Apr 2026`, opts.title, 'Ada Lovelace and Alan Turing', opts.doi ? `https://doi.org/${opts.doi}` : ''],
      [opts.words ?? 'The second page mentions a marmoset.'],
    ],
  };
}
