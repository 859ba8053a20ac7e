/**
 * The search box's language, turned into a safe FTS5 MATCH expression plus SQL filters.
 *
 * Nothing the user types reaches FTS5's query parser as syntax: every word is re-quoted by us,
 * so quotes, `*`, `-`, `NEAR`, `AND`/`OR`/`NOT`, `:` and unbalanced parentheses are plain text.
 * Supported: words, "quoted phrases", `-word` (exclude), `title:`, `author:`, `tag:` (incl. child
 * tags), `year:2024` / `year:2020-2023`. The last word is matched as a prefix while typing.
 */
import { normalizeTagPath } from '../../../shared/library';

export interface YearRange {
  from: number;
  to: number;
}

export interface ParsedSearch {
  /** The FTS5 MATCH expression, or null when the text has nothing to search for. */
  match: string | null;
  tags: string[];
  notTags: string[];
  years: YearRange[];
  /** The words searched (for highlighting and tests). */
  terms: string[];
}

type Field = 'title' | 'authors' | 'tag' | 'year' | null;

interface RawToken {
  field: Field;
  value: string;
  negated: boolean;
  quoted: boolean;
  /** The token runs to the end of the input (the word being typed). */
  atEnd: boolean;
}

const FIELDS: Record<string, Field> = { title: 'title', author: 'authors', authors: 'authors', tag: 'tag', year: 'year' };
/** Characters FTS5's unicode61 tokenizer keeps inside tokens: letters, numbers, marks, private use. */
const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
const MIN_PREFIX = 2;

export function tokenize(input: string): RawToken[] {
  const out: RawToken[] = [];
  const s = input.normalize('NFC');
  let i = 0;
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i]!)) i++;
    if (i >= s.length) break;
    let negated = false;
    if (s[i] === '-' && i + 1 < s.length && !/\s/.test(s[i + 1]!)) {
      negated = true;
      i++;
    }
    let field: Field = null;
    const m = /^([a-z]+):/i.exec(s.slice(i, i + 9));
    if (m && FIELDS[m[1]!.toLowerCase()] !== undefined) {
      field = FIELDS[m[1]!.toLowerCase()]!;
      i += m[0].length;
    }
    let value: string;
    let quoted = false;
    let atEnd = false;
    if (s[i] === '"') {
      quoted = true;
      const close = s.indexOf('"', i + 1);
      value = s.slice(i + 1, close === -1 ? s.length : close);
      i = close === -1 ? s.length : close + 1;
    } else {
      const start = i;
      while (i < s.length && !/\s/.test(s[i]!)) i++;
      value = s.slice(start, i);
      atEnd = i >= s.length;
    }
    out.push({ field, value, negated, quoted, atEnd });
  }
  return out;
}

/** A phrase FTS5 cannot misread: only word characters, wrapped in double quotes. */
function phrase(words: string[], prefix: boolean): string {
  return `"${words.join(' ')}"${prefix ? '*' : ''}`;
}

function parseYear(v: string): YearRange | null {
  const m = /^(\d{4})(?:\s*[-–.]+\s*(\d{4}))?$/.exec(v.trim());
  if (!m) return null;
  const a = Number(m[1]);
  const b = m[2] ? Number(m[2]) : a;
  return { from: Math.min(a, b), to: Math.max(a, b) };
}

export function parseSearch(input: string): ParsedSearch {
  const tokens = tokenize(input);
  const pos: string[] = [];
  const neg: string[] = [];
  const res: ParsedSearch = { match: null, tags: [], notTags: [], years: [], terms: [] };
  tokens.forEach((t, idx) => {
    if (t.field === 'tag') {
      const path = normalizeTagPath(t.value);
      if (path) (t.negated ? res.notTags : res.tags).push(path);
      return;
    }
    if (t.field === 'year') {
      const y = parseYear(t.value);
      if (y && !t.negated) res.years.push(y);
      return;
    }
    const words = t.value.match(WORD) ?? [];
    if (!words.length) return;
    const last = words[words.length - 1]!;
    const prefix = idx === tokens.length - 1 && t.atEnd && !t.quoted && !t.negated && last.length >= MIN_PREFIX;
    const p = phrase(words, prefix);
    const expr = t.field ? `${t.field} : ${p}` : p;
    (t.negated ? neg : pos).push(expr);
    if (!t.negated) res.terms.push(...words);
  });
  if (pos.length) {
    res.match = pos.join(' AND ');
    if (neg.length) res.match = `(${res.match}) NOT (${neg.join(' OR ')})`;
  }
  return res;
}
