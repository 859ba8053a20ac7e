/**
 * Sync domain types shared by the core and the renderer: what a source is (its kind and
 * parameters), what a run records, what a watch rule matches. Pure TypeScript + zod.
 */
import { z } from 'zod';
import type { PaperRow } from './domain';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const WEEK = /^\d{4}-W\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;
/** arXiv category or archive: `cs.LG`, `math`, `hep-th`, `q-bio.NC`. */
const CATEGORY = /^[a-z][a-z-]*(\.[A-Za-z-]{2,})?$/;

const day = z.string().regex(DAY, 'expected a date YYYY-MM-DD');

export const HfParamsSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('day'), date: day }).strict(),
  z.object({ mode: z.literal('range'), from: day, to: day }).strict(),
  z.object({ mode: z.literal('week'), week: z.string().regex(WEEK, 'expected an ISO week YYYY-Www') }).strict(),
  z.object({ mode: z.literal('month'), month: z.string().regex(MONTH, 'expected a month YYYY-MM') }).strict(),
]);
export type HfParams = z.infer<typeof HfParamsSchema>;

export const ArxivParamsSchema = z
  .object({
    query: z.string().trim().min(1, 'the query is empty').max(1000),
    max: z.number().int().min(1).max(30_000).default(500),
  })
  .strict();
export type ArxivParams = z.infer<typeof ArxivParamsSchema>;

export const RssParamsSchema = z
  .object({
    categories: z
      .array(z.string().trim().regex(CATEGORY, 'expected an arXiv category such as cs.LG'))
      .min(1, 'give at least one category')
      .max(50),
  })
  .strict();
export type RssParams = z.infer<typeof RssParamsSchema>;

export const SourceSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hf'), params: HfParamsSchema }).strict(),
  z.object({ kind: z.literal('arxiv'), params: ArxivParamsSchema }).strict(),
  z.object({ kind: z.literal('rss'), params: RssParamsSchema }).strict(),
]);
export type SourceSpec = z.infer<typeof SourceSpecSchema>;
export type SourceKind = SourceSpec['kind'];

export interface SyncSource {
  id: number;
  name: string;
  spec: SourceSpec;
  enabled: boolean;
  createdAt: string;
  lastRunAt: string | null;
}

export const RUN_STATUSES = ['running', 'done', 'failed', 'cancelled', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface SyncRun {
  id: number;
  sourceId: number | null;
  spec: SourceSpec;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  newCount: number;
  updatedCount: number;
  unchangedCount: number;
  error: string | null;
  /** Where an interrupted or failed run would continue; null when there is nothing left. */
  cursor: Record<string, unknown> | null;
}

export const RULE_FIELDS = ['keyword', 'author', 'organization', 'category', 'minUpvotes'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

export const WatchRuleInputSchema = z
  .object({
    id: z.number().int().positive().optional(),
    name: z.string().trim().min(1).max(200),
    field: z.enum(RULE_FIELDS),
    pattern: z.string().trim().min(1, 'the pattern is empty').max(500),
    tags: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
    enabled: z.boolean().default(true),
  })
  .strict()
  .refine((r) => r.field !== 'minUpvotes' || /^\d+$/.test(r.pattern), {
    message: 'minimum upvotes must be a whole number',
    path: ['pattern'],
  });
export type WatchRuleInput = z.input<typeof WatchRuleInputSchema>;

export interface WatchRule {
  id: number;
  name: string;
  field: RuleField;
  pattern: string;
  tags: string[];
  enabled: boolean;
}

/** A human label for a source: `HF 2026-11-27`, `arXiv cat:cs.LG`, `RSS cs.LG+cs.AI`. */
export function describeSpec(spec: SourceSpec): string {
  if (spec.kind === 'hf') {
    const p = spec.params;
    const what = p.mode === 'day' ? p.date : p.mode === 'range' ? `${p.from} → ${p.to}` : p.mode === 'week' ? p.week : p.month;
    return `Hugging Face ${what}`;
  }
  if (spec.kind === 'arxiv') return `arXiv ${spec.params.query} (max ${spec.params.max})`;
  return `arXiv RSS ${spec.params.categories.join('+')}`;
}

export interface NewSinceLastSync {
  /** Trending (upvotes) first. */
  rows: PaperRow[];
  total: number;
  /** Start of the latest sync session, or null when no sync brought anything yet. */
  since: string | null;
  runIds: number[];
}
