/**
 * Citation keys are generated once, when a paper first arrives (library/listings.ts), and after
 * that change only here, when the researcher edits one. Keys are unique case-insensitively (as
 * Better BibTeX compares them): a file system or a style may not tell `Smith2020` from `smith2020`.
 */
import { AppError } from '../../../shared/errors';
import { CITATION_KEY_RE } from '../../../shared/notesExport';
import type { WriteDb } from '../client';

export function setCitationKey(db: WriteDb, paperId: number, key: string): { citationKey: string; changed: boolean } {
  const k = key.trim();
  if (!CITATION_KEY_RE.test(k)) {
    throw new AppError(
      'bad-input',
      `"${key}" is not a usable citation key: use letters, digits and _ : . - + / (no spaces), up to 100 characters.`,
    );
  }
  const sqlite = db.$client;
  const run = sqlite.transaction(() => {
    const cur = sqlite.prepare('SELECT citation_key FROM papers WHERE id = ?').get(paperId) as
      | { citation_key: string | null }
      | undefined;
    if (!cur) throw new AppError('not-found', `No paper with id ${paperId}`);
    if (cur.citation_key === k) return { citationKey: k, changed: false };
    const other = sqlite
      .prepare('SELECT id, title, citation_key FROM papers WHERE lower(citation_key) = lower(?) AND id != ?')
      .get(k, paperId) as { id: number; title: string; citation_key: string } | undefined;
    if (other) {
      throw new AppError('conflict', `The citation key "${other.citation_key}" is already used by "${other.title}".`);
    }
    sqlite
      .prepare(`UPDATE papers SET citation_key = ?, modified_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`)
      .run(k, paperId);
    return { citationKey: k, changed: true };
  });
  return run.immediate();
}
