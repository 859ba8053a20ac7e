/** PDF domain types shared by the core and the renderer (downloads, local import, full text). */

export const AUTO_DOWNLOAD = ['none', 'starred', 'tagged', 'all'] as const;
export type AutoDownload = (typeof AUTO_DOWNLOAD)[number];

export interface PdfSettings {
  /** Which papers get their PDF automatically when they arrive or change. */
  autoDownload: AutoDownload;
  /** Largest PDF accepted, in bytes (downloads and imports). */
  maxBytes: number;
}

/** Largest file the renderer may send as bytes (drag & drop, file picker in browser mode). */
export const MAX_IMPORT_BYTES = 150 * 1024 * 1024;

export interface DownloadRequestResult {
  queued: number;
  skipped: { id: number; reason: string }[];
}

export type PdfImportOutcome =
  /** The PDF was attached to a paper already in the library (matched by arXiv id or DOI). */
  | { kind: 'attached'; paperId: number; title: string; matchedBy: 'arxiv' | 'doi'; replaced: boolean }
  /** No matching paper: a new one was created from the PDF's metadata. */
  | { kind: 'new'; paperId: number; title: string }
  /** The same file (by sha256) is already in the library. */
  | { kind: 'duplicate'; paperId: number; title: string };

export type PdfImportResult = PdfImportOutcome & { name: string; sha256: string; arxivId: string | null; doi: string | null };

export interface PdfActivity {
  paperId: number;
  title: string;
  received: number;
  total: number | null;
}

export interface PdfStatus {
  /** queued/active: download jobs; done/failed: papers whose PDF is in the library / failed to download. */
  downloads: { queued: number; active: number; failed: number; done: number };
  text: { pending: number; done: number; failed: number };
  active: PdfActivity[];
}
