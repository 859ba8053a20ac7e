/**
 * XML helpers for arXiv's feeds: one parser configuration (namespace prefixes dropped so elements
 * are found by local name, repeated elements always arrays) and a strict well-formedness check so
 * that a truncated or malformed document is rejected as a whole, never half-read.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const ARRAYS = new Set(['entry', 'author', 'link', 'category', 'item', 'affiliation']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ARRAYS.has(name),
});

export type XmlNode = Record<string, unknown>;

/** Parse a whole document; throws a plain Error (retryable) when it is not well-formed XML. */
export function parseXml(body: string): XmlNode {
  const trimmed = body.trimStart();
  if (!trimmed.startsWith('<')) throw new Error('not XML');
  const valid = XMLValidator.validate(trimmed);
  if (valid !== true) throw new Error(`malformed XML: ${valid.err.msg} (line ${valid.err.line})`);
  return parser.parse(trimmed) as XmlNode;
}

/** The text of an element that may carry attributes (`{ '#text': …, '@_type': … }`). */
export function text(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'object') return text((v as XmlNode)['#text']);
  return null;
}

export function attr(v: unknown, name: string): string | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const a = (v as XmlNode)[`@_${name}`];
  return typeof a === 'string' ? a : null;
}

export function list(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** Collapse runs of whitespace (arXiv hard-wraps titles and abstracts). */
export function squash(s: string | null | undefined): string | null {
  const t = s ? s.replace(/\s+/g, ' ').trim() : '';
  return t || null;
}

export function isoDate(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
