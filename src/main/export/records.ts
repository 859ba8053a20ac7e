/**
 * What every export format reads: one flat record per paper, loaded with one prepared statement
 * (fast enough for 100,000 papers), for a scope: some ids, a tag (with its sub-tags) or everything.
 */
import { AppError } from '../../shared/errors';
import type { ExportScope } from '../../shared/ipc/contract';
import type { ReadDb } from '../db/client';
import { splitAuthors } from '../db/queries/papers';

export type { ExportScope };

export interface ExportRecord {
  id: number;
  citationKey: string;
  arxivId: string | null;
  version: number | null;
  doi: string | null;
  title: string;
  abstract: string | null;
  authors: string[];
  publishedAt: string | null;
  year: number | null;
  primaryCategory: string | null;
  journalRef: string | null;
  comment: string | null;
  tags: string[];
}

/** One row, as an array in `COLUMNS` order: arrays (from `json_array` or `.raw()`) cost far less than objects. */
type Row = [
  id: number,
  citationKey: string | null,
  arxivId: string | null,
  version: number | null,
  doi: string | null,
  title: string,
  authorsText: string,
  publishedAt: string | null,
  year: number | null,
  primaryCategory: string | null,
  journalRef: string | null,
  abstract: string | null,
  comment: string | null,
];

const COLUMNS = `p.id, p.citation_key, p.arxiv_id, p.latest_version, p.doi, p.title, p.authors_text,
         p.published_at, p.year, p.primary_category, p.journal_ref`;
const columnsFor = (abstracts: boolean) => `${COLUMNS}, ${abstracts ? 'p.abstract, p.comment' : 'NULL, NULL'}`;
const ORDER = 'ORDER BY p.citation_key COLLATE NOCASE, p.id';

function toRecord(r: Row, tags: Map<number, string[]>): ExportRecord {
  return {
    id: r[0],
    citationKey: r[1] ?? `paper${r[0]}`,
    arxivId: r[2],
    version: r[3],
    doi: r[4],
    title: r[5],
    abstract: r[11],
    authors: splitAuthors(r[6]),
    publishedAt: r[7],
    year: r[8],
    primaryCategory: r[9],
    journalRef: r[10],
    comment: r[12],
    tags: tags.get(r[0])?.sort() ?? [],
  };
}

/**
 * The rows matching `where`, ordered by citation key. Without abstracts (BibTeX) the rows come as
 * one JSON array built by SQLite (`json_group_array`): one string crossing into JS and one
 * `JSON.parse` is much cheaper than 100,000 row objects. With abstracts the text could outgrow
 * V8's longest string, so rows come one array each (`.raw()`).
 */
function selectRows(sqlite: ReadDb['$client'], abstracts: boolean, where: string, params: unknown[]): Row[] {
  if (abstracts) {
    return sqlite.prepare(`SELECT ${columnsFor(true)} FROM papers p WHERE ${where} ${ORDER}`).raw(true).all(...params) as Row[];
  }
  const { j } = sqlite
    .prepare(`SELECT json_group_array(json_array(${columnsFor(false)}) ${ORDER}) AS j FROM papers p WHERE ${where}`)
    .get(...params) as { j: string };
  return JSON.parse(j) as Row[];
}

/** The papers in `scope`, ordered by citation key. Unknown ids or tags are `not-found`. */
export function loadRecords(db: ReadDb, scope: ExportScope, opts: { abstracts?: boolean } = {}): ExportRecord[] {
  const sqlite = db.$client;
  const abstracts = opts.abstracts ?? true;
  let rows: Row[];
  if ('ids' in scope) {
    rows = selectRows(sqlite, abstracts, 'p.id IN (SELECT value FROM json_each(?))', [JSON.stringify(scope.ids)]);
    if (rows.length < new Set(scope.ids).size) {
      const found = new Set(rows.map((r) => r[0]));
      throw new AppError('not-found', `No paper with id ${scope.ids.find((i) => !found.has(i))}`);
    }
  } else if ('tag' in scope) {
    const tag = sqlite.prepare('SELECT path FROM tags WHERE path = ? COLLATE NOCASE').get(scope.tag) as
      | { path: string }
      | undefined;
    if (!tag) throw new AppError('not-found', `No tag named "${scope.tag}"`);
    rows = selectRows(
      sqlite,
      abstracts,
      `p.id IN (SELECT pt.paper_id FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id
           WHERE t.path = ? COLLATE NOCASE OR t.path LIKE ? ESCAPE '\\')`,
      [tag.path, tag.path.replace(/[\\%_]/g, (c) => '\\' + c) + '/%'],
    );
  } else {
    rows = selectRows(sqlite, abstracts, "p.state != 'dismissed'", []);
  }
  // Tags in one pass rather than a subquery per paper.
  const tags = new Map<number, string[]>();
  const tagRows = sqlite.prepare('SELECT pt.paper_id AS id, t.path FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id').all() as {
    id: number;
    path: string;
  }[];
  for (const t of tagRows) {
    const list = tags.get(t.id);
    if (list) list.push(t.path);
    else tags.set(t.id, [t.path]);
  }
  return rows.map((r) => toRecord(r, tags));
}

/** `https://arxiv.org/abs/<id>` (no version: the latest), else the DOI link. */
export function recordUrl(r: Pick<ExportRecord, 'arxivId' | 'doi'>): string | null {
  if (r.arxivId) return `https://arxiv.org/abs/${r.arxivId}`;
  if (r.doi) return `https://doi.org/${r.doi}`;
  return null;
}

/** Whether a DOI is arXiv's own (10.48550/arXiv.…) rather than a publisher's. */
export function isArxivDoi(doi: string): boolean {
  return /^10\.48550\/arxiv\./i.test(doi);
}

/** Published in a journal: a journal reference, or a DOI that is not arXiv's. */
export function isPublished(r: Pick<ExportRecord, 'journalRef' | 'doi'>): boolean {
  return !!r.journalRef || (!!r.doi && !isArxivDoi(r.doi));
}
