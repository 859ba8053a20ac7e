/**
 * Text → weighted terms for the recommendation index, arxiv-sanity style: lowercase, Unicode
 * normalised (accents folded), English stopwords dropped, a light plural stemmer, unigrams plus
 * bigrams of adjacent content words (never across a stopword or punctuation), author tokens
 * `a:surname`, and the HF AI keywords as phrases. Pure and deterministic.
 */

const STOPWORDS = new Set(
  (
    'a about above after again against all also although am an and any are as at be because been before being ' +
    'below between both but by can could did do does doing down during each either et etc few for from further ' +
    'had has have having he her here hers him his how however i if in into is it its itself just may me might ' +
    'more most much must my neither no nor not of off on once only or other our ours out over own per same she ' +
    'should so some such than that the their theirs them then there these they this those through thus to too ' +
    'under until up upon us use used uses using very via was we well were what when where whether which while ' +
    'who whom why will with within without would yet you your paper propose proposed present show shows shown ' +
    'new novel approach method methods result results work based several many one two three first second also ' +
    'existing across achieve achieves demonstrate demonstrates including make makes made furthermore moreover ' +
    'recent recently significantly significant study studies end'
  ).split(' '),
);

/** Fold case and accents: "Schrödinger" → "schrodinger". */
const ASCII = /^[\x00-\x7f]*$/;
export function normalize(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** A very light stemmer: plurals only, so "networks"/"network" meet but words stay readable. */
export function stem(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is') || w.endsWith('ous')) return w;
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

/** One term as written the first time it was seen (for reasons), and its stemmed key. */
export interface Term {
  key: string;
  surface: string;
}

function isContent(w: string): boolean {
  if (w.length < 2) return false;
  let digits = true;
  for (let i = 0; i < w.length && digits; i++) {
    const c = w.charCodeAt(i);
    digits = c >= 48 && c <= 57;
  }
  return !digits && !STOPWORDS.has(w);
}

const LETTER = /[\p{L}\p{N}]/u;
/** a–z, 0–9, or a non-ASCII letter or digit. */
function isWordChar(c: number, text: string, i: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  return LETTER.test(text[i]!);
}

export interface TermSink {
  word(key: string, surface: string): void;
  /** Two adjacent content words (no stopword or punctuation between them). */
  pair(prevKey: string, key: string, prevSurface: string, surface: string): void;
}

/**
 * Unigrams and bigrams of a piece of prose, scanned in one pass. Whitespace and hyphens keep a
 * phrase going ("score-based model"); other punctuation and stopwords end it. Apostrophes are
 * dropped ("model's" → "models" → "model").
 */
export function eachTerm(text: string, sink: TermSink): void {
  const t = normalize(text);
  const n = t.length;
  let prev: string | null = null;
  let prevSurface = '';
  let i = 0;
  while (i < n) {
    let c = t.charCodeAt(i);
    if (!isWordChar(c, t, i)) {
      // Whitespace and hyphens keep the phrase; anything else breaks it.
      if (c !== 32 && c !== 45 && c !== 10 && c !== 9 && c !== 13) prev = null;
      i++;
      continue;
    }
    let w = '';
    let start = i;
    while (i < n) {
      c = t.charCodeAt(i);
      if (isWordChar(c, t, i)) i++;
      else if ((c === 39 || c === 8217) && i + 1 < n && isWordChar(t.charCodeAt(i + 1), t, i + 1)) {
        w += t.slice(start, i);
        start = ++i;
      } else break;
    }
    w += t.slice(start, i);
    if (!isContent(w)) {
      prev = null;
      continue;
    }
    const key = stem(w);
    sink.word(key, w);
    if (prev !== null) sink.pair(prev, key, prevSurface, w);
    prev = key;
    prevSurface = w;
  }
}

/** `a:surname` for one author name ("Yann LeCun" → `a:lecun`). */
export function authorToken(name: string): string | null {
  const n = normalize(name).trim();
  if (!n) return null;
  const surname = n.split(/\s+/).pop()!;
  const clean = surname.replace(/[^\p{L}\p{N}'-]/gu, '');
  return clean ? `a:${clean}` : null;
}

/** `authors_text` is the names joined with `, `. */
export function splitAuthors(authorsText: string): string[] {
  return authorsText
    .split(', ')
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface DocText {
  title: string;
  abstract: string | null;
  authorsText: string;
  keywords: string[];
}

/** How much one occurrence counts, by field: titles and keywords say more than abstract prose. */
export const FIELD_WEIGHTS = { title: 3, abstract: 1, keywords: 2, authors: 2 } as const;

/** Feed every term of a paper to `sink` with its field weight. */
export function eachDocTerm(doc: DocText, sink: (w: number) => TermSink): void {
  eachTerm(doc.title, sink(FIELD_WEIGHTS.title));
  if (doc.abstract) eachTerm(doc.abstract, sink(FIELD_WEIGHTS.abstract));
  const kw = sink(FIELD_WEIGHTS.keywords);
  for (const k of doc.keywords) eachTerm(k, kw);
  const au = sink(FIELD_WEIGHTS.authors);
  for (const name of splitAuthors(doc.authorsText)) {
    const t = authorToken(name);
    if (t) au.word(t, name);
  }
}

/** Weighted term counts of one paper. `surfaces` (optional) collects display forms for reasons. */
export function docTerms(doc: DocText, surfaces?: Map<string, string>): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string, surface: string, w: number) => {
    counts.set(key, (counts.get(key) ?? 0) + w);
    if (surfaces && !surfaces.has(key)) surfaces.set(key, surface);
  };
  eachDocTerm(doc, (w) => ({
    word: (key, surface) => add(key, surface, w),
    pair: (pk, key, ps, surface) => add(`${pk} ${key}`, `${ps} ${surface}`, w),
  }));
  return counts;
}
