/**
 * arXiv RSS listing feeds (rss.arxiv.org/rss/<cats>) → Listings with their announce type
 * (new, replace, cross, replace-cross). Formats: shared/formats/README.md §2.2.
 */
import { parseArxivId } from '../../shared/arxivId';
import type { Listing } from '../library/listings';
import { isoDate, list, parseXml, squash, text, type XmlNode } from './xml';

const DESCRIPTION = /^\s*arXiv:\S+\s+Announce Type:\s*([a-z-]+)\s*Abstract:\s*([\s\S]*)$/i;

function itemToListing(item: XmlNode): Listing | null {
  const guid = text(item.guid) ?? '';
  const parsed = parseArxivId(guid.replace(/^oai:arXiv\.org:/i, '')) ?? parseArxivId(text(item.link) ?? '');
  const title = squash(text(item.title));
  if (!parsed || !title) return null;
  const description = text(item.description) ?? '';
  const m = DESCRIPTION.exec(description);
  const announceType = (text(item.announce_type) ?? m?.[1] ?? null)?.toLowerCase() ?? null;
  const creators = text(item.creator) ?? '';
  const categories = list(item.category).map(text).filter((c): c is string => !!c);
  return {
    arxivId: parsed.id,
    version: parsed.version,
    doi: squash(text(item.DOI)),
    title,
    abstract: squash(m ? m[2] : description),
    authors: creators
      .split(/,\s*/)
      .map((n) => n.replace(/\s*\([^)]*\)\s*$/, '').trim())
      .filter(Boolean)
      .map((name) => ({ name })),
    // pubDate is the announcement day: the publication date only for new submissions.
    publishedAt: announceType === 'new' ? isoDate(text(item.pubDate)) : null,
    categories,
    primaryCategory: categories[0] ?? null,
    journalRef: squash(text(item.journal_reference)),
    authoritative: true,
    announceType,
  };
}

/** Parse an RSS 2.0 listing; throws a plain Error when the body is not an RSS document. */
export function parseArxivRss(body: string): Listing[] {
  const doc = parseXml(body);
  const channel = (doc.rss as XmlNode | undefined)?.channel as XmlNode | undefined;
  if (!channel || typeof channel !== 'object') throw new Error('not an RSS feed');
  return list(channel.item)
    .map((i) => itemToListing(i as XmlNode))
    .filter((l): l is Listing => l !== null);
}
