/**
 * Paper queries: the library list, the detail pane, triage writes.
 */
import type { PaperDetail, PaperRow, PaperState, PdfState, TagRef } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { ReadDb, WriteDb } from '../client';

/** The list query lives in paperList.ts (#4). */
export { listPapers, type PaperQueryParsed } from './paperList';

/**
 * The list row columns. List statements run in raw mode (arrays: no object per row) and
 * `paperRows` reads them by position (`RowTuple`); a row's tags come as ids, resolved for the
 * whole page at once, instead of a JSON object built per tag per row.
 */
export const ROW_SELECT_COLUMNS = `p.id, p.arxiv_id, p.latest_version, p.title, p.authors_text, p.published_at, p.hf_upvotes,
         p.state, p.starred, p.added_at, f.state AS pdf_state,
         (SELECT group_concat(pt.tag_id) FROM paper_tags pt WHERE pt.paper_id = p.id) AS tag_ids`;

export const ROW_SELECT = `SELECT ${ROW_SELECT_COLUMNS} FROM papers p LEFT JOIN pdfs f ON f.paper_id = p.id`;

/** A row of ROW_SELECT_COLUMNS in raw mode; queries may add columns after these. */
export type RowTuple = [
  id: number,
  arxivId: string | null,
  version: number | null,
  title: string,
  authors: string,
  publishedAt: string | null,
  upvotes: number | null,
  state: PaperState,
  starred: number,
  addedAt: string,
  pdfState: PdfState | null,
  tagIds: string | null,
  ...extra: unknown[],
];

/** Index of the first column a query adds after ROW_SELECT_COLUMNS. */
export const ROW_EXTRA = 12;

export function splitAuthors(text: string): string[] {
  return text ? text.split(', ') : [];
}

/** The tags of a page of rows, by id, in path order (one query for the page). */
function pageTags(db: ReadDb, rows: RowTuple[]): Map<number, TagRef & { order: number }> {
  const ids = new Set<number>();
  for (const r of rows) if (r[11]) for (const id of r[11].split(',')) ids.add(Number(id));
  if (!ids.size) return new Map();
  const tags = db.$client
    .prepare('SELECT id, path, color FROM tags WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...ids])) as TagRef[];
  tags.sort((a, b) => a.path.localeCompare(b.path));
  return new Map(tags.map((t, order) => [t.id, { ...t, order }]));
}

/** List rows from raw ROW_SELECT_COLUMNS tuples. */
export function paperRows(db: ReadDb, rows: RowTuple[]): PaperRow[] {
  const tags = pageTags(db, rows);
  return rows.map((r) => ({
    id: r[0],
    arxivId: r[1],
    version: r[2],
    title: r[3],
    authors: splitAuthors(r[4]),
    publishedAt: r[5],
    upvotes: r[6],
    state: r[7],
    starred: r[8] === 1,
    tags: r[11]
      ? r[11]
          .split(',')
          .map((id) => tags.get(Number(id)))
          .filter((t) => t !== undefined)
          .sort((a, b) => a.order - b.order)
          .map(({ id, path, color }) => ({ id, path, color }))
      : [],
    pdfState: r[10] ?? 'none',
    addedAt: r[9],
  }));
}

export function getPaper(db: ReadDb, id: number, urls: { arxiv: string; hf: string }): PaperDetail {
  const sqlite = db.$client;
  const row = sqlite.prepare(`${ROW_SELECT} WHERE p.id = ?`).raw(true).get(id) as RowTuple | undefined;
  if (!row) throw new AppError('not-found', `No paper with id ${id}`);
  const p = sqlite.prepare('SELECT * FROM papers WHERE id = ?').get(id) as Record<string, unknown>;
  const authorsFull = sqlite
    .prepare(
      `SELECT a.name, pa.affiliation FROM paper_authors pa JOIN authors a ON a.id = pa.author_id
       WHERE pa.paper_id = ? ORDER BY pa.position`,
    )
    .all(id) as { name: string; affiliation: string | null }[];
  const pdf = sqlite.prepare('SELECT * FROM pdfs WHERE paper_id = ?').get(id) as Record<string, unknown> | undefined;
  const note = sqlite.prepare('SELECT body FROM notes WHERE paper_id = ?').get(id) as { body: string } | undefined;
  const { n: annotationCount } = sqlite.prepare('SELECT count(*) AS n FROM annotations WHERE paper_id = ?').get(id) as {
    n: number;
  };
  const base = paperRows(db, [row])[0]!;
  const arxivId = base.arxivId;
  const str = (k: string) => (p[k] as string | null) ?? null;
  const pdfVersion = (pdf?.version as number | null) ?? null;
  const doi = str('doi');
  return {
    ...base,
    doi,
    abstract: str('abstract'),
    updatedAt: str('updated_at'),
    categories: JSON.parse((p.categories as string) || '[]') as string[],
    primaryCategory: str('primary_category'),
    journalRef: str('journal_ref'),
    comment: str('comment'),
    citationKey: str('citation_key'),
    hf: {
      upvotes: (p.hf_upvotes as number | null) ?? null,
      comments: (p.hf_comments as number | null) ?? null,
      organization: str('hf_organization'),
      githubRepo: str('hf_github_repo'),
      githubStars: (p.hf_github_stars as number | null) ?? null,
      projectPage: str('hf_project_page'),
      aiSummary: str('hf_ai_summary'),
      aiKeywords: JSON.parse((p.hf_ai_keywords as string) || '[]') as string[],
      featuredOn: str('hf_featured_on'),
    },
    authorsFull: authorsFull.length ? authorsFull : base.authors.map((name) => ({ name, affiliation: null })),
    pdf: pdf
      ? {
          id: pdf.id as number,
          state: pdf.state as PdfState,
          sha256: (pdf.sha256 as string | null) ?? null,
          bytes: (pdf.bytes as number | null) ?? null,
          pages: (pdf.pages as number | null) ?? null,
          version: pdfVersion,
          error: (pdf.error as string | null) ?? null,
          textState: pdf.text_state as 'pending' | 'done' | 'failed',
        }
      : null,
    newVersionAvailable:
      pdf?.state === 'done' && pdfVersion !== null && base.version !== null && base.version > pdfVersion,
    noteExcerpt: note?.body ? note.body.slice(0, 400) : null,
    annotationCount,
    links: {
      abs: arxivId ? `${urls.arxiv}/abs/${arxivId}` : null,
      pdf: arxivId ? `${urls.arxiv}/pdf/${arxivId}${base.version ? `v${base.version}` : ''}` : null,
      hf: arxivId && /^\d{4}\.\d{4,5}$/.test(arxivId) && p.hf_featured_on !== null ? `${urls.hf}/papers/${arxivId}` : null,
      github: str('hf_github_repo'),
      projectPage: str('hf_project_page'),
      doi: doi ? `https://doi.org/${doi}` : null,
    },
  };
}


export function setState(db: WriteDb, ids: number[], state: PaperState): number {
  const info = db.$client
    .prepare(
      `UPDATE papers SET state = ?, modified_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'),
         read_at = CASE WHEN ? = 'read' THEN strftime('%Y-%m-%dT%H:%M:%fZ','now') ELSE read_at END
       WHERE id IN (SELECT value FROM json_each(?)) AND state != ?`,
    )
    .run(state, state, JSON.stringify(ids), state);
  return info.changes;
}

export function setStarred(db: WriteDb, ids: number[], starred: boolean): number {
  const info = db.$client
    .prepare(
      `UPDATE papers SET starred = ?, modified_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
       WHERE id IN (SELECT value FROM json_each(?)) AND starred != ?`,
    )
    .run(starred ? 1 : 0, JSON.stringify(ids), starred ? 1 : 0);
  return info.changes;
}

