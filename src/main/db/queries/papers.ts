/**
 * Paper queries: the library list, the detail pane, triage writes.
 */
import type { PaperDetail, PaperRow, PaperState, PdfState, TagRef } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { ReadDb, WriteDb } from '../client';

/** The list query lives in paperList.ts (#4). */
export { listPapers, type PaperQueryParsed } from './paperList';

export interface RowRecord {
  id: number;
  arxiv_id: string | null;
  latest_version: number | null;
  title: string;
  authors_text: string;
  published_at: string | null;
  hf_upvotes: number | null;
  state: PaperState;
  starred: number;
  added_at: string;
  pdf_state: PdfState | null;
  tags: string | null;
}

export const ROW_SELECT_COLUMNS = `p.id, p.arxiv_id, p.latest_version, p.title, p.authors_text, p.published_at, p.hf_upvotes,
         p.state, p.starred, p.added_at, f.state AS pdf_state,
         (SELECT json_group_array(json_object('id', t.id, 'path', t.path, 'color', t.color))
            FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.paper_id = p.id) AS tags`;

export const ROW_SELECT = `SELECT ${ROW_SELECT_COLUMNS} FROM papers p LEFT JOIN pdfs f ON f.paper_id = p.id`;

export function splitAuthors(text: string): string[] {
  return text ? text.split(', ') : [];
}

export function toPaperRow(r: RowRecord): PaperRow {
  const tags = r.tags ? (JSON.parse(r.tags) as TagRef[]) : [];
  return {
    id: r.id,
    arxivId: r.arxiv_id,
    version: r.latest_version,
    title: r.title,
    authors: splitAuthors(r.authors_text),
    publishedAt: r.published_at,
    upvotes: r.hf_upvotes,
    state: r.state,
    starred: r.starred === 1,
    tags: tags.sort((a, b) => a.path.localeCompare(b.path)),
    pdfState: r.pdf_state ?? 'none',
    addedAt: r.added_at,
  };
}

export function getPaper(db: ReadDb, id: number, urls: { arxiv: string; hf: string }): PaperDetail {
  const sqlite = db.$client;
  const row = sqlite.prepare(`${ROW_SELECT} WHERE p.id = ?`).get(id) as RowRecord | undefined;
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
  const base = toPaperRow(row);
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

