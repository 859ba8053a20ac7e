/**
 * The one contract between the renderer and the core: every call (name → zod schema of its
 * arguments, result type) and every pushed event. Main's IPC gate, the preload bridge, the
 * loopback HTTP transport and the renderer's client are all derived from this file.
 */
import { z } from 'zod';
import type { ImportCounts, PaperDetail, PaperPage } from '../domain';
import { PAPER_STATES } from '../domain';
import type {
  AutoBibSettings,
  ExportedFile,
  ImportReport,
  NoteDoc,
  NoteListItem,
  NoteSaved,
  QuotableAnnotation,
} from '../notesExport';

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

// ── notes and export (#6) ──
export const ExportScopeSchema = z.union([
  z.object({ ids: z.array(id).min(1).max(1_000_000) }).strict(),
  z.object({ tag: z.string().min(1).max(500) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type ExportScope = z.infer<typeof ExportScopeSchema>;
const FlavourSchema = z.enum(['bibtex', 'biblatex']);
const CharsetSchema = z.enum(['ascii', 'utf8']);
export interface ExportPrefs {
  charsetBibtex: 'ascii' | 'utf8';
  charsetBiblatex: 'ascii' | 'utf8';
}
// ── end notes and export (#6) ──

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

  // ── notes and export (#6) ───────────────────────────────────────────────────────────────
  'notes:get': { args: z.object({ paperId: id }).strict(), result: returns<NoteDoc>() },
  'notes:save': {
    args: z
      .object({ paperId: id, body: z.string().max(10_000_000), baseUpdatedAt: z.string().max(40).nullable().optional() })
      .strict(),
    result: returns<NoteSaved>(),
  },
  'notes:list': {
    args: z.object({ limit: z.number().int().min(1).max(10_000).default(500) }).strict(),
    result: returns<NoteListItem[]>(),
  },
  'notes:quotable': { args: z.object({ paperId: id }).strict(), result: returns<QuotableAnnotation[]>() },
  'papers:setCitationKey': {
    args: z.object({ id, key: z.string().max(200) }).strict(),
    result: returns<{ citationKey: string; changed: boolean }>(),
  },
  'export:bibtex': {
    args: z.object({ scope: ExportScopeSchema, flavour: FlavourSchema.default('bibtex'), charset: CharsetSchema.optional() }).strict(),
    result: returns<string>(),
  },
  'export:bibtexEntry': {
    args: z.object({ id, flavour: FlavourSchema.default('bibtex'), charset: CharsetSchema.optional() }).strict(),
    result: returns<string>(),
  },
  'export:markdown': {
    args: z.object({ scope: ExportScopeSchema, layout: z.enum(['single', 'perPaper']).default('single') }).strict(),
    result: returns<ExportedFile[]>(),
  },
  'export:csl': { args: z.object({ scope: ExportScopeSchema }).strict(), result: returns<string>() },
  'export:ris': { args: z.object({ scope: ExportScopeSchema }).strict(), result: returns<string>() },
  'export:toFile': {
    args: z
      .object({
        path: z.string().min(1).max(4096),
        format: z.enum(['bibtex', 'biblatex', 'markdown', 'csl-json', 'ris']),
        scope: ExportScopeSchema,
        charset: CharsetSchema.optional(),
        layout: z.enum(['single', 'perPaper']).optional(),
      })
      .strict(),
    result: returns<{ files: string[] }>(),
  },
  'import:bib': { args: z.object({ text: z.string().max(200_000_000) }).strict(), result: returns<ImportReport>() },
  'import:ris': { args: z.object({ text: z.string().max(200_000_000) }).strict(), result: returns<ImportReport>() },
  'export:autoBib:get': {
    args: z.object({}).strict(),
    result: returns<AutoBibSettings & { lastWrittenAt: string | null; lastError: string | null }>(),
  },
  'export:autoBib:set': {
    args: z
      .object({
        path: z.string().min(1).max(4096).nullable(),
        flavour: FlavourSchema.default('bibtex'),
        charset: CharsetSchema.nullable().default(null),
        tag: z.string().min(1).max(500).nullable().default(null),
      })
      .strict(),
    result: returns<AutoBibSettings & { lastWrittenAt: string | null; lastError: string | null }>(),
  },
  'export:prefs:get': { args: z.object({}).strict(), result: returns<ExportPrefs>() },
  'export:tagPaths': { args: z.object({}).strict(), result: returns<string[]>() },
  'export:prefs:set': {
    args: z.object({ charsetBibtex: CharsetSchema.optional(), charsetBiblatex: CharsetSchema.optional() }).strict(),
    result: returns<ExportPrefs>(),
  },

  // ── recommendations (#8) ────────────────────────────────────────────────────────────────

  // ── reliability: backups, integrity (#7) ────────────────────────────────────────────────
} as const;

/** Events pushed from the core to every window. */
export interface MainEvents {
  'papers:changed': { ids: number[] | 'all' };
  'sync:progress': { runId: number; step: string; current: number; total: number | null };
  // ── more events: add each name to EVENT_NAMES below too ──
  'notes:changed': { paperId: number; updatedAt: string };
}

export type Channel = keyof typeof contract;
export type EventName = keyof MainEvents;
export const CHANNELS = Object.keys(contract) as Channel[];
export const EVENT_NAMES = ['papers:changed', 'sync:progress', 'notes:changed'] as const satisfies readonly EventName[];

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
