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
  // Picked phrases as word lists (keys) with their surfaces; overlapping bigrams merge into one
  // longer phrase ("test time" + "time compute" → "test time compute").
  const picked: { keys: string[]; words: string[] }[] = [];
  const has = (k: string) => picked.findIndex((p) => p.keys.length === 1 && p.keys[0] === k);
  for (const { key } of scored) {
    if (picked.length >= max) break;
    const keys = key.split(' ');
    const words = (surfaces.get(key) ?? key).split(' ');
    if (keys.length === 1) {
      if (!picked.some((p) => p.keys.includes(key))) picked.push({ keys, words });
      continue;
    }
    for (const k of keys) if (has(k) >= 0) picked.splice(has(k), 1);
    const before = picked.find((p) => p.keys.length > 1 && p.keys[p.keys.length - 1] === keys[0]);
    const after = picked.find((p) => p.keys.length > 1 && p.keys[0] === keys[1]);
    if (before && before.keys.length < 4) {
      before.keys.push(keys[1]!);
      before.words.push(words[1]!);
    } else if (after && after.keys.length < 4) {
      after.keys.unshift(keys[0]!);
      after.words.unshift(words[0]!);
    } else picked.push({ keys, words });
  }
  return picked.map((p) => p.words.join(' '));
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
