/**
 * Library domain types (#4): search matches, tags with counts, sync-source groups, saved searches,
 * HF days. Pure TypeScript, shared by main and renderer.
 */

/** Highlight markers inside snippets: text between them matched the query. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

export type MatchWhere = 'title' | 'authors' | 'abstract' | 'keywords' | 'note' | 'annotation' | 'pdf';

/** Where a search hit matched, with a snippet whose matches are wrapped in MARK_START/MARK_END. */
export interface SearchMatch {
  where: MatchWhere;
  /** 1-based PDF page, when the match is in the PDF text. */
  page: number | null;
  snippet: string;
  /** bm25 score (higher is better). */
  score: number;
}

export interface TagNode {
  id: number;
  name: string;
  path: string;
  parentId: number | null;
  color: string | null;
  /** Papers carrying this exact tag. */
  own: number;
  /** Papers carrying this tag or any tag below it. */
  total: number;
}

export interface SourceCount {
  key: string;
  count: number;
}

export interface DayCount {
  day: string;
  count: number;
}

export interface SavedSearch {
  id: number;
  name: string;
  query: string;
  filters: Record<string, unknown>;
}

/** Human name of a paper_sources.source_key. */
export function sourceLabel(key: string): string {
  if (key.startsWith('hf:')) return `HF ${key.slice(3)}`;
  if (key.startsWith('arxiv:')) return `arXiv ${key.slice(6)}`;
  if (key.startsWith('import:')) return `Import ${key.slice(7)}`;
  return key;
}

export const TAG_COLORS = [
  '#3d6df2', '#e5484d', '#30a46c', '#f76b15', '#8e4ec6', '#12a594', '#d6409f', '#ffb224', '#0090ff', '#978365',
] as const;

/** Normalise a tag path typed by a person: trim segments, drop empty ones. */
export function normalizeTagPath(input: string): string {
  return input
    .split('/')
    .map((s) => s.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
    .join('/');
}
