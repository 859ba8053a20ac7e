/**
 * Watch rules: keyword (title/abstract), author, organisation, category or minimum upvotes.
 * Papers a sync brings in that match a rule get its tags (paper_tags.origin = `rule:<id>`);
 * new papers land in the Inbox. Comma-separated patterns match any of their terms.
 * Rules only ever add rule tags: they never remove a tag or change a paper's state.
 */
import { AppError } from '../../shared/errors';
import type { RuleField, WatchRule, WatchRuleInput } from '../../shared/sync';
import { WatchRuleInputSchema } from '../../shared/sync';
import type { ReadDb, WriteDb } from '../db/client';
import { ensureTagPath, tagPathsOf } from './tagPaths';

interface RuleRow {
  id: number;
  name: string;
  field: RuleField;
  pattern: string;
  tag_ids: string;
  enabled: number;
}

export function listRules(db: ReadDb): WatchRule[] {
  const rows = db.$client.prepare('SELECT * FROM watch_rules ORDER BY id').all() as RuleRow[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    field: r.field,
    pattern: r.pattern,
    tags: tagPathsOf(db, JSON.parse(r.tag_ids) as number[]),
    enabled: r.enabled === 1,
  }));
}

export function saveRule(db: WriteDb, input: WatchRuleInput): WatchRule {
  const r = WatchRuleInputSchema.parse(input);
  const sqlite = db.$client;
  const id = sqlite.transaction(() => {
    const tagIds = JSON.stringify(r.tags.map((t) => ensureTagPath(db, t)));
    if (r.id !== undefined) {
      const n = sqlite
        .prepare('UPDATE watch_rules SET name = ?, field = ?, pattern = ?, tag_ids = ?, enabled = ? WHERE id = ?')
        .run(r.name, r.field, r.pattern, tagIds, r.enabled ? 1 : 0, r.id).changes;
      if (!n) throw new AppError('not-found', `No watch rule with id ${r.id}`);
      return r.id;
    }
    return (
      sqlite
        .prepare('INSERT INTO watch_rules (name, field, pattern, tag_ids, enabled) VALUES (?, ?, ?, ?, ?) RETURNING id')
        .get(r.name, r.field, r.pattern, tagIds, r.enabled ? 1 : 0) as { id: number }
    ).id;
  })();
  return listRules(db).find((x) => x.id === id)!;
}

export function deleteRule(db: WriteDb, id: number): boolean {
  return db.$client.prepare('DELETE FROM watch_rules WHERE id = ?').run(id).changes > 0;
}

const terms = (pattern: string) => pattern.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean);

/** SQL condition on `p` and its named parameters for one rule. */
function condition(field: RuleField, pattern: string): { sql: string; params: Record<string, string | number> } {
  if (field === 'minUpvotes') return { sql: 'coalesce(p.hf_upvotes, -1) >= @min', params: { min: Number(pattern) } };
  const one: Record<Exclude<RuleField, 'minUpvotes'>, (t: string) => string> = {
    keyword: (t) => `(instr(lower(p.title), ${t}) > 0 OR instr(lower(coalesce(p.abstract, '')), ${t}) > 0)`,
    author: (t) => `instr(lower(p.authors_text), ${t}) > 0`,
    organization: (t) => `instr(lower(coalesce(p.hf_organization, '')), ${t}) > 0`,
    category: (t) => `EXISTS (SELECT 1 FROM json_each(p.categories) c WHERE lower(c.value) = ${t} OR lower(c.value) LIKE ${t} || '.%')`,
  };
  const ts = terms(pattern);
  const params = Object.fromEntries(ts.map((t, i) => [`t${i}`, t]));
  const sql = ts.length ? `(${ts.map((_, i) => one[field](`@t${i}`)).join(' OR ')})` : '0';
  return { sql, params };
}

/** Apply every enabled rule to `ids`; returns how many (paper, tag) pairs were added. */
export function applyRules(db: WriteDb, ids: number[]): number {
  if (!ids.length) return 0;
  const sqlite = db.$client;
  const rules = (sqlite.prepare('SELECT * FROM watch_rules WHERE enabled = 1').all() as RuleRow[]).filter(
    (r) => r.tag_ids !== '[]',
  );
  let added = 0;
  const idJson = JSON.stringify(ids);
  for (const r of rules) {
    const c = condition(r.field, r.pattern);
    added += sqlite
      .prepare(
        `INSERT OR IGNORE INTO paper_tags (paper_id, tag_id, origin)
         SELECT p.id, t.value, @origin FROM papers p, json_each(@tags) t
         WHERE p.id IN (SELECT value FROM json_each(@ids)) AND t.value IN (SELECT id FROM tags) AND ${c.sql}`,
      )
      .run({ ...c.params, origin: `rule:${r.id}`, tags: r.tag_ids, ids: idJson }).changes;
  }
  return added;
}
