/**
 * .bib (BibTeX and BibLaTeX) → Listings, with @retorquere/bibtex-parser (the parser behind Better
 * BibTeX's imports), which turns LaTeX into Unicode. Entries it cannot parse, or without a title,
 * are reported with the line they start on; the others still come through.
 */
import { parse, type Creator } from '@retorquere/bibtex-parser';
import { findArxivId, findDoi, parseArxivId } from '../../shared/arxivId';
import type { Listing } from '../library/listings';

export interface ParsedEntry {
  listing: Listing;
  /** The entry's own citation key, kept for papers new to the library. */
  key: string | null;
  line: number;
}

export interface ParseReport {
  entries: ParsedEntry[];
  errors: { line: number; message: string }[];
}

/** Line number (1-based) of each offset, by binary search over line starts. */
export function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

function creatorName(c: Creator): string {
  if (c.name) return applyMarks(c.name.trim());
  return applyMarks([c.firstName, c.prefix, c.lastName, c.suffix].filter(Boolean).join(' ').replace(/\s+/g, ' ').trim());
}

function cleanDoi(s: string | undefined): string | null {
  if (!s) return null;
  return findDoi(s.replace(/^https?:\/\/(dx\.)?doi\.org\//i, ''));
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `YYYY[-MM[-DD]]` from biblatex `date`, or BibTeX `year` + `month`. */
export function dateOf(f: Record<string, unknown>): string | null {
  const date = typeof f.date === 'string' ? /^(\d{4})(-\d{2})?(-\d{2})?/.exec(f.date.trim()) : null;
  if (date) return date[0];
  const year = typeof f.year === 'string' ? /\d{4}/.exec(f.year)?.[0] : undefined;
  if (!year) return null;
  const m = typeof f.month === 'string' ? f.month.trim().toLowerCase() : '';
  const month = /^\d{1,2}$/.test(m) ? Number(m) : MONTH_NAMES.indexOf(m.slice(0, 3)) + 1;
  return month >= 1 && month <= 12 ? `${year}-${String(month).padStart(2, '0')}` : year;
}

const MARKS: Record<string, string> = {
  '`': '\u0300', "'": '\u0301', '^': '\u0302', '~': '\u0303', '=': '\u0304', u: '\u0306', '.': '\u0307',
  '"': '\u0308', h: '\u0309', r: '\u030a', H: '\u030b', v: '\u030c', textrighthorn: '\u031b', d: '\u0323',
  textcommabelow: '\u0326', c: '\u0327', k: '\u0328', b: '\u0331',
};

/**
 * The macros the parser does not know: the Vietnamese horn and hook our own exports write
 * (`\~{\textrighthorn{u}}` → `ữ`, so Papershelf reads back what it writes); anything else is dropped.
 */
export function decodeUnsupported(tex: string): string {
  let s = tex;
  for (let i = 0; i < 8; i++) {
    const next = s.replace(
      /\\(textrighthorn|textcommabelow|[`'^~=."uvHrhdckb])\s*\{((?:\\?[A-Za-z]|[^{}\\])[\u0300-\u036f]*)\}/g,
      (_m, cmd: string, base: string) => base.replace(/^\\/, '') + (MARKS[cmd] ?? ''),
    );
    if (next === s) break;
    s = next;
  }
  // A bare `\textrighthorn` / `\h` (the parser hands over the macro without its argument):
  // a placeholder that `applyMarks` moves after the next letter.
  if (s === '\\textrighthorn') return HORN;
  if (s === '\\h') return HOOK;
  if (/\\[A-Za-z]/.test(s)) return '';
  return s.replace(/[{}]/g, '').normalize('NFC');
}

const HORN = '\uE000';
const HOOK = '\uE001';

/** Put placeholder marks after the letter they belong to. */
export function applyMarks(s: string): string {
  if (!/[\uE000\uE001]/.test(s)) return s.normalize('NFC');
  return s
    .replace(/\uE000([\s\S])/g, '$1\u031b')
    .replace(/\uE001([\s\S])/g, '$1\u0309')
    .replace(/[\uE000\uE001]/g, '')
    .normalize('NFC');
}

export function parseBib(text: string): ParseReport {
  const lib = parse(text, {
    english: false,
    sentenceCase: false,
    caseProtection: false,
    unsupported: (_node, tex) => decodeUnsupported(tex),
  });
  const lineOf = lineFinder(text);
  const errors: ParseReport['errors'] = [];
  let cursor = 0;
  const locate = (input: string | undefined): number => {
    if (!input) return lineOf(cursor);
    const at = text.indexOf(input.trimEnd(), cursor);
    if (at === -1) return lineOf(cursor);
    cursor = at;
    return lineOf(at);
  };
  const broken = new Set<string>();
  for (const e of lib.errors) {
    const line = locate(e.input);
    const head = /^@(\w+)\s*[{(]\s*([^,\s]*)/.exec(e.input ?? '');
    const what = e.error.replace(/ at line \d+, column \d+/, '').replace(/ "[^"]*"/g, '').replace(/ in$/, '');
    errors.push({ line, message: head ? `@${head[1]}{${head[2]}}: ${what}` : what });
    if (e.input) broken.add(e.input.trimEnd());
  }
  cursor = 0;
  const entries: ParsedEntry[] = [];
  for (const e of lib.entries) {
    // Entries the parser gave up on come back without their input; they are in `errors` already.
    if (!e.input.trim() || broken.has(e.input.trimEnd())) continue;
    const line = locate(e.input);
    const f = e.fields as Record<string, unknown>;
    const str = (k: string) => (typeof f[k] === 'string' ? applyMarks((f[k] as string).trim()) : undefined);
    const title = str('title')?.replace(/\s+/g, ' ');
    if (!title) {
      errors.push({ line, message: `@${e.type}{${e.key}} has no title` });
      continue;
    }
    const eprintType = (str('archiveprefix') ?? str('eprinttype') ?? '').toLowerCase();
    const eprint = str('eprint');
    let doi = cleanDoi(str('doi'));
    const arxiv =
      (eprint && (eprintType === 'arxiv' || !eprintType) ? parseArxivId(eprint) : null) ??
      (doi && /^10\.48550\/arxiv\./i.test(doi) ? parseArxivId(doi.replace(/^10\.48550\/arxiv\./i, '')) : null) ??
      findArxivId([str('url'), str('journal'), str('note'), str('howpublished')].filter(Boolean).join(' '));
    if (doi && /^10\.48550\/arxiv\./i.test(doi)) doi = null;
    const journal = str('journaltitle') ?? str('journal');
    const journalRef =
      journal && !/^arxiv/i.test(journal)
        ? [journal, str('volume'), str('number') ? `(${str('number')})` : undefined, str('pages')]
            .filter(Boolean)
            .join(' ')
        : null;
    const primary = (str('primaryclass') ?? str('eprintclass'))?.split(',')[0]?.trim() || null;
    const authors = (Array.isArray(f.author) ? (f.author as Creator[]) : []).map(creatorName).filter(Boolean);
    entries.push({
      key: e.key || null,
      line,
      listing: {
        arxivId: arxiv?.id ?? null,
        version: arxiv?.version ?? null,
        doi,
        title,
        abstract: str('abstract') ?? null,
        authors: authors.map((name) => ({ name })),
        publishedAt: dateOf(f),
        categories: primary ? [primary] : [],
        primaryCategory: primary,
        journalRef,
        authoritative: false,
      },
    });
  }
  errors.sort((a, b) => a.line - b.line);
  return { entries, errors };
}
