/**
 * 10,000 random search strings — operators, quotes, parentheses, prefixes, field names, control
 * characters, emoji, huge words — through the same call the search box makes. None errors.
 */
import { describe, expect, it } from 'vitest';
import { openMemoryLibrary } from '../db/client';
import { listPapers } from '../db/queries/paperList';
import { PaperQuerySchema } from '../../shared/ipc/contract';
import { upsertListings } from '../library/listings';
import { prng as rng } from '../../shared/prng';

const PIECES = [
  'diffusion', 'transformer', 'NEAR', 'AND', 'OR', 'NOT', '*', '-', '"', "'", '(', ')', '^', ':', 'title:', 'author:', 'tag:',
  'year:', 'year:2024', 'year:20-', 'abstract:', '{', '}', '[', ']', '\\', '/', '+', '~', '%', '_', '&', '|', ';', '--', '\u0000',
  '\t', '\n', 'é', 'Nguyễn', '深度学习', '🦊', 'NEAR(a b, 3)', '"unbalanced', 'x*', '*x', 'a'.repeat(300), 'ml/rl', '.', ',', '',
];


describe('search input', () => {
  it('10,000 random strings produce results or none, never an error', () => {
    const lib = openMemoryLibrary();
    upsertListings(
      lib.db,
      Array.from({ length: 60 }, (_, i) => ({
        arxivId: `2611.${String(30_000 + i)}`,
        version: 1,
        title: `${i % 2 ? 'Diffusion' : 'Transformer'} models for ${['vision', 'speech', 'robots'][i % 3]} ${i}`,
        abstract: 'We study NEAR-optimal "quoted" (parenthesised) methods — naïve baselines.',
        authors: [{ name: i % 2 ? 'Nguyễn Văn A' : 'Ada Lovelace' }],
        publishedAt: `202${i % 5}-01-01`,
        authoritative: true,
      })),
      { sourceKey: 'fuzz' },
    );
    const next = rng(2026);
    let withResults = 0;
    for (let i = 0; i < 10_000; i++) {
      const n = 1 + Math.floor(next() * 6);
      const search = Array.from({ length: n }, () => {
        const p = PIECES[Math.floor(next() * PIECES.length)]!;
        return next() < 0.2 ? p + String.fromCharCode(Math.floor(next() * 0xffff)) : p;
      }).join(next() < 0.7 ? ' ' : '');
      const q = PaperQuerySchema.safeParse({ search, sort: next() < 0.5 ? 'relevance' : 'published', limit: 20 });
      if (!q.success) continue; // over the schema's length limit: refused at the gate, never reaches SQL
      let page;
      try {
        page = listPapers(lib.db, q.data);
      } catch (e) {
        throw new Error(`search ${JSON.stringify(search)} failed: ${(e as Error).message}`);
      }
      expect(page.total).toBeGreaterThanOrEqual(0);
      if (page.total > 0) withResults++;
    }
    expect(withResults).toBeGreaterThan(100);
    lib.close();
  });
});
