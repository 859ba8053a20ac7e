/**
 * Fixture papers for export tests: the hard cases for BibTeX, biber and YAML — stacked Vietnamese
 * diacritics, Icelandic letters, `{ } % & _ ~ ^ \ #`, `$…$` math, single-name authors, 120 authors,
 * published papers, old-style arXiv ids, a DOI-only paper — and tags. CJK names are separate
 * (`CJK_PAPER`): classic BibTeX with pdfLaTeX cannot typeset them, UTF-8 exports must carry them.
 */
import type { WriteDb } from '../db/client';
import { upsertListings, type Listing } from '../library/listings';

const base = { version: 1, abstract: 'An abstract.', authoritative: true } as const;

const many = Array.from({ length: 120 }, (_, i) => ({
  name: i % 10 === 3 ? `Zoë Åkesson${i}` : i % 10 === 7 ? `Nguyễn Văn Thưởng${String.fromCharCode(65 + (i % 26))}` : `Author${i} Surname${String.fromCharCode(65 + (i % 26))}`,
}));

export const FIXTURE_PAPERS: Listing[] = [
  {
    ...base,
    arxivId: '2401.00001',
    title: 'Học sâu cho tiếng Việt: Đánh giá các Mô hình Ngôn ngữ Lớn',
    authors: [{ name: 'Nguyễn Thị Ngọc Hương' }, { name: 'Trần Đức Thắng' }, { name: 'Phạm Quỳnh Anh' }],
    publishedAt: '2024-01-02T10:00:00Z',
    primaryCategory: 'cs.CL',
    categories: ['cs.CL'],
  },
  {
    ...base,
    arxivId: '2603.16406',
    title: 'Who Benchmarks the Benchmarks? A Case Study of LLM Evaluation in Icelandic',
    authors: [{ name: 'Finnur Ágúst Ingimundarson' }, { name: 'Steinunn Rut Friðriksdóttir' }, { name: 'Steinþór Steingrímsson' }],
    publishedAt: '2026-03-17T00:00:00Z',
    primaryCategory: 'cs.CL',
    categories: ['cs.CL'],
  },
  {
    ...base,
    arxivId: '2402.00002',
    title: 'Braces {like} these, 100% & more: a_b ~ ^ \\ # in $O(n^2)$ Time with $\\alpha$-Divergence',
    authors: [{ name: 'José Ñúñez' }, { name: 'Zoë Brontë-Łukasiewicz' }],
    publishedAt: '2024-02-29T00:00:00Z',
    primaryCategory: 'stat.ML',
    categories: ['stat.ML'],
  },
  {
    ...base,
    arxivId: '2403.00003',
    title: 'Dialogues on Single-Name Authors',
    authors: [{ name: 'Plato' }, { name: 'Aristotle' }],
    publishedAt: '2024-03-01T00:00:00Z',
    primaryCategory: 'cs.AI',
    categories: ['cs.AI'],
  },
  {
    ...base,
    arxivId: '2404.00004',
    title: 'A Very Large Collaboration: Results from 120 Authors',
    authors: many,
    publishedAt: '2024-04-15T00:00:00Z',
    primaryCategory: 'hep-ex',
    categories: ['hep-ex'],
  },
  {
    ...base,
    arxivId: '1401.2910',
    title: 'Defining and Detecting Quantum Speedup',
    authors: [{ name: 'Troels F. Rønnow' }, { name: 'Ludwig van Beethoven' }, { name: 'Martin Luther King Jr.' }],
    publishedAt: '2014-01-13T00:00:00Z',
    primaryCategory: 'quant-ph',
    categories: ['quant-ph'],
    doi: '10.1126/science.1252319',
    journalRef: 'Science 345, 420 (2014)',
  },
  {
    ...base,
    arxivId: '2405.00005',
    title: 'Published Somewhere: A DOI without a Journal Reference',
    authors: [{ name: 'Ada Lovelace' }],
    publishedAt: '2024-05-05T00:00:00Z',
    primaryCategory: 'cs.LG',
    categories: ['cs.LG'],
    doi: '10.1000/xyz_123(45)',
  },
  {
    ...base,
    arxivId: 'hep-th/9901001',
    title: 'Müller’s Straße: Old-Style Identifiers — “Quotes” and Dashes',
    authors: [{ name: 'Jürgen Müller' }, { name: 'Søren Kierkegaard' }, { name: 'Œdipe Ørsted' }],
    publishedAt: '1999-01-04T00:00:00Z',
    primaryCategory: 'hep-th',
    categories: ['hep-th'],
  },
  {
    arxivId: null,
    version: null,
    doi: '10.5555/doi-only.2020',
    title: 'A Paper Known Only by its DOI',
    abstract: null,
    authors: [{ name: 'Grace Hopper' }],
    publishedAt: '2020-06-01',
    journalRef: 'Journal of Examples 12(3):45-67',
    authoritative: false,
  },
];

export const CJK_PAPER: Listing = {
  ...base,
  arxivId: '2406.00006',
  title: '大規模言語モデルの評価 (Evaluating LLMs)',
  authors: [{ name: '李小龙' }, { name: '山田 太郎' }, { name: '김민준' }],
  publishedAt: '2024-06-06T00:00:00Z',
  primaryCategory: 'cs.CL',
  categories: ['cs.CL'],
};

/** Insert papers; tag the first three with `ml/rl` and `to read`. Returns the paper ids in order. */
export function seedFixtures(db: WriteDb, listings: Listing[] = FIXTURE_PAPERS): number[] {
  const r = upsertListings(db, listings, { sourceKey: 'test' });
  const sqlite = db.$client;
  const tag = sqlite.prepare('INSERT INTO tags (name, path) VALUES (?, ?) ON CONFLICT DO NOTHING');
  tag.run('ml', 'ml');
  tag.run('rl', 'ml/rl');
  tag.run('to read', 'to read');
  const tagId = (path: string) => (sqlite.prepare('SELECT id FROM tags WHERE path = ?').get(path) as { id: number }).id;
  const link = sqlite.prepare('INSERT OR IGNORE INTO paper_tags (paper_id, tag_id) VALUES (?, ?)');
  for (const id of r.ids.slice(0, 3)) {
    link.run(id, tagId('ml/rl'));
    link.run(id, tagId('to read'));
  }
  return r.ids;
}
