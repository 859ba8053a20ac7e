/**
 * CSL-JSON (the citation-style-language data schema, what Zotero, Pandoc and citation-js read).
 * Preprints are `article` with publisher arXiv and number `arXiv:<id>` (as Zotero exports them);
 * published papers are `article-journal`.
 */
import { splitName } from './names';
import { isPublished, recordUrl, type ExportRecord } from './records';

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export interface CslItem {
  id: string;
  type: string;
  title: string;
  author: CslName[];
  issued?: { 'date-parts': number[][] };
  DOI?: string;
  URL?: string;
  abstract?: string;
  'container-title'?: string;
  publisher?: string;
  number?: string;
  keyword?: string;
  note?: string;
  'citation-key': string;
}

export function cslName(name: string): CslName {
  const p = splitName(name);
  if ('literal' in p) return { literal: p.literal };
  return { family: p.family, given: [p.given, p.suffix].filter(Boolean).join(' ') };
}

export function cslItem(r: ExportRecord): CslItem {
  const published = isPublished(r);
  const item: CslItem = {
    id: r.citationKey,
    'citation-key': r.citationKey,
    type: published ? 'article-journal' : 'article',
    title: r.title.replace(/\s+/g, ' ').trim(),
    author: r.authors.map(cslName),
  };
  const d = r.publishedAt ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(r.publishedAt) : null;
  const parts = d ? [d[1], d[2], d[3]].filter(Boolean).map(Number) : r.year ? [r.year] : [];
  if (parts.length) item.issued = { 'date-parts': [parts] };
  if (r.doi) item.DOI = r.doi;
  const url = recordUrl(r);
  if (url) item.URL = url;
  if (r.abstract) item.abstract = r.abstract;
  if (r.journalRef) item['container-title'] = r.journalRef;
  if (r.arxivId && !published) {
    item.publisher = 'arXiv';
    item.number = `arXiv:${r.arxivId}`;
  }
  if (r.tags.length) item.keyword = r.tags.join(', ');
  return item;
}

export function renderCsl(records: ExportRecord[]): string {
  return JSON.stringify(records.map(cslItem), null, 2) + '\n';
}
