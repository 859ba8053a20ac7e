/**
 * Domain types shared by main, preload and renderer. Pure TypeScript: no electron, node or DOM.
 */
import type { SearchMatch } from './library';

export const PAPER_STATES = ['inbox', 'library', 'reading', 'read', 'dismissed'] as const;
export type PaperState = (typeof PAPER_STATES)[number];

export const PDF_STATES = ['none', 'queued', 'downloading', 'done', 'failed'] as const;
export type PdfState = (typeof PDF_STATES)[number];

export interface Author {
  name: string;
  affiliation?: string | null;
}

export interface HfFields {
  upvotes: number | null;
  comments: number | null;
  organization: string | null;
  githubRepo: string | null;
  githubStars: number | null;
  projectPage: string | null;
  aiSummary: string | null;
  aiKeywords: string[];
  /** The day the paper was featured on HF Daily Papers (YYYY-MM-DD), from paper.submittedOnDailyAt. */
  featuredOn: string | null;
}

export interface TagRef {
  id: number;
  path: string;
  color: string | null;
}

/** One row of the library list: what the table shows. */
export interface PaperRow {
  id: number;
  arxivId: string | null;
  version: number | null;
  title: string;
  authors: string[];
  publishedAt: string | null;
  upvotes: number | null;
  state: PaperState;
  starred: boolean;
  tags: TagRef[];
  pdfState: PdfState;
  addedAt: string;
  /** Set when the list was searched: where and how well this paper matched (#4). */
  match?: SearchMatch;
}

/** Everything the detail pane shows. */
export interface PaperDetail extends PaperRow {
  doi: string | null;
  abstract: string | null;
  updatedAt: string | null;
  categories: string[];
  primaryCategory: string | null;
  journalRef: string | null;
  comment: string | null;
  citationKey: string | null;
  hf: HfFields;
  authorsFull: Author[];
  pdf: PdfInfo | null;
  /** The library holds the PDF of an older version than the latest known one. */
  newVersionAvailable: boolean;
  noteExcerpt: string | null;
  annotationCount: number;
  links: PaperLinks;
}

export interface PaperLinks {
  abs: string | null;
  pdf: string | null;
  hf: string | null;
  github: string | null;
  projectPage: string | null;
  doi: string | null;
}

export interface PdfInfo {
  id: number;
  state: PdfState;
  sha256: string | null;
  bytes: number | null;
  pages: number | null;
  version: number | null;
  error: string | null;
  /** Full-text extraction into the search index (#3). */
  textState: 'pending' | 'done' | 'failed';
}

export interface PaperPage {
  rows: PaperRow[];
  total: number;
}

export interface ImportCounts {
  new: number;
  updated: number;
  unchanged: number;
}
