/**
 * BibTeX and BibLaTeX export, after arXiv's own "Export BibTeX citation" and Better BibTeX:
 * - arXiv preprints: BibTeX `@misc` with eprint, archiveprefix, primaryclass, url, doi;
 *   BibLaTeX `@online` with eprint, eprinttype, eprintclass and `pubstate = {prepublished}`;
 * - published papers: `@article` (BibTeX when there is a journal reference — a DOI alone leaves no
 *   journal to print, so such papers stay `@misc` with their doi; BibLaTeX also for a publisher DOI);
 * - titles keep their capitals and acronyms protected with braces; `$…$` math stays math;
 * - non-ASCII as LaTeX commands (default for BibTeX) or UTF-8 (default for BibLaTeX);
 * - tags → keywords. Citation keys are read, never changed.
 */
import { bibValue, needsVietnameseFallbacks, VIETNAMESE_PREAMBLE, type Charset, type Encoding } from './latex';
import { splitName } from './names';
import { isArxivDoi, isPublished, recordUrl, type ExportRecord } from './records';

export type Flavour = 'bibtex' | 'biblatex';

export interface BibOptions {
  flavour: Flavour;
  charset: Charset;
}

export function defaultCharset(flavour: Flavour): Charset {
  return flavour === 'bibtex' ? 'ascii' : 'utf8';
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `Vaswani, Ashish`; `van Beethoven, Ludwig`; `King, Jr., Martin Luther`; `Plato`; names with a comma as given. */
const nameCaches: Record<Encoding, Map<string, string>> = { ascii: new Map(), 'ascii-biber': new Map(), utf8: new Map() };

/** `bibName`, cached: the same authors come back entry after entry. */
function cachedName(name: string, charset: Encoding): string {
  const cache = nameCaches[charset];
  let v = cache.get(name);
  if (v === undefined) {
    v = bibName(name, charset);
    if (cache.size > 500_000) cache.clear();
    cache.set(name, v);
  }
  return v;
}

export function bibName(name: string, charset: Encoding): string {
  const n = clean(name);
  // "and" inside a name would split it: brace the whole name (an organisation, usually).
  if (/\band\b/i.test(n)) return `{${bibValue(n, charset)}}`;
  if (n.includes(',')) return bibValue(n, charset);
  const p = splitName(n);
  if ('literal' in p) return bibValue(p.literal, charset);
  const parts = [p.family, ...(p.suffix ? [p.suffix] : []), ...(p.given ? [p.given] : [])];
  return parts.map((x) => bibValue(x, charset)).join(', ');
}

function clean(s: string): string {
  return /\s\s|[\t\n\r\f]|^\s|\s$/.test(s) ? s.replace(/\s+/g, ' ').trim() : s;
}

/** A raw value for url/doi/eprint fields: no escaping (they are verbatim), braces and spaces removed. */
function verbatim(s: string): string {
  return /[{}\s]/.test(s) ? s.replace(/[{}\s]/g, '') : s;
}

/** One entry, as text ending in a newline. */
export function bibEntry(r: ExportRecord, o: BibOptions): string {
  const biblatex = o.flavour === 'biblatex';
  const cs: Encoding = o.charset === 'ascii' && biblatex ? 'ascii-biber' : o.charset;
  const published = biblatex ? isPublished(r) : !!r.journalRef;
  const type = published ? 'article' : biblatex ? 'online' : 'misc';
  // String concatenation (V8 ropes) rather than an array or a closure per entry: 100,000 entries, less garbage.
  let f = `,\n  title = {${bibValue(clean(r.title), cs, true)}}`;
  if (r.authors.length) {
    let names = cachedName(r.authors[0]!, cs);
    for (let i = 1; i < r.authors.length; i++) names += ' and ' + cachedName(r.authors[i]!, cs);
    f += `,\n  author = {${names}}`;
  }
  if (published && r.journalRef) f += `,\n  ${biblatex ? 'journaltitle' : 'journal'} = {${bibValue(clean(r.journalRef), cs, true)}}`;
  const date = r.publishedAt ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(r.publishedAt) : null;
  if (biblatex) {
    if (date) f += `,\n  date = {${date[0]}}`;
    else if (r.year) f += `,\n  date = {${r.year}}`;
  } else {
    const year = date?.[1] ?? (r.year ? String(r.year) : null);
    if (year) f += `,\n  year = {${year}}`;
    const m = date?.[2] ? Number(date[2]) : 0;
    if (m >= 1 && m <= 12) f += `,\n  month = ${MONTHS[m - 1]}`;
  }
  if (r.arxivId) {
    f += `,\n  eprint = {${verbatim(r.arxivId)}}`;
    if (biblatex) {
      f += ',\n  eprinttype = {arxiv}';
      if (r.primaryCategory) f += `,\n  eprintclass = {${verbatim(r.primaryCategory)}}`;
    } else {
      f += ',\n  archiveprefix = {arXiv}';
      if (r.primaryCategory) f += `,\n  primaryclass = {${verbatim(r.primaryCategory)}}`;
    }
  }
  if (r.doi) f += `,\n  doi = {${verbatim(r.doi)}}`;
  const url = recordUrl(r);
  if (url) f += `,\n  url = {${verbatim(url)}}`;
  if (biblatex && !published && r.arxivId && !(r.doi && !isArxivDoi(r.doi))) f += ',\n  pubstate = {prepublished}';
  if (r.tags.length) f += `,\n  keywords = {${bibValue(r.tags.join(', '), cs)}}`;
  return `@${type}{${r.citationKey}${f}\n}\n`;
}

/** A whole .bib file: the `@preamble` the entries need, then one entry per record. */
export function renderBib(records: Iterable<ExportRecord>, o: BibOptions): string {
  // Entries are joined a batch at a time into flat strings: what stays alive until the end is a few
  // hundred strings, not 100,000 ropes of small pieces that every young-generation GC must copy.
  const BATCH = 512;
  const chunks: string[] = [];
  let batch: string[] = [];
  let vietnamese = false;
  for (const r of records) {
    const e = bibEntry(r, o);
    if (!vietnamese && /[^\x00-\x7f]|\\textrighthorn\{|\\h\{/.test(e)) {
      vietnamese = /\\textrighthorn\{|\\h\{/.test(e) || needsVietnameseFallbacks(e);
    }
    batch.push(e);
    if (batch.length === BATCH) {
      chunks.push(batch.join('\n'));
      batch = [];
    }
  }
  if (batch.length) chunks.push(batch.join('\n'));
  return (vietnamese ? VIETNAMESE_PREAMBLE : '') + chunks.join('\n');
}
