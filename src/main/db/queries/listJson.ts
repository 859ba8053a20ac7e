/** The `papershelf list --json` shape: one object per paper, stable for scripts. */
import type { ReadDb } from '../client';

export interface ListJsonItem {
  id: number;
  arxivId: string | null;
  version: number | null;
  doi: string | null;
  title: string;
  authors: string[];
  publishedAt: string | null;
  upvotes: number | null;
  state: string;
  starred: boolean;
  tags: string[];
  citationKey: string | null;
  pdf: { state: string; sha256: string | null } | null;
}

export function exportListJson(db: ReadDb): ListJsonItem[] {
  const rows = db.$client
    .prepare(
      `SELECT p.id, p.arxiv_id, p.latest_version, p.doi, p.title, p.authors_text, p.published_at, p.hf_upvotes,
              p.state, p.starred, p.citation_key, f.state AS pdf_state, f.sha256,
              (SELECT json_group_array(t.path) FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id
                WHERE pt.paper_id = p.id) AS tags
       FROM papers p LEFT JOIN pdfs f ON f.paper_id = p.id ORDER BY p.published_at DESC, p.id DESC`,
    )
    .all() as Record<string, unknown>[];
  return rows.map((r) => ({
    id: r.id as number,
    arxivId: (r.arxiv_id as string | null) ?? null,
    version: (r.latest_version as number | null) ?? null,
    doi: (r.doi as string | null) ?? null,
    title: r.title as string,
    authors: r.authors_text ? (r.authors_text as string).split(', ') : [],
    publishedAt: (r.published_at as string | null) ?? null,
    upvotes: (r.hf_upvotes as number | null) ?? null,
    state: r.state as string,
    starred: r.starred === 1,
    tags: (JSON.parse((r.tags as string) || '[]') as string[]).sort(),
    citationKey: (r.citation_key as string | null) ?? null,
    pdf: r.pdf_state ? { state: r.pdf_state as string, sha256: (r.sha256 as string | null) ?? null } : null,
  }));
}
