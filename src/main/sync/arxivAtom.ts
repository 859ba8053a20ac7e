/**
 * arXiv query API (Atom) → Listings. Elements are found by name, never by position, so the
 * current (2026), legacy (≤ 2025-08) and transitional (2025-11-11, links without rel/title)
 * shapes all read the same. Formats: shared/formats/README.md §2.1.
 */
import { parseArxivId } from '../../shared/arxivId';
import { AppError } from '../../shared/errors';
import type { Listing } from '../library/listings';
import { attr, isoDate, list, parseXml, squash, text, type XmlNode } from './xml';

export interface AtomPage {
  listings: Listing[];
  /** PDF URL per arXiv id (for the download queue). */
  pdfUrls: Map<string, string>;
  /** Entries in the feed, readable or not (paging advances by this). */
  entries: number;
  totalResults: number | null;
  startIndex: number | null;
}

/** The PDF link by title=pdf, type=application/pdf, or `/pdf/` in the href. */
export function pdfLink(links: unknown[]): string | null {
  for (const l of links) {
    const href = attr(l, 'href');
    if (!href) continue;
    if (attr(l, 'title') === 'pdf' || attr(l, 'type') === 'application/pdf' || /\/pdf\//.test(href)) return href;
  }
  return null;
}

function intOrNull(v: unknown): number | null {
  const s = text(v);
  return s !== null && /^\d+$/.test(s.trim()) ? Number(s) : null;
}

function entryToListing(e: XmlNode): { listing: Listing; pdf: string | null } | null {
  const idText = text(e.id);
  const parsed = idText ? parseArxivId(idText) : null;
  const title = squash(text(e.title));
  if (!parsed || !title) return null;
  const authors = list(e.author).map((a) => {
    const node = a as XmlNode;
    const aff = list(node.affiliation).map(text).filter(Boolean).join('; ');
    return { name: squash(text(node.name)) ?? '', affiliation: aff || null };
  });
  const categories = list(e.category)
    .map((c) => attr(c, 'term'))
    .filter((c): c is string => !!c);
  const primary = attr(e.primary_category, 'term');
  return {
    listing: {
      arxivId: parsed.id,
      version: parsed.version,
      doi: squash(text(e.doi)),
      title,
      abstract: squash(text(e.summary)),
      authors: authors.filter((a) => a.name),
      publishedAt: isoDate(text(e.published)),
      updatedAt: isoDate(text(e.updated)),
      categories: primary && !categories.includes(primary) ? [primary, ...categories] : categories,
      primaryCategory: primary ?? categories[0] ?? null,
      journalRef: squash(text(e.journal_ref)),
      comment: squash(text(e.comment)),
      authoritative: true,
    },
    pdf: pdfLink(list(e.link)),
  };
}

/**
 * Parse one page of the query API. An error feed (HTTP 400, or 200 with an `api/errors` entry)
 * becomes a `bad-input` AppError with arXiv's own words; a body that is not an Atom feed throws a
 * plain Error (the fetch layer retries those).
 */
export function parseArxivAtom(body: string): AtomPage {
  const doc = parseXml(body);
  const feed = doc.feed as XmlNode | undefined;
  if (!feed || typeof feed !== 'object') throw new Error('not an Atom feed');
  const entries = list(feed.entry) as XmlNode[];
  const error = entries.find((e) => /\/api\/errors/.test(text(e.id) ?? ''));
  if (error) {
    throw new AppError('bad-input', `arXiv rejected the query: ${squash(text(error.summary)) ?? 'unknown error'}`);
  }
  const listings: Listing[] = [];
  const pdfUrls = new Map<string, string>();
  for (const e of entries) {
    const r = entryToListing(e);
    if (!r) continue;
    listings.push(r.listing);
    if (r.pdf && r.listing.arxivId) pdfUrls.set(r.listing.arxivId, r.pdf);
  }
  return { listings, pdfUrls, entries: entries.length, totalResults: intOrNull(feed.totalResults), startIndex: intOrNull(feed.startIndex) };
}
