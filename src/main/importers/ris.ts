/**
 * RIS → Listings. A record runs from `TY  - ` to `ER  - `; records that break that shape or have
 * no title are reported with the line they start on, and the others still come through.
 */
import { findArxivId, findDoi } from '../../shared/arxivId';
import type { ParsedEntry, ParseReport } from './bib';

const TAG_LINE = /^([A-Z][A-Z0-9])  -(?: (.*))?$/;

function risDate(v: string | undefined): string | null {
  if (!v) return null;
  const m = /^(\d{4})(?:[/-](\d{1,2})?)?(?:[/-](\d{1,2})?)?/.exec(v.trim());
  if (!m) return null;
  return [m[1], m[2]?.padStart(2, '0'), m[2] && m[3] ? m[3].padStart(2, '0') : undefined].filter(Boolean).join('-');
}

function toEntry(tags: Map<string, string[]>, line: number): ParsedEntry | string {
  const one = (...keys: string[]) => keys.map((k) => tags.get(k)?.[0]?.trim()).find(Boolean);
  const title = one('TI', 'T1', 'CT', 'BT');
  if (!title) return 'record has no title (TI)';
  const authors = [...(tags.get('AU') ?? []), ...(tags.get('A1') ?? [])]
    .map((a) => a.trim())
    .filter(Boolean)
    .map((a) => {
      const [last, first] = a.split(/,\s*/, 2);
      return { name: first ? `${first} ${last}` : last! };
    });
  const url = one('UR', 'L2');
  const doiRaw = one('DO');
  let doi = doiRaw ? findDoi(doiRaw) : null;
  const arxiv = findArxivId([url, one('AN'), one('M3'), one('N1'), doi?.replace(/^10\.48550\/arxiv\./i, 'arXiv:')].filter(Boolean).join(' '));
  if (doi && /^10\.48550\/arxiv\./i.test(doi)) doi = null;
  const journal = one('JO', 'JF', 'T2', 'JA');
  const journalRef =
    journal && !/^arxiv/i.test(journal)
      ? [journal, one('VL'), one('IS') ? `(${one('IS')})` : undefined, [one('SP'), one('EP')].filter(Boolean).join('–')]
          .filter(Boolean)
          .join(' ')
      : null;
  return {
    key: one('ID') ?? null,
    line,
    listing: {
      arxivId: arxiv?.id ?? null,
      version: arxiv?.version ?? null,
      doi,
      title: title.replace(/\s+/g, ' '),
      abstract: one('AB', 'N2') ?? null,
      authors,
      publishedAt: risDate(one('DA', 'PY', 'Y1')),
      journalRef,
      authoritative: false,
    },
  };
}

export function parseRis(text: string): ParseReport {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const entries: ParsedEntry[] = [];
  const errors: ParseReport['errors'] = [];
  let tags: Map<string, string[]> | null = null;
  let start = 0;
  let lastTag = '';
  lines.forEach((raw, i) => {
    const l = raw.trimEnd();
    const m = TAG_LINE.exec(l) ?? TAG_LINE.exec(l + ' ');
    if (!m) {
      if (!l.trim()) return;
      if (tags && lastTag) {
        // A continuation line of the previous value.
        const list = tags.get(lastTag)!;
        list[list.length - 1] += ' ' + l.trim();
      } else {
        errors.push({ line: i + 1, message: `Not an RIS line: "${l.slice(0, 60)}"` });
      }
      return;
    }
    const [, tag, value = ''] = m;
    if (tag === 'TY') {
      if (tags) errors.push({ line: start, message: 'record has no end (ER) before the next TY' });
      tags = new Map();
      start = i + 1;
      lastTag = '';
      return;
    }
    if (!tags) {
      errors.push({ line: i + 1, message: `${tag} outside a record (records start with TY)` });
      return;
    }
    if (tag === 'ER') {
      const e = toEntry(tags, start);
      if (typeof e === 'string') errors.push({ line: start, message: e });
      else entries.push(e);
      tags = null;
      return;
    }
    tags.set(tag!, [...(tags.get(tag!) ?? []), value]);
    lastTag = tag!;
  });
  if (tags) errors.push({ line: start, message: 'record has no end (ER)' });
  return { entries, errors };
}
