/**
 * Test PDFs made with pdf-lib: an article with real text on every page, an outline (bookmarks)
 * and links (one internal, one external), a 1,000-page book, and broken files.
 */
import { PDFArray, type PDFDict, PDFDocument, PDFName, PDFNumber, PDFString, StandardFonts, rgb, type PDFRef } from 'pdf-lib';

export const SENTENCE = 'Sparse attention lets the model read long documents without quadratic cost.';
const FILLER = [
  'We study how researchers read and annotate papers on a desktop library.',
  'Each page of this document carries several lines of plain text for the text layer.',
  SENTENCE,
  'The reader must keep highlights on the same words at every zoom level.',
  'Annotations are stored in PDF points with the page index and a sort index.',
  'A benchmark measures the time until the first page is painted on screen.',
];

export interface ArticleOptions {
  pages?: number;
  title?: string;
  /** Section titles for the outline: one per page from page 2 on, cycling. */
  sections?: string[];
}

/** Add `/Outlines` with one top-level bookmark per [title, pageIndex]. */
function addOutline(doc: PDFDocument, entries: [string, number][]): void {
  const ctx = doc.context;
  const pages = doc.getPages();
  const outlineRef = ctx.nextRef();
  const refs = entries.map(() => ctx.nextRef());
  entries.forEach(([title, pageIndex], i) => {
    const page = pages[pageIndex]!;
    const dict = ctx.obj({
      Title: PDFString.of(title),
      Parent: outlineRef,
      Dest: ctx.obj([page.ref, PDFName.of('XYZ'), null, PDFNumber.of(page.getHeight()), null]),
    }) as PDFDict;
    if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
    if (i < refs.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
    ctx.assign(refs[i]!, dict);
  });
  ctx.assign(
    outlineRef,
    ctx.obj({ Type: 'Outlines', First: refs[0]!, Last: refs[refs.length - 1]!, Count: PDFNumber.of(refs.length) }),
  );
  doc.catalog.set(PDFName.of('Outlines'), outlineRef);
}

function addLink(doc: PDFDocument, pageIndex: number, rect: number[], action: { uri: string } | { page: PDFRef }): void {
  const page = doc.getPages()[pageIndex]!;
  const ctx = doc.context;
  const link = ctx.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: rect,
    Border: [0, 0, 0],
    ...('uri' in action
      ? { A: { Type: 'Action', S: 'URI', URI: PDFString.of(action.uri) } }
      : { Dest: [action.page, PDFName.of('Fit')] }),
  });
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray) ?? ctx.obj([]);
  annots.push(ctx.register(link));
  page.node.set(PDFName.of('Annots'), annots);
}

export async function makeArticle(opts: ArticleOptions = {}): Promise<Uint8Array> {
  const pages = opts.pages ?? 6;
  const sections = opts.sections ?? ['Introduction', 'Related work', 'Method', 'Experiments', 'Results', 'Conclusion'];
  const doc = await PDFDocument.create();
  doc.setTitle(opts.title ?? 'A test article');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const outline: [string, number][] = [];
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([612, 792]);
    const heading = i === 0 ? (opts.title ?? 'A test article') : `${i}. ${sections[(i - 1) % sections.length]}`;
    if (i > 0 && outline.length < 40) outline.push([heading, i]);
    page.drawText(heading, { x: 72, y: 720, size: i === 0 ? 20 : 16, font: bold, color: rgb(0.1, 0.1, 0.1) });
    let y = 680;
    for (let p = 0; p < 4; p++) {
      for (const line of FILLER) {
        page.drawText(line, { x: 72, y, size: 11, font });
        y -= 16;
      }
      y -= 12;
    }
    page.drawText(`Page ${i + 1}`, { x: 290, y: 40, size: 9, font, color: rgb(0.4, 0.4, 0.4) });
  }
  if (pages > 1) {
    const first = doc.getPages()[0]!;
    first.drawText('See the last section.', { x: 72, y: 140, size: 11, font, color: rgb(0.1, 0.3, 0.8) });
    addLink(doc, 0, [72, 136, 180, 152], { page: doc.getPages()[pages - 1]!.ref });
    first.drawText('https://arxiv.org/abs/1706.03762', { x: 72, y: 120, size: 11, font, color: rgb(0.1, 0.3, 0.8) });
    addLink(doc, 0, [72, 116, 250, 132], { uri: 'https://arxiv.org/abs/1706.03762' });
    addOutline(doc, outline);
  }
  return doc.save();
}

/** A long book: text on every page, for "opens and scrolls without freezing". */
export async function makeBook(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([612, 792]);
    page.drawText(`Chapter page ${i + 1}`, { x: 72, y: 720, size: 18, font });
    page.drawText(FILLER[i % FILLER.length]!, { x: 72, y: 690, size: 11, font });
  }
  return doc.save({ objectsPerTick: 500 });
}

export const BROKEN = {
  zeroBytes: new Uint8Array(0),
  notPdf: new TextEncoder().encode('<!doctype html><html><body>Access denied</body></html>'),
  async truncated(): Promise<Uint8Array> {
    const full = await makeArticle({ pages: 3 });
    return full.slice(0, Math.floor(full.length / 3));
  },
};
