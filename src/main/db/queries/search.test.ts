import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MARK_END, MARK_START } from '../../../shared/library';
import { openMemoryLibrary, type Library } from '../client';
import { listPapers } from './paperList';
import { searchPapers } from './search';
import { parseSearch } from './searchQuery';
import { addTags } from './tags';
import { addNote, addPdfText, seedPapers } from './testSeed';

let lib: Library;
let ids: number[];

const q = (search: string, extra: Record<string, unknown> = {}) =>
  listPapers(lib.db, { view: 'all', sort: 'relevance', dir: 'desc', offset: 0, limit: 50, tagMode: 'any', search, ...extra }, { matches: true });
const titles = (search: string) => q(search).rows.map((r) => r.title);

beforeEach(() => {
  lib = openMemoryLibrary();
  ids = seedPapers(lib.db, [
    {
      arxivId: '2401.00001',
      title: 'Diffusion models for protein design',
      abstract: 'We study generative models.\n\nProteins are folded by a transformer.',
      authors: ['Yann LeCun', 'Ada Lovelace'],
      publishedAt: '2024-01-10T00:00:00Z',
    },
    {
      arxivId: '2301.00002',
      title: 'Scaling laws for language models',
      abstract: 'Transformers with diffusion-free training. Language modelling at scale.',
      authors: ['Grace Hopper'],
      publishedAt: '2023-03-10T00:00:00Z',
    },
    {
      arxivId: '2101.00003',
      title: 'Reinforcement learning from human feedback',
      abstract: 'Reward models trained on preferences.',
      authors: ['Alan Turing', 'Grace Hopper'],
      publishedAt: '2021-07-01T00:00:00Z',
    },
    {
      arxivId: '2201.00004',
      title: 'A survey of graph networks',
      abstract: 'Message passing everywhere.',
      authors: ['Edsger Dijkstra'],
      publishedAt: '2022-02-01T00:00:00Z',
    },
  ]);
});
afterEach(() => lib.close());

describe('search ranking', () => {
  it('ranks a title hit above an abstract hit', () => {
    expect(titles('diffusion')).toEqual(['Diffusion models for protein design', 'Scaling laws for language models']);
  });

  it('matches author names and ranks authors above abstract text', () => {
    seedPapers(lib.db, [
      { arxivId: '2405.00010', title: 'Notes on early computing', abstract: 'A tribute to the work of Hopper on compilers.' },
      ...Array.from({ length: 8 }, (_, i) => ({ arxivId: `2405.0002${i}`, title: `Filler paper ${i}`, abstract: 'Nothing here.' })),
    ]);
    const t = titles('hopper');
    expect(t).toHaveLength(3);
    expect(t[2]).toBe('Notes on early computing');
  });

  it('stems words (porter): "model" finds "models" and "modelling"', () => {
    expect(titles('model')).toHaveLength(3);
  });

  it('matches the last word as a prefix while typing, but not after a space', () => {
    expect(titles('reinforce')).toEqual(['Reinforcement learning from human feedback']);
    expect(titles('reinf')).toEqual(['Reinforcement learning from human feedback']);
    expect(titles('reinf ')).toEqual([]);
  });

  it('quoted phrases match words in order', () => {
    expect(titles('"language models"')).toEqual(['Scaling laws for language models']);
    expect(titles('"models language"')).toEqual([]);
  });

  it('-word excludes', () => {
    expect(titles('models -protein')).toEqual(['Scaling laws for language models', 'Reinforcement learning from human feedback']);
  });
});

describe('field prefixes', () => {
  it('author: searches only authors', () => {
    expect(titles('author:turing')).toEqual(['Reinforcement learning from human feedback']);
    expect(titles('author:"grace hopper"')).toHaveLength(2);
    expect(titles('author:diffusion')).toEqual([]);
  });

  it('title: searches only titles', () => {
    expect(titles('title:transformer')).toEqual([]);
    expect(titles('title:survey')).toEqual(['A survey of graph networks']);
  });

  it('year: takes a year or a range', () => {
    expect(titles('year:2024')).toEqual(['Diffusion models for protein design']);
    expect(titles('year:2021-2022').sort()).toEqual(['A survey of graph networks', 'Reinforcement learning from human feedback']);
    expect(titles('models year:2023')).toEqual(['Scaling laws for language models']);
  });

  it('tag: includes child tags', () => {
    addTags(lib.db, [ids[0]!], ['ml/bio']);
    addTags(lib.db, [ids[1]!], ['ml']);
    addTags(lib.db, [ids[2]!], ['mlops']);
    expect(titles('tag:ml').sort()).toEqual(['Diffusion models for protein design', 'Scaling laws for language models']);
    expect(titles('tag:ml/bio')).toEqual(['Diffusion models for protein design']);
    expect(titles('tag:nothing')).toEqual([]);
    expect(titles('models -tag:ml')).toEqual(['Reinforcement learning from human feedback']);
  });
});

describe('snippets and where it matched', () => {
  it('highlights the match in the abstract', () => {
    const [r] = q('preferences').rows;
    expect(r!.match!.where).toBe('abstract');
    expect(r!.match!.snippet).toContain(`${MARK_START}preferences${MARK_END}`);
  });

  it('says when the match is in a note', () => {
    addNote(lib.db, ids[3]!, 'Remember: compare with zebrafish results');
    const [r] = q('zebrafish').rows;
    expect(r!.title).toBe('A survey of graph networks');
    expect(r!.match!.where).toBe('note');
  });

  it('finds the PDF page of a full-text match', () => {
    addPdfText(lib.db, ids[3]!, ['Introduction to graphs.', 'Related work.', 'We use the quokka dataset here.']);
    const [r] = q('quokka').rows;
    expect(r!.match).toMatchObject({ where: 'pdf', page: 3 });
    const cli = searchPapers(lib.db, 'quokka');
    expect(cli.items[0]).toMatchObject({ arxivId: '2201.00004', where: 'PDF page 3' });
    expect(cli.items[0]!.score).toBeGreaterThan(0);
  });
});

describe('any input is safe', () => {
  const nasty = [
    '"', '""', '"unbalanced', '(', ')', '((a)', 'a)', '*', '**', 'a*', '*a', '-', '--', '-a', 'NEAR', 'NEAR(a b)',
    'a NEAR b', 'AND', 'OR', 'NOT', 'a OR b', 'NOT a', 'a AND', '^', '^a', 'title:', 'author:', 'tag:', 'year:',
    'year:abc', 'year:2020-', ':', 'foo:bar', '{title}: x', 'title:(x', "'", '\\', '\u0000', '💥', 'ä̈', '+a', '.',
    'col:"x', '-"', '"-"', 'a"b"c', ' * ', '"a" * "b"', 'NEAR/3', 'a:b:c', 'rank:1', 'rowid:1',
  ];
  it.each(nasty)('%j never errors', (s) => {
    expect(() => q(s)).not.toThrow();
    expect(() => searchPapers(lib.db, s)).not.toThrow();
  });

  it('thousands of random strings never error', () => {
    const alphabet = ['a', 'b', 'model', ' ', ' ', '"', '*', '-', '(', ')', ':', '^', '{', '}', 'NEAR', 'AND', 'OR', 'NOT',
      'title:', 'author:', 'tag:', 'year:', '2021', '-', '\'', '/', '\\', '+', ',', '.', 'é', '😀', '\t', '\u0301', '%', '_'];
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 3000; i++) {
      let s = '';
      const len = 1 + rand(12);
      for (let j = 0; j < len; j++) s += alphabet[rand(alphabet.length)];
      if (rand(4) === 0) s += String.fromCharCode(rand(0x3000));
      expect(() => q(s), JSON.stringify(s)).not.toThrow();
    }
  });

  it('operators typed by the user are searched as words', () => {
    seedPapers(lib.db, [{ arxivId: '2402.00005', title: 'Near-field optics and not much else' }]);
    expect(titles('NEAR')).toEqual(['Near-field optics and not much else']);
    expect(titles('not')).toEqual(['Near-field optics and not much else']);
    expect(parseSearch('a OR b').match).toBe('"a" AND "OR" AND "b"');
    expect(parseSearch('NEAR(x').match).toBe('"NEAR x"');
  });

  it('text with nothing searchable returns nothing rather than everything', () => {
    expect(q('"""').total).toBe(0);
    expect(q('   ').total).toBe(4);
  });
});
