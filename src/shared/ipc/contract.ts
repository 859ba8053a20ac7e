/**
 * The one contract between the renderer and the core: every call (name → zod schema of its
 * arguments, result type) and every pushed event. Main's IPC gate, the preload bridge, the
 * loopback HTTP transport and the renderer's client are all derived from this file.
 */
import { z } from 'zod';
import type { ImportCounts, PaperDetail, PaperPage } from '../domain';
import { PAPER_STATES } from '../domain';
import {
  SourceSpecSchema,
  SourceUrlSettingsSchema,
  WatchRuleInputSchema,
  type NewSinceLastSync,
  type SourceUrlsInfo,
  type SyncRun,
  type SyncSource,
  type WatchRule,
} from '../sync';

declare const RESULT: unique symbol;
/** Phantom marker carrying a result type; it has no runtime content. */
export interface Returns<T> {
  readonly [RESULT]?: T;
}
const returns = <T>(): Returns<T> => ({});

const id = z.number().int().positive();

export const PaperQuerySchema = z
  .object({
    view: z.enum(['all', ...PAPER_STATES, 'starred']).default('all'),
    sort: z.enum(['added', 'published', 'title', 'upvotes']).default('published'),
    dir: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();
export type PaperQuery = z.input<typeof PaperQuerySchema>;

export interface AppInfo {
  version: string;
  libraryPath: string;
  transport: 'ipc' | 'http';
}

export const contract = {
  'app:info': { args: z.object({}).strict(), result: returns<AppInfo>() },
  'papers:list': { args: PaperQuerySchema, result: returns<PaperPage>() },
  'papers:get': { args: z.object({ id }).strict(), result: returns<PaperDetail>() },
  'papers:setState': {
    args: z.object({ ids: z.array(id).min(1).max(100_000), state: z.enum(PAPER_STATES) }).strict(),
    result: returns<{ changed: number }>(),
  },
  'papers:setStarred': {
    args: z.object({ ids: z.array(id).min(1).max(100_000), starred: z.boolean() }).strict(),
    result: returns<{ changed: number }>(),
  },
  'import:hfJson': {
    args: z.object({ json: z.string().max(200_000_000) }).strict(),
    result: returns<ImportCounts>(),
  },

  // ── sync: sources, runs, watch rules (#3) ───────────────────────────────────────────────
  'sync:sources': { args: z.object({}).strict(), result: returns<SyncSource[]>() },
  'sync:addSource': {
    args: z.object({ name: z.string().trim().max(200).optional(), spec: SourceSpecSchema }).strict(),
    result: returns<SyncSource>(),
  },
  'sync:removeSource': { args: z.object({ id }).strict(), result: returns<{ removed: boolean }>() },
  /** Start a run of a saved source (or an ad-hoc spec); resolves at once with the running run. */
  'sync:run': {
    args: z.union([z.object({ sourceId: id }).strict(), z.object({ spec: SourceSpecSchema }).strict()]),
    result: returns<SyncRun>(),
  },
  'sync:resume': { args: z.object({ runId: id }).strict(), result: returns<SyncRun>() },
  'sync:cancel': { args: z.object({ runId: id }).strict(), result: returns<{ cancelled: boolean }>() },
  'sync:runs': { args: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(), result: returns<SyncRun[]>() },
  'rules:list': { args: z.object({}).strict(), result: returns<WatchRule[]>() },
  'rules:save': { args: WatchRuleInputSchema, result: returns<WatchRule>() },
  'rules:delete': { args: z.object({ id }).strict(), result: returns<{ deleted: boolean }>() },
  /** Run one rule over the papers already in the library. */
  'rules:apply': { args: z.object({ id }).strict(), result: returns<{ tagged: number }>() },
  'sync:urls': { args: z.object({}).strict(), result: returns<SourceUrlsInfo>() },
  'sync:setUrls': { args: SourceUrlSettingsSchema, result: returns<SourceUrlsInfo>() },
  'papers:newSinceLastSync': {
    args: z.object({ limit: z.number().int().min(1).max(5000).default(500) }).strict(),
    result: returns<NewSinceLastSync>(),
  },

  // ── pdfs: downloads, local import, full text (#3) ───────────────────────────────────────

  // ── library: search, filters, tags, bulk actions (#4) ───────────────────────────────────

  // ── reader: PDF bytes, annotations, reading position (#5) ───────────────────────────────

  // ── notes and export (#6) ───────────────────────────────────────────────────────────────

  // ── recommendations (#8) ────────────────────────────────────────────────────────────────

  // ── reliability: backups, integrity (#7) ────────────────────────────────────────────────
} as const;

/** Events pushed from the core to every window. */
export interface MainEvents {
  'papers:changed': { ids: number[] | 'all' };
  'sync:progress': { runId: number; step: string; current: number; total: number | null };
  // ── more events: add each name to EVENT_NAMES below too ──
  'sync:runChanged': { run: SyncRun };
}

export type Channel = keyof typeof contract;
export type EventName = keyof MainEvents;
export const CHANNELS = Object.keys(contract) as Channel[];
export const EVENT_NAMES = ['papers:changed', 'sync:progress', 'sync:runChanged'] as const satisfies readonly EventName[];

/** What a caller passes (defaults may be omitted). */
export type ArgsOf<K extends Channel> = z.input<(typeof contract)[K]['args']>;
/** What a handler receives after validation. */
export type ParsedArgsOf<K extends Channel> = z.output<(typeof contract)[K]['args']>;
export type ResultOf<K extends Channel> =
  (typeof contract)[K]['result'] extends Returns<infer R> ? R : never;

/** The core implements this: one plain function per contract entry, unaware of transport. */
export type Handlers = {
  [K in Channel]: (args: ParsedArgsOf<K>) => Promise<ResultOf<K>> | ResultOf<K>;
};

/** The typed object the renderer uses, whatever the transport. */
export interface Api {
  invoke<K extends Channel>(channel: K, args: ArgsOf<K>): Promise<ResultOf<K>>;
  on<E extends EventName>(event: E, listener: (payload: MainEvents[E]) => void): () => void;
}

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
}
