/**
 * Realistic source data for tests and benchmarks: HF daily-paper items cloned from the recorded
 * sample (shared/formats/hf_daily_papers.json) and arXiv Atom / RSS documents in the current
 * wire shapes (same element names, order and namespaces as the recorded samples).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const FORMATS_DIR = resolve(import.meta.dirname, '..', '..', '..', '..', '..', 'shared', 'formats');
export const readSample = (file: string) => readFileSync(resolve(FORMATS_DIR, file), 'utf8');

type Json = Record<string, unknown>;
let template: Json | null = null;

/** A synthetic new-style arXiv id, unique per `n` (0 ≤ n < 89,999). */
export const fakeArxivId = (n: number, yymm = '2611') => `${yymm}.${String(10_000 + n).padStart(5, '0')}`;

export interface HfItemSpec {
  id: string;
  title: string;
  day: string;
  upvotes?: number;
  authors?: string[];
  organization?: string;
  summary?: string;
}

/** One `/api/daily_papers` item: the first recorded item with its identity replaced. */
export function hfItem(s: HfItemSpec): Json {
  template ??= (JSON.parse(readSample('hf_daily_papers.json')) as Json[])[0]!;
  const item = structuredClone(template) as Json & { paper: Json };
  const paper = item.paper;
  const authors = (s.authors ?? ['Ada Lovelace', 'Alan Turing']).map((name, i) => ({ _id: `a${i}${s.id}`, name, hidden: false }));
  const summary = s.summary ?? `We study ${s.title.toLowerCase()} and report results.`;
  Object.assign(paper, {
    id: s.id,
    title: s.title,
    summary,
    authors,
    upvotes: s.upvotes ?? 0,
    publishedAt: `${s.day}T00:00:00.000Z`,
    submittedOnDailyAt: `${s.day}T13:00:00.000Z`,
  });
  if (s.organization) paper.organization = { _id: 'org', name: s.organization.toLowerCase(), fullname: s.organization };
  Object.assign(item, { title: s.title, summary, publishedAt: `${s.day}T00:00:00.000Z` });
  return item;
}

/** `perDay` items for each day, ids unique across days, upvotes decreasing within a day. */
export function hfDays(days: string[], perDay: number, start = 0): Map<string, Json[]> {
  const out = new Map<string, Json[]>();
  days.forEach((day, d) => {
    out.set(
      day,
      Array.from({ length: perDay }, (_, i) => {
        const n = start + d * perDay + i;
        return hfItem({ id: fakeArxivId(n), title: `Paper ${n} on ${day}`, day, upvotes: perDay - i });
      }),
    );
  });
  return out;
}

export interface AtomEntrySpec {
  id: string;
  version: number;
  title: string;
  summary: string;
  authors: string[];
  published: string;
  updated?: string;
  categories: string[];
  comment?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function atomEntry(e: AtomEntrySpec): string {
  const v = `${e.id}v${e.version}`;
  return `  <entry>
    <id>http://arxiv.org/abs/${v}</id>
    <title>${esc(e.title)}</title>
    <updated>${e.updated ?? e.published}</updated>
    <link href="https://arxiv.org/abs/${v}" rel="alternate" type="text/html"/>
    <link href="https://arxiv.org/pdf/${v}" rel="related" type="application/pdf" title="pdf"/>
    <summary>${esc(e.summary)}</summary>
${e.categories.map((c) => `    <category term="${c}" scheme="http://arxiv.org/schemas/atom"/>`).join('\n')}
    <published>${e.published}</published>
${e.comment ? `    <arxiv:comment>${esc(e.comment)}</arxiv:comment>\n` : ''}    <arxiv:primary_category term="${e.categories[0]}"/>
${e.authors.map((a) => `    <author>\n      <name>${esc(a)}</name>\n    </author>`).join('\n')}
  </entry>`;
}

export function atomFeed(entries: AtomEntrySpec[], o: { query: string; start: number; total: number }): string {
  return `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
  <id>https://arxiv.org/api/fixture</id>
  <title>arXiv Query: search_query=${esc(o.query)}&amp;id_list=&amp;start=${o.start}&amp;max_results=${entries.length}</title>
  <updated>2026-11-27T07:53:53Z</updated>
  <link href="https://arxiv.org/api/query?search_query=${esc(encodeURIComponent(o.query))}&amp;start=${o.start}" type="application/atom+xml"/>
  <opensearch:itemsPerPage>${entries.length}</opensearch:itemsPerPage>
  <opensearch:totalResults>${o.total}</opensearch:totalResults>
  <opensearch:startIndex>${o.start}</opensearch:startIndex>
${entries.map(atomEntry).join('\n')}
</feed>
`;
}

/** `n` arXiv entries in one category, newest first. */
export function atomEntries(n: number, start = 50_000, category = 'cs.LG'): AtomEntrySpec[] {
  return Array.from({ length: n }, (_, i) => ({
    id: fakeArxivId(start + i),
    version: 1 + (i % 3),
    title: `arXiv paper ${start + i}: a study`,
    summary: `Abstract of paper ${start + i}.`,
    authors: ['Grace Hopper', `Author ${i}`],
    published: '2026-11-20T17:59:49Z',
    updated: '2026-11-25T10:00:00Z',
    categories: [category, 'cs.AI'],
  }));
}

export interface RssItemSpec {
  id: string;
  version: number;
  title: string;
  abstract: string;
  authors: string[];
  categories: string[];
  announceType: 'new' | 'replace' | 'cross' | 'replace-cross';
}

export function rssFeed(cats: string, items: RssItemSpec[]): string {
  const item = (it: RssItemSpec) => `    <item>
      <title>${esc(it.title)}</title>
      <link>https://arxiv.org/abs/${it.id}</link>
      <description>arXiv:${it.id}v${it.version} Announce Type: ${it.announceType} 
Abstract: ${esc(it.abstract)}</description>
      <guid isPermaLink="false">oai:arXiv.org:${it.id}v${it.version}</guid>
${it.categories.map((c) => `      <category>${c}</category>`).join('\n')}
      <pubDate>Thu, 27 Nov 2026 00:00:00 -0500</pubDate>
      <arxiv:announce_type>${it.announceType}</arxiv:announce_type>
      <dc:rights>http://creativecommons.org/licenses/by/4.0/</dc:rights>
      <dc:creator>${esc(it.authors.join(', '))}</dc:creator>
    </item>`;
  return `<rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">
  <channel>
    <title>${esc(cats)} updates on arXiv.org</title>
    <link>http://rss.arxiv.org/rss/${esc(cats)}</link>
    <description>${esc(cats)} updates on the arXiv.org e-print archive.</description>
    <atom:link href="http://rss.arxiv.org/rss/${esc(cats)}" rel="self" type="application/rss+xml" />
    <language>en-us</language>
    <pubDate>Thu, 27 Nov 2026 00:00:00 -0500</pubDate>
${items.map(item).join('\n')}
  </channel>
</rss>`;
}
