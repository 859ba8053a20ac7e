/**
 * Tags: a hierarchy by path (`ml/rl` sits under `ml`), unique case-insensitively. Counts include
 * child tags. Rename moves a whole subtree; merge folds one subtree into another; delete removes a
 * tag with its children. Every multi-row write is one transaction.
 */
import { AppError } from '../../../shared/errors';
import { TAG_COLORS, normalizeTagPath, type TagNode } from '../../../shared/library';
import type { ReadDb, WriteDb } from '../client';

interface TagRecord {
  id: number;
  name: string;
  path: string;
  parent_id: number | null;
  color: string | null;
}

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ','now')`;
/** Tags at or below t (t aliased as `t`, descendants as `d`). */
const SUBTREE = `(d.path = t.path COLLATE NOCASE OR substr(d.path, 1, length(t.path) + 1) = t.path || '/' COLLATE NOCASE)`;

export function listTags(db: ReadDb): TagNode[] {
  const sqlite = db.$client;
  const rows = sqlite.prepare('SELECT id, name, path, parent_id, color FROM tags ORDER BY path COLLATE NOCASE').all() as TagRecord[];
  const own = new Map(
    (sqlite.prepare('SELECT tag_id, count(*) AS n FROM paper_tags GROUP BY tag_id').all() as { tag_id: number; n: number }[]).map(
      (r) => [r.tag_id, r.n],
    ),
  );
  // Totals include child tags, each paper counted once: one pass over paper_tags, each link
  // credited to its tag and every ancestor (only tags that have children need the DISTINCT).
  const total = new Map(
    (
      sqlite
        .prepare(
          `WITH RECURSIVE anc(tag_id, anc_id) AS (
             SELECT id, parent_id FROM tags WHERE parent_id IS NOT NULL
             UNION ALL
             SELECT anc.tag_id, t.parent_id FROM anc JOIN tags t ON t.id = anc.anc_id WHERE t.parent_id IS NOT NULL)
           SELECT anc_id, count(DISTINCT paper_id) AS n FROM (
             SELECT anc.anc_id, pt.paper_id FROM anc JOIN paper_tags pt ON pt.tag_id = anc.tag_id
             UNION ALL
             SELECT pt.tag_id, pt.paper_id FROM paper_tags pt WHERE pt.tag_id IN (SELECT anc_id FROM anc))
           GROUP BY anc_id`,
        )
        .all() as { anc_id: number; n: number }[]
    ).map((r) => [r.anc_id, r.n]),
  );
  return rows.map((r) => toTagNode({ ...r, own: own.get(r.id) ?? 0, total: total.get(r.id) ?? own.get(r.id) ?? 0 }));
}

function toTagNode(r: TagRecord & { own?: number; total?: number }): TagNode {
  return { id: r.id, name: r.name, path: r.path, parentId: r.parent_id, color: r.color, own: r.own ?? 0, total: r.total ?? 0 };
}

export function getTag(db: ReadDb, id: number): TagNode {
  const n = listTags(db).find((t) => t.id === id);
  if (!n) throw new AppError('not-found', `No tag with id ${id}`);
  return n;
}

export function findTagByPath(db: ReadDb, path: string): TagRecord | undefined {
  return db.$client.prepare('SELECT * FROM tags WHERE path = ? COLLATE NOCASE').get(normalizeTagPath(path)) as
    | TagRecord
    | undefined;
}

function requirePath(input: string): string {
  const path = normalizeTagPath(input);
  if (!path) throw new AppError('bad-input', 'A tag needs a name');
  return path;
}

function paletteColor(path: string): string {
  let h = 0;
  for (const ch of path.toLowerCase().split('/')[0]!) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return TAG_COLORS[h % TAG_COLORS.length]!;
}

/** The tag at `path`, created (with its parents) when missing. Call inside a transaction. */
function ensureTagRaw(db: WriteDb, input: string, color?: string | null): number {
  const path = requirePath(input);
  const existing = findTagByPath(db, path);
  if (existing) return existing.id;
  const segs = path.split('/');
  const parentId = segs.length > 1 ? ensureTagRaw(db, segs.slice(0, -1).join('/')) : null;
  const info = db.$client
    .prepare('INSERT INTO tags (name, path, parent_id, color) VALUES (?, ?, ?, ?)')
    .run(segs[segs.length - 1]!, path, parentId, color === undefined ? paletteColor(path) : color);
  return Number(info.lastInsertRowid);
}

export function ensureTag(db: WriteDb, path: string, color?: string | null): number {
  return db.$client.transaction(() => ensureTagRaw(db, path, color))();
}

export function createTag(db: WriteDb, input: string, color?: string | null): TagNode {
  const path = requirePath(input);
  if (findTagByPath(db, path)) throw new AppError('conflict', `A tag “${path}” already exists`);
  return getTag(db, ensureTag(db, path, color));
}

function requireTag(db: ReadDb, id: number): TagRecord {
  const t = db.$client.prepare('SELECT * FROM tags WHERE id = ?').get(id) as TagRecord | undefined;
  if (!t) throw new AppError('not-found', `No tag with id ${id}`);
  return t;
}

function subtree(db: ReadDb, t: TagRecord): TagRecord[] {
  return db.$client
    .prepare(`SELECT d.* FROM tags t JOIN tags d ON ${SUBTREE} WHERE t.id = ? ORDER BY length(d.path)`)
    .all(t.id) as TagRecord[];
}

/** Move a tag and its subtree to a new path (parents are created; the old parents stay). */
function movePaths(db: WriteDb, t: TagRecord, newPath: string): void {
  const segs = newPath.split('/');
  const parentId = segs.length > 1 ? ensureTagRaw(db, segs.slice(0, -1).join('/')) : null;
  if (parentId === t.id) throw new AppError('bad-input', `A tag cannot be moved under itself`);
  const upd = db.$client.prepare('UPDATE tags SET path = ?, name = ?, parent_id = ? WHERE id = ?');
  for (const d of subtree(db, t)) {
    if (d.id === t.id) upd.run(newPath, segs[segs.length - 1]!, parentId, d.id);
    else {
      const p = newPath + d.path.slice(t.path.length);
      upd.run(p, p.split('/').pop()!, d.parent_id, d.id);
    }
  }
}

export function renameTag(db: WriteDb, id: number, input: string): TagNode {
  const newPath = requirePath(input);
  db.$client.transaction(() => {
    const t = requireTag(db, id);
    if (newPath.toLowerCase().startsWith(t.path.toLowerCase() + '/'))
      throw new AppError('bad-input', `“${t.path}” cannot be moved under itself`);
    const other = findTagByPath(db, newPath);
    if (other && other.id !== id)
      throw new AppError('conflict', `A tag “${other.path}” already exists; merge “${t.path}” into it instead`);
    movePaths(db, t, newPath);
  })();
  return getTag(db, id);
}

/** Papers tagged with `from` (or below) get `into` (or the matching child); `from` disappears. */
export function mergeTags(db: WriteDb, fromId: number, intoId: number): { papers: number } {
  if (fromId === intoId) throw new AppError('bad-input', 'A tag cannot be merged into itself');
  return db.$client.transaction(() => {
    const from = requireTag(db, fromId);
    const into = requireTag(db, intoId);
    if (into.path.toLowerCase().startsWith(from.path.toLowerCase() + '/'))
      throw new AppError('bad-input', `“${from.path}” cannot be merged into its own child “${into.path}”`);
    const { n: papers } = db.$client
      .prepare(
        `SELECT count(DISTINCT pt.paper_id) AS n FROM tags t JOIN tags d ON ${SUBTREE}
         JOIN paper_tags pt ON pt.tag_id = d.id WHERE t.id = ?`,
      )
      .get(fromId) as { n: number };
    mergeInto(db, from, into);
    return { papers };
  })();
}

function mergeInto(db: WriteDb, from: TagRecord, into: TagRecord): void {
  const sqlite = db.$client;
  sqlite
    .prepare(
      `INSERT OR IGNORE INTO paper_tags (paper_id, tag_id, origin, added_at)
       SELECT paper_id, ?, origin, added_at FROM paper_tags WHERE tag_id = ?`,
    )
    .run(into.id, from.id);
  const children = sqlite.prepare('SELECT * FROM tags WHERE parent_id = ?').all(from.id) as TagRecord[];
  for (const c of children) {
    const target = `${into.path}/${c.name}`;
    const existing = findTagByPath(db, target);
    if (existing) mergeInto(db, c, existing);
    else movePaths(db, c, target);
  }
  sqlite.prepare('DELETE FROM tags WHERE id = ?').run(from.id);
}

export function deleteTag(db: WriteDb, id: number): { papers: number; tags: number } {
  return db.$client.transaction(() => {
    const t = requireTag(db, id);
    const tree = subtree(db, t);
    const { n: papers } = db.$client
      .prepare(
        `SELECT count(DISTINCT pt.paper_id) AS n FROM paper_tags pt WHERE pt.tag_id IN (SELECT value FROM json_each(?))`,
      )
      .get(JSON.stringify(tree.map((d) => d.id))) as { n: number };
    const del = db.$client.prepare('DELETE FROM tags WHERE id = ?');
    for (const d of [...tree].reverse()) del.run(d.id);
    return { papers, tags: tree.length };
  })();
}

export function setTagColor(db: WriteDb, id: number, color: string | null): TagNode {
  requireTag(db, id);
  db.$client.prepare('UPDATE tags SET color = ? WHERE id = ?').run(color, id);
  return getTag(db, id);
}

/** Tag papers (tags created when missing); returns how many paper–tag links were added. */
export function addTags(db: WriteDb, ids: number[], paths: string[]): number {
  return db.$client.transaction(() => {
    let changed = 0;
    const stmt = db.$client.prepare(
      `INSERT OR IGNORE INTO paper_tags (paper_id, tag_id) SELECT p.id, ? FROM papers p
       WHERE p.id IN (SELECT value FROM json_each(?))`,
    );
    const idsJson = JSON.stringify(ids);
    for (const path of paths) changed += stmt.run(ensureTagRaw(db, path), idsJson).changes;
    if (changed) touch(db, idsJson);
    return changed;
  })();
}

export function removeTags(db: WriteDb, ids: number[], tagIds: number[]): number {
  return db.$client.transaction(() => {
    const idsJson = JSON.stringify(ids);
    const changed = db.$client
      .prepare(
        `DELETE FROM paper_tags WHERE paper_id IN (SELECT value FROM json_each(?))
         AND tag_id IN (SELECT value FROM json_each(?))`,
      )
      .run(idsJson, JSON.stringify(tagIds)).changes;
    if (changed) touch(db, idsJson);
    return changed;
  })();
}

function touch(db: WriteDb, idsJson: string): void {
  db.$client.prepare(`UPDATE papers SET modified_at = ${NOW} WHERE id IN (SELECT value FROM json_each(?))`).run(idsJson);
}
