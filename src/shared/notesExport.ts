/** Types of notes, citation keys, export and import (#6), shared by main and renderer. */

export interface NoteDoc {
  paperId: number;
  body: string;
  /** null when the paper has no note yet. */
  updatedAt: string | null;
}

export interface NoteSaved {
  paperId: number;
  updatedAt: string;
  /** Text another window had saved and this save replaced (last write wins); the editor keeps it. */
  replaced: string | null;
}

export interface NoteListItem {
  paperId: number;
  title: string;
  authors: string[];
  updatedAt: string;
  excerpt: string;
}

export interface QuotableAnnotation {
  id: string;
  kind: string;
  color: string;
  pageIndex: number;
  text: string | null;
  comment: string | null;
}

export interface ImportReport {
  /** New papers. */
  imported: number;
  /** Entries that matched a paper already in the library (by arXiv id or DOI) and filled its gaps. */
  merged: number;
  errors: { line: number; message: string }[];
}

export interface AutoBibSettings {
  /** Absolute path of the .bib file kept up to date; null = off. */
  path: string | null;
  flavour: 'bibtex' | 'biblatex';
  charset: 'ascii' | 'utf8' | null;
  /** Only papers with this tag (and its sub-tags); null = the whole library. */
  tag: string | null;
}

export interface ExportedFile {
  name: string;
  text: string;
}

/** How a note quotes an annotation: the link scheme the note preview resolves. */
export const ANNOTATION_LINK_PREFIX = 'papershelf://annotation/';

/** Citation keys that BibTeX, biber and Pandoc all accept. */
export const CITATION_KEY_RE = /^[A-Za-z0-9_][A-Za-z0-9_:.\-+/]{0,99}$/;

/** `> “text” ([p. 3](papershelf://annotation/<id>))`: how a note quotes an annotation. */
export function quoteAnnotation(a: Pick<QuotableAnnotation, 'id' | 'pageIndex' | 'text' | 'comment'>): string {
  const text = (a.text ?? a.comment ?? '').replace(/\s+/g, ' ').trim();
  return `> “${text}” ([p. ${a.pageIndex + 1}](${ANNOTATION_LINK_PREFIX}${a.id}))`;
}
