import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArxivAtom } from './arxivAtom';
import { parseArxivRss } from './arxivRss';
import { parseHfPage } from './hfClient';

const FORMATS = resolve(__dirname, '..', '..', '..', '..', 'shared', 'formats');
const read = (f: string) => readFileSync(join(FORMATS, f), 'utf8');

describe('arXiv Atom parser on every recorded sample', () => {
  const atoms = readdirSync(FORMATS).filter((f) => f.endsWith('.atom.xml') && !f.includes('error'));

  it.each(atoms)('%s: every entry has an id, a title, authors, dates and categories', (file) => {
    const page = parseArxivAtom(read(file));
    const entries = (read(file).match(/<entry>/g) ?? []).length;
    expect(page.listings).toHaveLength(entries);
    for (const l of page.listings) {
      expect(l.arxivId).toMatch(/^(\d{4}\.\d{4,5}|[a-z-]+\/\d{7})$/);
      expect(l.version).toBeGreaterThanOrEqual(1);
      expect(l.title).not.toMatch(/\s{2}|\n/);
      expect(l.authors.length).toBeGreaterThan(0);
      expect(l.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(l.categories!.length).toBeGreaterThan(0);
      expect(l.primaryCategory).toBeTruthy();
      expect(l.authoritative).toBe(true);
      expect(page.pdfUrls.get(l.arxivId!)).toMatch(/\/pdf\//);
    }
  });

  it('reads the current shape field by field', () => {
    const page = parseArxivAtom(read('arxiv_query.atom.xml'));
    expect(page.totalResults).toBe(284134);
    expect(page.startIndex).toBe(0);
    const first = page.listings[0]!;
    expect(first).toMatchObject({
      arxivId: '2609.04199',
      version: 1,
      title: 'Compile by Training: Turning Natural-Language Specifications into Local Neural Functions',
      publishedAt: '2026-09-03T17:59:49.000Z',
      primaryCategory: 'cs.CL',
      comment: 'EMNLP 2026 System Demonstrations. Demo: https://programasweights.com',
    });
    expect(first.authors.map((a) => a.name)).toEqual(['Yuntian Deng', 'Pengyu Nie', 'Stuart Shieber']);
    expect(first.categories).toEqual(['cs.CL', 'cs.AI', 'cs.LG']);
    expect(page.pdfUrls.get('2609.04199')).toBe('https://arxiv.org/pdf/2609.04199v1');
  });

  it('reads the legacy shape (hard-wrapped text, per-element namespaces) and old-style ids', () => {
    const page = parseArxivAtom(read('arxiv_query_legacy_2025-08.atom.xml'));
    expect(page.totalResults).toBe(7370);
    const first = page.listings[0]!;
    expect(first.arxivId).toBe('astro-ph/9904306');
    expect(first.abstract).toMatch(/^It is assumed that, in the primordial plasma, at the temperatures above the mass/);
    expect(first.primaryCategory).toBe('astro-ph');
    expect(page.listings[1]!.title).toBe(
      'Proton-ring and Electron-linac Collider (PRELC) as a (first) TeV-rangeelectron-proton or photon-proton collider',
    );
  });

  it('finds the PDF and the DOI in the transitional shape whose links lack rel and title', () => {
    const page = parseArxivAtom(read('arxiv_query_2025-11-11_transitional.atom.xml'));
    expect(page.pdfUrls.get('nucl-ex/0408020')).toBe('https://arxiv.org/pdf/nucl-ex/0408020v1');
    const withDoi = page.listings.find((l) => l.arxivId === '1309.4668')!;
    expect(withDoi.doi).toBe('10.5170/CERN-2013-002.237');
    expect(withDoi.journalRef).toBe('CERN Yellow Report CERN-2013-002, pp.237-240');
    expect(withDoi.authors.some((a) => a.affiliation === 'Rutherford')).toBe(true);
  });

  it('reads empty result pages as zero listings', () => {
    for (const f of ['arxiv_query_empty.atom.xml', 'arxiv_query_empty_2025-11-11.atom.xml', 'arxiv_query_empty_legacy_2025-08.atom.xml']) {
      expect(parseArxivAtom(read(f)).listings).toEqual([]);
    }
  });

  it("turns the HTTP 400 error feed into arXiv's own message", () => {
    expect(() => parseArxivAtom(read('arxiv_query_error_400.atom.xml'))).toThrow('arXiv rejected the query: incorrect id format for abc');
  });

  it('rejects truncated XML and HTML as a whole instead of reading part of it', () => {
    const body = read('arxiv_query.atom.xml');
    expect(() => parseArxivAtom(body.slice(0, body.length / 2))).toThrow(/malformed XML/);
    expect(() => parseArxivAtom('<!doctype html><html><body><p>Service unavailable</p></body></html>')).toThrow();
  });
});

describe('arXiv RSS parser', () => {
  it('keeps the announce type, version, authors, categories and abstract of each item', () => {
    const listings = parseArxivRss(read('arxiv_rss.xml'));
    expect(listings).toHaveLength(3);
    const first = listings[0]!;
    expect(first).toMatchObject({
      arxivId: '2604.21935',
      version: 1,
      announceType: 'new',
      title: 'Math Takes Two: A test for emergent mathematical reasoning in communication',
      categories: ['cs.AI', 'cs.LG'],
      publishedAt: '2026-04-27T04:00:00.000Z',
    });
    expect(first.abstract).toMatch(/^Although language models demonstrate/);
    expect(first.authors.map((a) => a.name)).toEqual(['Michael Cooper', 'Samuel Cooper']);
  });

  it('reads a replacement without claiming its announcement day as the publication date', () => {
    const xml = read('arxiv_rss.xml').replace(/Announce Type: new/, 'Announce Type: replace').replace(
      '<arxiv:announce_type>new</arxiv:announce_type>',
      '<arxiv:announce_type>replace</arxiv:announce_type>',
    );
    const first = parseArxivRss(xml)[0]!;
    expect(first.announceType).toBe('replace');
    expect(first.publishedAt).toBeNull();
  });
});

describe('HF daily papers page', () => {
  it('reads the recorded sample and refuses HTML and truncated JSON', () => {
    const body = read('hf_daily_papers.json');
    expect(parseHfPage(body).listings).toHaveLength(3);
    expect(() => parseHfPage(body.slice(0, 5000))).toThrow(/Not valid JSON/);
    expect(() => parseHfPage('<html><body>Hugging Face is down</body></html>')).toThrow();
  });
});
