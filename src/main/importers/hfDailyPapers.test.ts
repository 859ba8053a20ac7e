import { describe, expect, it } from 'vitest';
import { checkHfDailyItem, HfDailyItem, parseHfDailyPapers } from './hfDailyPapers';

const good = {
  paper: {
    id: '2611.01234',
    title: 'A  Title',
    summary: 'Abstract',
    authors: [{ name: 'Ada Lovelace', hidden: false }, { name: 'Alan Turing' }],
    publishedAt: '2026-11-01T00:00:00.000Z',
    submittedOnDailyAt: '2026-11-02T12:00:00.000Z',
    upvotes: 3,
    githubRepo: null,
    ai_keywords: ['x', 'y'],
    organization: { name: 'org', fullname: 'Org Inc' },
    extra: { anything: true },
  },
  numComments: 1,
  organization: null,
};

/** Each variant breaks one field the schema checks. */
const bad: unknown[] = [
  null,
  [],
  'item',
  { paper: null },
  { ...good, paper: { ...good.paper, id: 1 } },
  { ...good, paper: { ...good.paper, title: 5 } },
  { ...good, paper: { ...good.paper, upvotes: '3' } },
  { ...good, paper: { ...good.paper, authors: [{ name: 1 }] } },
  { ...good, paper: { ...good.paper, authors: [{ name: 'A', hidden: 'no' }] } },
  { ...good, paper: { ...good.paper, authors: 'A' } },
  { ...good, paper: { ...good.paper, ai_keywords: [1] } },
  { ...good, paper: { ...good.paper, organization: 'org' } },
  { ...good, paper: { ...good.paper, organization: { fullname: 2 } } },
  { ...good, numComments: 'many' },
  { ...good, title: [] },
  { ...good, organization: { name: 3 } },
];

describe('HF daily item fast check', () => {
  it('accepts exactly what the zod schema accepts', () => {
    expect(checkHfDailyItem(good)).toBe(good);
    expect(HfDailyItem.safeParse(good).success).toBe(true);
    for (const b of bad) {
      expect(checkHfDailyItem(b), JSON.stringify(b)).toBeNull();
      expect(HfDailyItem.safeParse(b).success, JSON.stringify(b)).toBe(false);
    }
  });

  it('still reports unreadable items with their position and keeps the readable ones', () => {
    const r = parseHfDailyPapers([good, bad[6], { ...good, paper: { ...good.paper, id: '2611.05678' } }]);
    expect(r.listings.map((l) => l.arxivId)).toEqual(['2611.01234', '2611.05678']);
    expect(r.listings[0]).toMatchObject({ title: 'A Title', authors: [{ name: 'Ada Lovelace' }, { name: 'Alan Turing' }] });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^item 1: paper\.upvotes: /);
  });
});
