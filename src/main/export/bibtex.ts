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
const nameCache = new Map<string, string>();

/** `bibName`, cached: the same authors come back entry after entry. */
function cachedName(name: string, charset: Encoding): string {
  const k = charset + '\u0000' + name;
  let v = nameCache.get(k);
  if (v === undefined) {
    v = bibName(name, charset);
    if (nameCache.size > 500_000) nameCache.clear();
    nameCache.set(k, v);
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
  return s.replace(/[{}\s]/g, '');
}

/** One entry, as text ending in a newline. */
export function bibEntry(r: ExportRecord, o: BibOptions): string {
  const biblatex = o.flavour === 'biblatex';
  const cs: Encoding = o.charset === 'ascii' && biblatex ? 'ascii-biber' : o.charset;
  const published = biblatex ? isPublished(r) : !!r.journalRef;
  const type = published ? 'article' : biblatex ? 'online' : 'misc';
  const f: string[] = [];
  const field = (name: string, value: string) => f.push(`  ${name} = {${value}}`);
  field('title', bibValue(clean(r.title), cs, true));
  if (r.authors.length) field('author', r.authors.map((a) => cachedName(a, cs)).join(' and '));
  if (published && r.journalRef) field(biblatex ? 'journaltitle' : 'journal', bibValue(clean(r.journalRef), cs, true));
  const date = r.publishedAt ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(r.publishedAt) : null;
  if (biblatex) {
    if (date) field('date', date[0]);
    else if (r.year) field('date', String(r.year));
  } else {
    const year = date?.[1] ?? (r.year ? String(r.year) : null);
    if (year) field('year', year);
    const m = date?.[2] ? Number(date[2]) : 0;
    if (m >= 1 && m <= 12) f.push(`  month = ${MONTHS[m - 1]}`);
  }
  if (r.arxivId) {
    field('eprint', verbatim(r.arxivId));
    if (biblatex) {
      field('eprinttype', 'arxiv');
      if (r.primaryCategory) field('eprintclass', verbatim(r.primaryCategory));
    } else {
      field('archiveprefix', 'arXiv');
      if (r.primaryCategory) field('primaryclass', verbatim(r.primaryCategory));
    }
  }
  if (r.doi) field('doi', verbatim(r.doi));
  const url = recordUrl(r);
  if (url) field('url', verbatim(url));
  if (biblatex && !published && r.arxivId && !(r.doi && !isArxivDoi(r.doi))) field('pubstate', 'prepublished');
  if (r.tags.length) field('keywords', bibValue(r.tags.join(', '), cs));
  return `@${type}{${r.citationKey},\n${f.join(',\n')}\n}\n`;
}

/** A whole .bib file: the `@preamble` the entries need, then one entry per record. */
export function renderBib(records: ExportRecord[], o: BibOptions): string {
  const out: string[] = [];
  let vietnamese = false;
  for (const r of records) {
    const e = bibEntry(r, o);
    if (!vietnamese && /[^\x00-\x7f]|\\textrighthorn\{|\\h\{/.test(e)) {
      vietnamese = /\\textrighthorn\{|\\h\{/.test(e) || needsVietnameseFallbacks(e);
    }
    out.push(e);
  }
  return (vietnamese ? VIETNAMESE_PREAMBLE : '') + out.join('\n');
}
