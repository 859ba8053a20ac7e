/**
 * Why a paper was recommended: the terms that contributed most to its score (as written in the
 * paper, bigrams preferred over the words inside them) and the authors it shares.
 */
import { authorToken, docTerms, splitAuthors, type DocText } from './tokenize';
import { hashTerm, type TfIdfIndex } from './vectors';

/** The value of feature `col` in row `r` (binary search over the sorted columns). */
export function valueAt(ix: TfIdfIndex, r: number, col: number): number {
  const c = ix.cols[r]!;
  let lo = 0;
  let hi = c.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = c[mid]!;
    if (x === col) return ix.vals[r]![mid]!;
    if (x < col) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** The `max` terms of `doc` (row `r`) with the largest positive contribution `weight(h) · x_h`. */
export function topTerms(ix: TfIdfIndex, r: number, doc: DocText, weight: (h: number) => number, max = 4): string[] {
  const surfaces = new Map<string, string>();
  const terms = docTerms(doc, surfaces);
  const scored: { key: string; c: number }[] = [];
  for (const key of terms.keys()) {
    if (key.startsWith('a:')) continue;
    const h = hashTerm(key);
    const c = weight(h) * valueAt(ix, r, h);
    if (c > 0) scored.push({ key, c });
  }
  scored.sort((a, b) => b.c - a.c);
  const picked: string[] = [];
  for (const { key } of scored) {
    if (picked.length >= max) break;
    const words = key.split(' ');
    // Never show a word next to a phrase that contains it: the phrase says more.
    if (words.length === 1 && picked.some((p) => p.split(' ').includes(key))) continue;
    if (words.length === 2) for (const w of words) if (picked.includes(w)) picked.splice(picked.indexOf(w), 1);
    picked.push(key);
  }
  return picked.map((k) => surfaces.get(k) ?? k);
}

export function authorTokens(authorsText: string): Set<string> {
  const s = new Set<string>();
  for (const n of splitAuthors(authorsText)) {
    const t = authorToken(n);
    if (t) s.add(t);
  }
  return s;
}

/** Names in `authorsText` whose surname token is in `tokens`. */
export function sharedAuthors(authorsText: string, tokens: Set<string>, max = 3): string[] {
  return splitAuthors(authorsText)
    .filter((n) => tokens.has(authorToken(n) ?? ''))
    .slice(0, max);
}

export function reasonText(terms: string[], authors: string[], nearest?: string | null): string {
  const parts: string[] = [];
  if (terms.length) parts.push(`${nearest === undefined ? 'shared' : 'about'}: ${terms.join(', ')}`);
  if (authors.length) parts.push(`${authors.length > 1 ? 'authors' : 'author'}: ${authors.join(', ')}`);
  if (nearest) parts.push(`like “${nearest.length > 60 ? nearest.slice(0, 57) + '…' : nearest}”`);
  return parts.join(' · ') || 'similar wording';
}
