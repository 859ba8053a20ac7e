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
    'recent recently significantly significant study studies'
  ).split(' '),
);

/** Fold case and accents: "Schrödinger" → "schrodinger". */
export function normalize(text: string): string {
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

const SEGMENT = /[^\p{L}\p{N}\s'-]+/u;
const WORD = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;

/** One term as written the first time it was seen (for reasons), and its stemmed key. */
export interface Term {
  key: string;
  surface: string;
}

function isContent(w: string): boolean {
  return w.length >= 2 && !STOPWORDS.has(w) && !/^\d+$/.test(w);
}

/**
 * Unigrams and bigrams of a piece of prose. Calls `emit(key, surface)` once per occurrence;
 * bigrams only join adjacent content words inside one punctuation-free segment.
 */
export function eachTerm(text: string, emit: (key: string, surface: string) => void): void {
  for (const segment of normalize(text).split(SEGMENT)) {
    let prev: string | null = null;
    let prevSurface = '';
    for (const m of segment.matchAll(WORD)) {
      const raw = m[0].replace(/'s$/, '');
      for (const part of raw.split('-')) {
        if (!isContent(part)) {
          prev = null;
          continue;
        }
        const key = stem(part);
        emit(key, part);
        if (prev !== null) emit(`${prev} ${key}`, `${prevSurface} ${part}`);
        prev = key;
        prevSurface = part;
      }
    }
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

/** Weighted term counts of one paper. `surfaces` (optional) collects display forms for reasons. */
export function docTerms(doc: DocText, surfaces?: Map<string, string>): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (w: number) => (key: string, surface: string) => {
    counts.set(key, (counts.get(key) ?? 0) + w);
    if (surfaces && !surfaces.has(key)) surfaces.set(key, surface);
  };
  eachTerm(doc.title, add(FIELD_WEIGHTS.title));
  if (doc.abstract) eachTerm(doc.abstract, add(FIELD_WEIGHTS.abstract));
  for (const k of doc.keywords) eachTerm(k, add(FIELD_WEIGHTS.keywords));
  for (const name of splitAuthors(doc.authorsText)) {
    const t = authorToken(name);
    if (t) add(FIELD_WEIGHTS.authors)(t, name);
  }
  return counts;
}
