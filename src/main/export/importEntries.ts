/**
 * Importing parsed .bib / .ris entries: each merges with the paper it names (arXiv id, else DOI)
 * and only fills gaps there (non-authoritative listings: user data and citation keys untouched);
 * the rest become new papers, keeping the entry's own citation key when it is free.
 */
import type { ImportReport } from '../../shared/notesExport';
import { CITATION_KEY_RE } from '../../shared/notesExport';
import type { WriteDb } from '../db/client';
import type { ParseReport, ParsedEntry } from '../importers/bib';
import { upsertListings } from '../library/listings';

export interface ImportResult extends ImportReport {
  ids: number[];
}

function identity(e: ParsedEntry): string | null {
  if (e.listing.arxivId) return `arxiv:${e.listing.arxivId}`;
  if (e.listing.doi) return `doi:${e.listing.doi.toLowerCase()}`;
  return null;
}

export function importEntries(db: WriteDb, parsed: ParseReport, sourceKey: string): ImportResult {
  const sqlite = db.$client;
  const byDoi = sqlite.prepare('SELECT arxiv_id FROM papers WHERE doi = ? COLLATE NOCASE AND arxiv_id IS NOT NULL');
  // A DOI-only entry for a paper we know from arXiv merges with it.
  const entries: ParsedEntry[] = [];
  const seen = new Set<string>();
  for (const e of parsed.entries) {
    if (!e.listing.arxivId && e.listing.doi) {
      const hit = byDoi.get(e.listing.doi) as { arxiv_id: string } | undefined;
      if (hit) e.listing.arxivId = hit.arxiv_id;
    }
    const id = identity(e);
    if (id && seen.has(id)) continue;
    if (id) seen.add(id);
    entries.push(e);
  }
  const r = upsertListings(
    db,
    entries.map((e) => e.listing),
    { sourceKey },
  );
  // r.ids follows the order of first appearance, one id per entry (duplicates were folded above).
  const newIds = new Set(r.newIds);
  const keyTaken = sqlite.prepare('SELECT 1 FROM papers WHERE lower(citation_key) = lower(?)');
  const setKey = sqlite.prepare('UPDATE papers SET citation_key = ? WHERE id = ?');
  sqlite.transaction(() => {
    entries.forEach((e, i) => {
      const id = r.ids[i];
      if (id === undefined || !newIds.has(id) || !e.key || !CITATION_KEY_RE.test(e.key)) return;
      if (!keyTaken.get(e.key)) setKey.run(e.key, id);
    });
  })();
  return { imported: r.new, merged: r.ids.length - r.new, errors: parsed.errors, ids: r.ids };
}
