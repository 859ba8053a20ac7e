/** SQL for recommendations: raw prepared statements (hot paths over up to 100k papers). */
import type { PaperState } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import type { RecTag } from '../../shared/recs';
import type { ReadDb } from '../db/client';
import type { IndexedDoc } from './vectors';

interface DocRecord {
  id: number;
  title: string;
  abstract: string | null;
  authors_text: string;
  hf_ai_keywords: string;
  state: string;
  starred: number;
}

const DOC_COLUMNS = 'id, title, abstract, authors_text, hf_ai_keywords, state, starred';

function keywords(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

export function toDoc(r: DocRecord): IndexedDoc {
  return {
    id: r.id,
    title: r.title,
    abstract: r.abstract,
    authorsText: r.authors_text,
    keywords: keywords(r.hf_ai_keywords),
    state: r.state,
    starred: r.starred === 1,
  };
}

/** A reader for the index build: papers after `afterId`, in id order. */
export function docPager(db: ReadDb): (afterId: number, limit: number) => IndexedDoc[] {
  const stmt = db.$client.prepare(`SELECT ${DOC_COLUMNS} FROM papers WHERE id > ? ORDER BY id LIMIT ?`);
  return (after, limit) => (stmt.all(after, limit) as DocRecord[]).map(toDoc);
}

export function docsByIds(db: ReadDb, ids: readonly number[]): IndexedDoc[] {
  const out: IndexedDoc[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const rows = db.$client
      .prepare(`SELECT ${DOC_COLUMNS} FROM papers WHERE id IN (${part.map(() => '?').join(',')})`)
      .all(...part) as DocRecord[];
    out.push(...rows.map(toDoc));
  }
  return out;
}

export function tagById(db: ReadDb, id: number): { id: number; path: string } {
  const t = db.$client.prepare('SELECT id, path FROM tags WHERE id = ?').get(id) as { id: number; path: string } | undefined;
  if (!t) throw new AppError('not-found', `There is no tag with id ${id}.`);
  return t;
}

/** A tag by its path (`ml/rl`) or, when unambiguous, its leaf name (`rl`), case-insensitively. */
export function tagByName(db: ReadDb, name: string): { id: number; path: string } {
  const clean = name.replace(/^#/, '').trim();
  const byPath = db.$client.prepare('SELECT id, path FROM tags WHERE path = ? COLLATE NOCASE').get(clean);
  if (byPath) return byPath as { id: number; path: string };
  const byName = db.$client.prepare('SELECT id, path FROM tags WHERE name = ? COLLATE NOCASE').all(clean) as {
    id: number;
    path: string;
  }[];
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1)
    throw new AppError('bad-input', `Tag "${clean}" is ambiguous: ${byName.map((t) => t.path).join(', ')}. Give the full path.`);
  throw new AppError('not-found', `There is no tag "${clean}".`);
}

const SUBTREE = `WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT t.id FROM tags t JOIN sub ON t.parent_id = sub.id)`;

/** Papers carrying the tag or any of its descendants. */
export function tagPaperIds(db: ReadDb, tagId: number): number[] {
  return db.$client
    .prepare(`${SUBTREE} SELECT DISTINCT paper_id FROM paper_tags WHERE tag_id IN (SELECT id FROM sub) ORDER BY paper_id`)
    .pluck()
    .all(tagId) as number[];
}

/** Every tag with the number of papers under it (children included), for the picker. */
export function tagsWithCounts(db: ReadDb): RecTag[] {
  return db.$client
    .prepare(
      `WITH RECURSIVE anc(tag_id, anc_id) AS (
         SELECT id, id FROM tags UNION SELECT anc.tag_id, t.parent_id FROM anc JOIN tags t ON t.id = anc.anc_id
         WHERE t.parent_id IS NOT NULL)
       SELECT t.id, t.path, t.color,
              (SELECT count(DISTINCT pt.paper_id) FROM paper_tags pt JOIN anc ON anc.tag_id = pt.tag_id
                WHERE anc.anc_id = t.id) AS count
       FROM tags t ORDER BY t.path COLLATE NOCASE`,
    )
    .all() as RecTag[];
}

/** What the researcher has told us they care about: tagged or starred papers. */
export function fitPositiveIds(db: ReadDb): number[] {
  return db.$client
    .prepare('SELECT id FROM papers WHERE starred = 1 UNION SELECT paper_id FROM paper_tags ORDER BY 1')
    .pluck()
    .all() as number[];
}

/**
 * Papers first seen by the latest sync session: the runs (any source) that started within an
 * hour of the most recent run's start. Empty when nothing has synced yet.
 */
export function lastSyncPaperIds(db: ReadDb): number[] {
  return db.$client
    .prepare(
      `SELECT DISTINCT paper_id FROM paper_sources WHERE first_run_id IN (
         SELECT id FROM sync_runs WHERE started_at >=
           strftime('%Y-%m-%dT%H:%M:%fZ', (SELECT max(started_at) FROM sync_runs), '-1 hour'))`,
    )
    .pluck()
    .all() as number[];
}

export interface PaperBrief {
  id: number;
  arxivId: string | null;
  title: string;
  abstract: string | null;
  authorsText: string;
  keywords: string[];
  state: PaperState;
  publishedAt: string | null;
}

export function briefs(db: ReadDb, ids: readonly number[]): Map<number, PaperBrief> {
  const out = new Map<number, PaperBrief>();
  if (!ids.length) return out;
  const rows = db.$client
    .prepare(
      `SELECT id, arxiv_id, title, abstract, authors_text, hf_ai_keywords, state, published_at FROM papers
       WHERE id IN (${ids.map(() => '?').join(',')})`,
    )
    .all(...ids) as {
    id: number;
    arxiv_id: string | null;
    title: string;
    abstract: string | null;
    authors_text: string;
    hf_ai_keywords: string;
    state: PaperState;
    published_at: string | null;
  }[];
  for (const r of rows)
    out.set(r.id, {
      id: r.id,
      arxivId: r.arxiv_id,
      title: r.title,
      abstract: r.abstract,
      authorsText: r.authors_text,
      keywords: keywords(r.hf_ai_keywords),
      state: r.state,
      publishedAt: r.published_at,
    });
  return out;
}

export function paperIdByArxiv(db: ReadDb, arxivId: string): number {
  const id = db.$client.prepare('SELECT id FROM papers WHERE arxiv_id = ?').pluck().get(arxivId) as number | undefined;
  if (id === undefined) throw new AppError('not-found', `There is no paper with arXiv id ${arxivId} in the library.`);
  return id;
}
