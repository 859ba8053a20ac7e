import { describe, expect, it } from 'vitest';
import { openMemoryLibrary } from '../db/client';
import { upsertListings, type Listing } from './listings';

const listing = (arxivId: string, title: string): Listing => ({
  arxivId,
  version: 1,
  title,
  abstract: null,
  authors: [{ name: 'Wei Wang' }],
  publishedAt: '2026-11-01T00:00:00.000Z',
  authoritative: true,
});

describe('citation keys', () => {
  it('stay unique within a batch, across batches, and beside longer keys sharing the prefix', () => {
    const lib = openMemoryLibrary();
    upsertListings(lib.db, [listing('2611.00001', 'Learning to rank'), listing('2611.00002', 'Learning rate schedules')], { sourceKey: 't' });
    lib.sqlite.prepare(`UPDATE papers SET citation_key = 'wang2026learningrate' WHERE arxiv_id = '2611.00002'`).run();
    upsertListings(lib.db, [listing('2611.00003', 'Learning again'), listing('2611.00004', 'Learning more')], { sourceKey: 't' });
    const keys = lib.sqlite.prepare('SELECT citation_key FROM papers ORDER BY arxiv_id').pluck().all();
    expect(keys).toEqual(['wang2026learning', 'wang2026learningrate', 'wang2026learninga', 'wang2026learningb']);
    lib.close();
  });
});
