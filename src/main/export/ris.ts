/**
 * RIS: `TAG  - value` lines, one record per paper ending in `ER  - `. Preprints are `UNPB`
 * (unpublished work), published papers `JOUR`. Authors one `AU` line each, `Last, First`.
 */
import { cslName } from './csl';
import { isPublished, recordUrl, type ExportRecord } from './records';

const line = (tag: string, value: string) => `${tag}  - ${value.replace(/\s+/g, ' ').trim()}`;

export function risRecord(r: ExportRecord): string {
  const out: string[] = [line('TY', isPublished(r) ? 'JOUR' : 'UNPB')];
  out.push(line('ID', r.citationKey));
  out.push(line('TI', r.title));
  for (const a of r.authors) {
    const n = cslName(a);
    out.push(line('AU', n.literal ?? (n.given ? `${n.family}, ${n.given}` : n.family!)));
  }
  const d = r.publishedAt ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(r.publishedAt) : null;
  const year = d?.[1] ?? (r.year ? String(r.year) : null);
  if (year) out.push(line('PY', year));
  if (d) out.push(line('DA', `${d[1]}/${d[2] ?? ''}/${d[3] ?? ''}/`));
  if (r.journalRef) out.push(line('JO', r.journalRef));
  if (r.abstract) out.push(line('AB', r.abstract));
  if (r.doi) out.push(line('DO', r.doi));
  const url = recordUrl(r);
  if (url) out.push(line('UR', url));
  if (r.arxivId) {
    out.push(line('PB', 'arXiv'));
    out.push(line('AN', `arXiv:${r.arxivId}`));
  }
  for (const t of r.tags) out.push(line('KW', t));
  out.push('ER  - ');
  return out.join('\n') + '\n';
}

export function renderRis(records: ExportRecord[]): string {
  return records.map(risRecord).join('\n');
}
