/** Tags by path (`ml/rl`), created with their parents when missing; case-insensitive like tags_path. */
import type { WriteDb, ReadDb } from '../db/client';

export function ensureTagPath(db: WriteDb, path: string): number {
  const sqlite = db.$client;
  const parts = path.split('/').map((p) => p.trim()).filter(Boolean);
  let parentId: number | null = null;
  let id = 0;
  parts.forEach((name, i) => {
    const full = parts.slice(0, i + 1).join('/');
    const found = sqlite.prepare('SELECT id FROM tags WHERE path = ? COLLATE NOCASE').get(full) as { id: number } | undefined;
    id =
      found?.id ??
      (sqlite.prepare('INSERT INTO tags (name, path, parent_id) VALUES (?, ?, ?) RETURNING id').get(name, full, parentId) as { id: number }).id;
    parentId = id;
  });
  return id;
}

export function tagPathsOf(db: ReadDb, ids: number[]): string[] {
  if (!ids.length) return [];
  const rows = db.$client
    .prepare('SELECT id, path FROM tags WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as { id: number; path: string }[];
  const byId = new Map(rows.map((r) => [r.id, r.path]));
  return ids.map((i) => byId.get(i)).filter((p): p is string => !!p);
}
