/**
 * The one contract between the renderer and the core: every call (name → zod schema of its
 * arguments, result type) and every pushed event. Main's IPC gate, the preload bridge, the
 * loopback HTTP transport and the renderer's client are all derived from this file.
 */
import { z } from 'zod';
import type { ImportCounts, PaperDetail, PaperPage, PdfState } from '../domain';
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
import type { DownloadRequestResult, PdfImportResult, PdfSettings, PdfStatus } from '../pdfs';
import { AUTO_DOWNLOAD, MAX_IMPORT_BYTES } from '../pdfs';
import type { DayCount, SavedSearch, SearchMatch, SourceCount, TagNode } from '../library';
import { AnnotationInputSchema, type Annotation, type ReaderDocument } from '../annotations';
import type {
  AutoBibSettings,
  ExportedFile,
  ImportReport,
  NoteDoc,
  NoteListItem,
  NoteSaved,
  QuotableAnnotation,
} from '../notesExport';
import type { FitScore, ForTagResult, RankResult, RecPaper, RecsStatus, RecTag } from '../recs';

declare const RESULT: unique symbol;
/** Phantom marker carrying a result type; it has no runtime content. */
export interface Returns<T> {
  readonly [RESULT]?: T;
}
const returns = <T>(): Returns<T> => ({});

const id = z.number().int().positive();
const idList = z.array(id).min(1).max(100_000);
const tagPath = z.string().trim().min(1).max(200);
const tagColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like #3d6df2');

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const viewEnum = z.enum(['all', ...PAPER_STATES, 'starred']);
const sortEnum = z.enum(['relevance', 'added', 'published', 'title', 'authors', 'upvotes', 'state']);
const dirEnum = z.enum(['asc', 'desc']);
const tagModeEnum = z.enum(['all', 'any']);

/** Filters of the library list; a saved search stores these beside its text. */
const filterShape = {
  tagIds: z.array(id).max(200).optional(),
  states: z.array(z.enum(PAPER_STATES)).max(5).optional(),
  starred: z.boolean().optional(),
  hasPdf: z.boolean().optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  /** paper_sources.source_key, e.g. `hf:2026-11-27`. */
  source: z.string().max(500).optional(),
  /** One HF Daily Papers day (papers.hf_featured_on). */
  featuredOn: isoDay.optional(),
};

/** The library list (#4 owns it): view, search, filters, sort and a page window, all done in SQL. */
export const PaperQuerySchema = z
  .object({
    view: viewEnum.default('all'),
    sort: sortEnum.default('published'),
    dir: dirEnum.default('desc'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(200),
    /** One search box: words, "phrases", author:, title:, tag:, year: (any text is safe). */
    search: z.string().max(2000).optional(),
    tagMode: tagModeEnum.default('any'),
    savedSearchId: id.optional(),
    ...filterShape,
  })
  .strict();
export type PaperQuery = z.input<typeof PaperQuerySchema>;

const savedFilters = z
  .object({
    view: viewEnum.optional(),
    sort: sortEnum.optional(),
    dir: dirEnum.optional(),
    tagMode: tagModeEnum.optional(),
    ...filterShape,
  })
  .strict();
export type SavedFilters = z.output<typeof savedFilters>;
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
  'pdfs:download': {
    args: z.object({ ids: z.array(id).min(1).max(100_000), force: z.boolean().default(false) }).strict(),
    result: returns<DownloadRequestResult>(),
  },
  /** Drag & drop and the file picker send the file's bytes (browser mode has no paths). */
  'pdfs:importBytes': {
    args: z
      .object({
        name: z.string().min(1).max(500),
        base64: z.string().max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, 'The file is too large to import this way'),
      })
      .strict(),
    result: returns<PdfImportResult>(),
  },
  /** Files on this machine, by absolute path (the desktop app's native picker, scripts). */
  'pdfs:importFiles': {
    args: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(1000) }).strict(),
    result: returns<PdfImportResult[]>(),
  },
  'pdfs:status': { args: z.object({}).strict(), result: returns<PdfStatus>() },
  'pdfs:getSettings': { args: z.object({}).strict(), result: returns<PdfSettings>() },
  'pdfs:setSettings': {
    args: z
      .object({
        autoDownload: z.enum(AUTO_DOWNLOAD).optional(),
        maxBytes: z.number().int().min(1024 * 1024).max(2 * 1024 * 1024 * 1024).optional(),
      })
      .strict(),
    result: returns<PdfSettings>(),
  },

  // ── library: search, filters, tags, bulk actions (#4) ───────────────────────────────────
  /** Snippets and where-it-matched for the rows on screen (ids ≤ 200) of a searched list. */
  'search:matches': {
    args: z.object({ search: z.string().max(2000), ids: z.array(id).max(200) }).strict(),
    result: returns<Record<number, SearchMatch>>(),
  },
  /** Every id of a list query in order (select-all); offset/limit are ignored. */
  'papers:ids': { args: PaperQuerySchema, result: returns<number[]>() },
  'papers:delete': { args: z.object({ ids: idList }).strict(), result: returns<{ deleted: number }>() },
  'papers:addTags': {
    args: z.object({ ids: idList, paths: z.array(tagPath).min(1).max(50) }).strict(),
    result: returns<{ changed: number }>(),
  },
  'papers:removeTags': {
    args: z.object({ ids: idList, tagIds: z.array(id).min(1).max(200) }).strict(),
    result: returns<{ changed: number }>(),
  },
  'tags:list': { args: z.object({}).strict(), result: returns<TagNode[]>() },
  'tags:create': {
    args: z.object({ path: tagPath, color: tagColor.nullable().optional() }).strict(),
    result: returns<TagNode>(),
  },
  'tags:rename': { args: z.object({ id, path: tagPath }).strict(), result: returns<TagNode>() },
  'tags:merge': { args: z.object({ from: id, into: id }).strict(), result: returns<{ papers: number }>() },
  'tags:delete': { args: z.object({ id }).strict(), result: returns<{ papers: number; tags: number }>() },
  'tags:setColor': { args: z.object({ id, color: tagColor.nullable() }).strict(), result: returns<TagNode>() },
  'searches:list': { args: z.object({}).strict(), result: returns<SavedSearch[]>() },
  'searches:save': {
    args: z
      .object({ name: z.string().trim().min(1).max(200), query: z.string().max(2000), filters: savedFilters })
      .strict(),
    result: returns<SavedSearch>(),
  },
  'searches:delete': { args: z.object({ id }).strict(), result: returns<{ deleted: number }>() },
  /** Distinct sync sources (paper_sources.source_key) with paper counts, newest first. */
  'library:sources': { args: z.object({}).strict(), result: returns<SourceCount[]>() },
  /** HF Daily Papers days in the library with paper counts, newest first. */
  'library:days': { args: z.object({}).strict(), result: returns<DayCount[]>() },

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
  'recs:similar': {
    args: z.object({ paperId: id, limit: z.number().int().min(1).max(100).default(10) }).strict(),
    result: returns<RecPaper[]>(),
  },
  'recs:forTag': {
    args: z
      .object({
        tagId: id,
        limit: z.number().int().min(1).max(1000).default(50),
        /** `inbox`: the whole Inbox; `lastSync`: only Inbox papers that arrived with the latest sync run. */
        scope: z.enum(['inbox', 'lastSync']).default('inbox'),
      })
      .strict(),
    result: returns<ForTagResult>(),
  },
  /** Inbox ranked by fit to everything tagged or starred ("For you"), with reasons. */
  'recs:forYou': {
    args: z
      .object({ limit: z.number().int().min(1).max(1000).default(50), scope: z.enum(['inbox', 'lastSync']).default('inbox') })
      .strict(),
    result: returns<RankResult>(),
  },
  /** Fit to the researcher's tagged + starred papers, 0–1 (null: nothing to learn from yet), in the order given. */
  'recs:fitScores': {
    args: z.object({ paperIds: z.array(id).max(100_000) }).strict(),
    result: returns<FitScore[]>(),
  },
  /** Tags with paper counts (children included), for the "More like #tag" picker. */
  'recs:tags': { args: z.object({}).strict(), result: returns<RecTag[]>() },
  'recs:status': { args: z.object({}).strict(), result: returns<RecsStatus>() },

  // ── reliability: backups, integrity (#7) ────────────────────────────────────────────────
} as const;

/** Events pushed from the core to every window. */
export interface MainEvents {
  'papers:changed': { ids: number[] | 'all' };
  'tags:changed': Record<string, never>;
  'sync:progress': { runId: number; step: string; current: number; total: number | null };
  // ── more events: add each name to EVENT_NAMES below too ──
  'sync:runChanged': { run: SyncRun };
  // pdfs (#3): a download's state changed; bytes received; full-text extraction counts.
  'pdf:state': { paperId: number; state: PdfState; error: string | null };
  'pdf:progress': { paperId: number; received: number; total: number | null };
  'pdf:textProgress': { pending: number; done: number; failed: number; current: number | null };
  'notes:changed': { paperId: number; updatedAt: string };
}

export type Channel = keyof typeof contract;
export type EventName = keyof MainEvents;
export const CHANNELS = Object.keys(contract) as Channel[];
export const EVENT_NAMES = [
  'papers:changed',
  'sync:progress',
  // sync (#3)
  'sync:runChanged',
  // pdfs (#3)
  'pdf:state',
  'pdf:progress',
  'pdf:textProgress',
  // library (#4)
  'tags:changed',
  // notes and export (#6)
  'notes:changed',
] as const satisfies readonly EventName[];

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
