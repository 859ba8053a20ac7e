/**
 * Field values for .bib files: escaping of `{ } % & $ # _ ~ ^ \`, `$…$` math kept as math, and
 * non-ASCII either kept as UTF-8 (biber) or turned into LaTeX commands (classic BibTeX + pdfLaTeX)
 * with unicode2latex, the table Better BibTeX uses.
 *
 * Stacked diacritics (Vietnamese `ễ`, `ự`) are nested the way LaTeX needs them (`{\~{\^{e}}}`);
 * the horn and the hook above, which no standard pdfLaTeX encoding but T5 has, are written as the
 * commands biber itself uses (`\textrighthorn{u}`, `\h{a}`) and given a fallback definition in an
 * `@preamble` (`VIETNAMESE_PREAMBLE`) so the file compiles in any document. Characters with no
 * LaTeX command at all (CJK) stay UTF-8 even in ASCII mode: no pdfLaTeX encoding can carry them.
 */
import { Transform } from 'unicode2latex';

export type Charset = 'ascii' | 'utf8';
/**
 * How a value is written: `utf8`; `ascii` (LaTeX commands for everything unicode2latex knows);
 * `ascii-biber`: the same, except letters with stacked marks stay UTF-8, because biber (2.18)
 * cannot decode nested accent macros (`{\~{\^{e}}}` comes out as the broken `{\~\^{e}}`).
 */
export type Encoding = Charset | 'ascii-biber';

const SPECIAL: Record<string, string> = {
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '\\': '\\textbackslash{}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};
const SPECIAL_RE = /[{}\\%&$#_~^]/g;
const SPECIAL_TEST = /[{}\\%&$#_~^]/;
const NEEDS_WORK = /[{}\\%&$#_~^]|[^\x20-\x7e]/;
const NON_ASCII = /[^\x00-\x7f]/;

/** Combining marks → LaTeX accent commands (text mode). */
const ACCENTS: Record<string, string> = {
  '\u0300': '\\`', '\u0301': "\\'", '\u0302': '\\^', '\u0303': '\\~', '\u0304': '\\=', '\u0306': '\\u',
  '\u0307': '\\.', '\u0308': '\\"', '\u0309': '\\h', '\u030a': '\\r', '\u030b': '\\H', '\u030c': '\\v',
  '\u031b': '\\textrighthorn', '\u0323': '\\d', '\u0326': '\\textcommabelow', '\u0327': '\\c', '\u0328': '\\k',
  '\u0331': '\\b',
};
/** Marks drawn above the letter: on i and j they need the dotless forms. */
const ABOVE = new Set(['\u0300', '\u0301', '\u0302', '\u0303', '\u0304', '\u0306', '\u0307', '\u0308', '\u0309', '\u030a', '\u030b', '\u030c']);
/** Fallbacks for the two Vietnamese marks that only the T5 encoding provides. */
const FALLBACK: Record<string, string> = {
  '\\textrighthorn': '\\providecommand{\\textrighthorn}[1]{#1\\kern-.1em\\raise.45ex\\hbox{\\char39}}',
  '\\h': '\\providecommand{\\h}[1]{#1\\kern-.3em\\raise1ex\\hbox{\\tiny?}\\kern.1em}',
};

const creator = new Transform('bibtex-creator');
const caches = { ascii: new Map<string, string>(), 'ascii-biber': new Map<string, string>() };
const CACHE_MAX = 200_000;

/** One grapheme (base letter plus marks) as LaTeX: `{\~{\^{e}}}`; null when it is not a letter with marks we know. */
function accented(g: string): string | null {
  const d = g.normalize('NFD');
  const base = d[0]!;
  const marks = d.slice(1);
  if (!/^[A-Za-z]$/.test(base) || !marks) return null;
  // One ordinary mark: let unicode2latex choose (it knows the precomposed forms and dotless letters).
  if (marks.length === 1 && marks !== '\u031b' && marks !== '\u0309') return null;
  let inner = base;
  if ((base === 'i' || base === 'j') && [...marks].some((m) => ABOVE.has(m))) inner = `\\${base}`;
  for (const m of marks) {
    const cmd = ACCENTS[m];
    if (!cmd) return null;
    inner = `${cmd}{${inner}}`;
  }
  return `{${inner}}`;
}

/** Non-ASCII → LaTeX for one run of text without `$…$` math; specials escaped. Cached. */
function textToAscii(s: string, keepStacked = false): string {
  if (!NEEDS_WORK.test(s)) return s;
  const cache = caches[keepStacked ? 'ascii-biber' : 'ascii'];
  const hit = cache.get(s);
  if (hit !== undefined) return hit;
  const out: string[] = [];
  // Split into graphemes-ish: a base character followed by its combining marks.
  for (const g of s.normalize('NFC').match(/[\s\S][\u0300-\u036f]*/g) ?? []) {
    if (!NON_ASCII.test(g)) {
      out.push(SPECIAL[g] ?? g);
      continue;
    }
    const a = accented(g);
    if (a !== null && keepStacked && /[\u0300-\u036f].*[\u0300-\u036f]/.test(g.normalize('NFD'))) {
      out.push(g);
      continue;
    }
    if (a !== null) {
      out.push(a);
      continue;
    }
    let c = cache.get(g);
    if (c === undefined) {
      c = creator.tolatex(g);
      // `\~\^e`-style stacks from the table still need nesting for LaTeX.
      c = c.replace(/^\{((?:\\[`'^~"=.](?=\\))+)(\\[a-zA-Z]+ ?|[a-zA-Z])\}$/, (_m, accs: string, last: string) => {
        const list = accs.match(/\\./g) ?? [];
        return `{${list.reduceRight((inner, acc) => `${acc}{${inner}}`, last.trim())}}`;
      });
      cache.set(g, c);
    }
    out.push(c);
  }
  const r = out.join('');
  if (cache.size < CACHE_MAX) cache.set(s, r);
  return r;
}

const escapeSpecial = (c: string) => SPECIAL[c]!;

function textToUtf8(s: string): string {
  return SPECIAL_TEST.test(s) ? s.replace(SPECIAL_RE, escapeSpecial) : s;
}

/**
 * `$…$` spans that can stay math (pandoc's rule): no space just inside either dollar, the closing
 * one not followed by a digit (`$5 and $6` is money), one line, no `$$`; braces balanced (checked below).
 */
const MATH_RE = /(?<![\\$])\$(?![\s$])([^$\n]*?[^\s\\$])\$(?![\d$])/g;

function balanced(s: string): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

function mathToLatex(m: string, charset: Encoding): string {
  if (charset === 'utf8' || !NON_ASCII.test(m)) return m;
  // Non-ASCII inside math (α, ≤): unicode2latex's text-mode answer is `$\alpha$`; keep the inside.
  return m.replace(/[^\x00-\x7f]/g, (c) => {
    const t = textToAscii(c);
    return t.startsWith('$') && t.endsWith('$') ? ` ${t.slice(1, -1)} ` : t;
  });
}

/**
 * A field value: specials escaped, math kept (wrapped in braces so case changes leave it alone),
 * non-ASCII per charset. `protect` also wraps runs of words that carry capitals in braces
 * (`{BERT}: Pre-training of {Deep Bidirectional Transformers}`), for titles.
 */
export function bibValue(s: string, charset: Encoding, protect = false): string {
  if (!NEEDS_WORK.test(s)) return protect ? protectCase(s) : s;
  const conv =
    charset === 'ascii' ? textToAscii : charset === 'ascii-biber' ? (t: string) => textToAscii(t, true) : textToUtf8;
  // No `$`, no math: the common case skips the math scan.
  if (!s.includes('$')) return protect ? protectCase(s, conv) : conv(s);
  let out = '';
  let last = 0;
  for (const m of s.matchAll(MATH_RE)) {
    if (!balanced(m[1]!)) continue;
    const text = s.slice(last, m.index);
    out += protect ? protectCase(text, conv) : conv(text);
    out += `{$${mathToLatex(m[1]!, charset)}$}`;
    last = m.index + m[0].length;
  }
  const rest = s.slice(last);
  return out + (protect ? protectCase(rest, conv) : conv(rest));
}


/** A run of words that carry a capital letter (whitespace-separated tokens). */
const CAPITAL_RUN = /(?<!\S)\S*\p{Lu}\S*(?:\s+\S*\p{Lu}\S*)*/gu;

/** Brace runs of words that carry a capital letter, converting the text with `conv`. */
function protectCase(s: string, conv?: (t: string) => string): string {
  if (!conv) return s.replace(CAPITAL_RUN, '{$&}');
  // String concatenation and `exec` rather than arrays and `matchAll`: called once per title.
  let out = '';
  let last = 0;
  CAPITAL_RUN.lastIndex = 0;
  for (let m = CAPITAL_RUN.exec(s); m !== null; m = CAPITAL_RUN.exec(s)) {
    if (m.index > last) out += conv(s.slice(last, m.index));
    out += `{${conv(m[0])}}`;
    last = m.index + m[0].length;
  }
  if (last < s.length) out += conv(s.slice(last));
  return out;
}

/**
 * Whether text uses the horn or the hook above: written as macros (by us, or by biber with
 * --output-safechars), they need the fallback definitions of `VIETNAMESE_PREAMBLE`.
 */
export function needsVietnameseFallbacks(text: string): boolean {
  return /[\u031b\u0309]/.test(text.normalize('NFD'));
}

/** `\providecommand`s: a document that loads T5 (or tipa) keeps its own definitions. */
export const VIETNAMESE_PREAMBLE = `@preamble{ "${FALLBACK['\\textrighthorn']} ${FALLBACK['\\h']}" }\n\n`;
