/**
 * The reader's annotation model (Zotero's PDF model, see shared/formats §5): positions in PDF page
 * space — a 0-based page index and `[x1, y1, x2, y2]` rects in PDF points, origin bottom-left,
 * one rect per text line — plus the quoted text and a sort index `PPPPP|OOOOOO|TTTTT`.
 * Pure TypeScript (zod only): shared by the core, the contract and the renderer.
 */
import { z } from 'zod';

export const ANNOTATION_KINDS = ['highlight', 'underline', 'note', 'area'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/** Zotero's palette (`ANNOTATION_COLORS`), yellow first as the default. */
export const ANNOTATION_COLORS = [
  { name: 'Yellow', hex: '#ffd400' },
  { name: 'Red', hex: '#ff6666' },
  { name: 'Green', hex: '#5fb236' },
  { name: 'Blue', hex: '#2ea8e5' },
  { name: 'Purple', hex: '#a28ae5' },
  { name: 'Magenta', hex: '#e56eee' },
  { name: 'Orange', hex: '#f19837' },
  { name: 'Gray', hex: '#aaaaaa' },
] as const;
export const DEFAULT_COLOR = '#ffd400';

export const SORT_INDEX_RE = /^\d{5}\|\d{6}\|\d{5}$/;

export interface Annotation {
  /** Made by the reader (UUID), so a new annotation can be referenced before it is saved. */
  id: string;
  paperId: number;
  kind: AnnotationKind;
  color: string;
  pageIndex: number;
  rects: number[][];
  text: string | null;
  comment: string | null;
  tags: string[];
  sortIndex: string;
  pdfSha256: string | null;
  createdAt: string;
  updatedAt: string;
}

const rect = z.array(z.number().finite()).length(4);

/**
 * What `annotations:save` takes: a whole annotation (for a new one) or a patch (id + paperId +
 * the fields that changed). Fields left out are never touched, so changing a colour cannot lose a
 * comment, and moving an area cannot lose its tags.
 */
export const AnnotationInputSchema = z
  .object({
    id: z.string().min(1).max(64),
    paperId: z.number().int().positive(),
    kind: z.enum(ANNOTATION_KINDS).optional(),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
    pageIndex: z.number().int().min(0).max(1_000_000).optional(),
    rects: z.array(rect).min(1).max(2000).optional(),
    text: z.string().max(200_000).nullable().optional(),
    comment: z.string().max(200_000).nullable().optional(),
    tags: z.array(z.string().trim().min(1).max(200)).max(200).optional(),
    sortIndex: z.string().regex(SORT_INDEX_RE).optional(),
    pdfSha256: z.string().max(128).nullable().optional(),
    createdAt: z.string().max(40).optional(),
    /** The writer's clock; a save older than the stored row is ignored (last writer wins). */
    updatedAt: z.string().max(40).optional(),
  })
  .strict();
export type AnnotationInput = z.input<typeof AnnotationInputSchema>;

export interface ReadingPosition {
  pageIndex: number;
  /** pdf.js scale value: `page-width`, `page-fit`, `auto` or a number as text. */
  scale: string;
  /** Top of the view in PDF points on that page (pdf.js `location.top`), when known. */
  top: number | null;
}

export interface ReaderDocument {
  paperId: number;
  pdfId: number;
  title: string;
  sha256: string | null;
  pages: number | null;
  size: number;
  /** Browser mode: where to GET the bytes (token in the Authorization header). Null over IPC. */
  url: string | null;
  position: ReadingPosition | null;
}
