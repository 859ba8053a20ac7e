/**
 * The one contract between the renderer and the core: every call (name → zod schema of its
 * arguments, result type) and every pushed event. Main's IPC gate, the preload bridge, the
 * loopback HTTP transport and the renderer's client are all derived from this file.
 */
import { z } from 'zod';
import type { ImportCounts, PaperDetail, PaperPage } from '../domain';
import { PAPER_STATES } from '../domain';
import { AnnotationInputSchema, type Annotation, type ReaderDocument } from '../annotations';

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

  // ── pdfs: downloads, local import, full text (#3) ───────────────────────────────────────

  // ── library: search, filters, tags, bulk actions (#4) ───────────────────────────────────

  // ── reader: PDF bytes, annotations, reading position (#5) ───────────────────────────────
  /** Where the paper's PDF is and how to get its bytes; the saved reading position. */
  'reader:open': { args: z.object({ paperId: id }).strict(), result: returns<ReaderDocument>() },
  /**
   * The PDF bytes over Electron IPC (structured clone of a Uint8Array). Browser mode uses the
   * streaming route `GET /api/pdf/<paperId>` (Range supported) instead.
   */
  'reader:bytes': { args: z.object({ paperId: id }).strict(), result: returns<Uint8Array>() },
  'reader:savePosition': {
    args: z
      .object({
        paperId: id,
        pageIndex: z.number().int().min(0),
        scale: z.string().regex(/^(page-width|page-fit|page-actual|auto|\d+(\.\d+)?)$/),
        top: z.number().finite().nullable().default(null),
      })
      .strict(),
    result: returns<{ saved: true }>(),
  },
  'annotations:list': { args: z.object({ paperId: id }).strict(), result: returns<Annotation[]>() },
  /** Upsert by id: a new annotation must be complete; an existing one takes any subset of fields. */
  'annotations:save': {
    args: z.object({ annotations: z.array(AnnotationInputSchema).min(1).max(5000) }).strict(),
    result: returns<{ saved: Annotation[] }>(),
  },
  'annotations:delete': {
    args: z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(5000) }).strict(),
    result: returns<{ deleted: number }>(),
  },

  // ── notes and export (#6) ───────────────────────────────────────────────────────────────

  // ── recommendations (#8) ────────────────────────────────────────────────────────────────

  // ── reliability: backups, integrity (#7) ────────────────────────────────────────────────
} as const;

/** Events pushed from the core to every window. */
export interface MainEvents {
  'papers:changed': { ids: number[] | 'all' };
  'sync:progress': { runId: number; step: string; current: number; total: number | null };
  // ── more events: add each name to EVENT_NAMES below too ──
}

export type Channel = keyof typeof contract;
export type EventName = keyof MainEvents;
export const CHANNELS = Object.keys(contract) as Channel[];
export const EVENT_NAMES = ['papers:changed', 'sync:progress'] as const satisfies readonly EventName[];

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
