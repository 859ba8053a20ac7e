/**
 * RecsService: owns the TF-IDF index of one library and the models trained on it.
 *
 * - The index is built in the background, in ~12 ms slices between `setImmediate`s, so the core
 *   keeps answering; a caller that needs it at once (CLI, `fitScores`) finishes the build in place.
 * - `papers:changed` events are batched (250 ms) and applied incrementally: new or edited papers
 *   are (re)indexed, state and star changes only update metadata, deleted papers are dropped.
 *   When enough new papers have arrived to shift the IDF, the index is rebuilt in the background
 *   and swapped in.
 * - Models (one per tag, one "fit" model) are cached under a signature of the index version and
 *   the training labels, so tag edits are picked up at the next query even without an event.
 * Nothing leaves the machine: everything here reads the local SQLite file.
 */
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { FitScore, ForTagResult, RankResult, RecPaper, RecsStatus } from '../../shared/recs';
import type { ReadDb } from '../db/client';
import type { EventBus } from '../core/events';
import { readIndex, reconcile, saveIndex } from './cache';
import { prng, sample, score, trainSteps, type LinearModel } from './classifier';
import * as q from './queries';
import { authorTokens, reasonText, sharedAuthors, topTerms } from './reasons';
import { authorToken, splitAuthors } from './tokenize';
import { DIM, DISMISSED, INBOX, TfIdfIndex, drain, hashTerm } from './vectors';

const SLICE_MS = 12;
const DEBOUNCE_MS = 250;
const MAX_POSITIVES = 1500;
const MAX_NEGATIVES = 4500;

interface Build {
  gen: Generator<void, TfIdfIndex>;
  done: Promise<void>;
  finish: () => void;
  complete?: (ix: TfIdfIndex) => void;
}

interface CachedModel {
  sig: string;
  model: LinearModel;
  /** Training negatives' scores, ascending: a candidate's strength is the share it beats. */
  negScores: Float64Array;
  posRows: number[];
  authors: Set<string>;
}


export interface RecsOptions {
  /** Follow `papers:changed` to keep the index current. */
  events?: EventBus;
  /**
   * Begin the background build after this delay (the app passes a second or so, so start-up
   * stays quick; a short CLI command exits before and never pays for it).
   */
  startAfterMs?: number;
  /** Where the index is cached between runs (see cache.ts); none for in-memory libraries. */
  cacheFile?: string;
}

export interface ForTagOptions {
  limit?: number;
  /** `inbox`: every Inbox paper; `lastSync`: only those that arrived with the latest sync run. */
  scope?: 'inbox' | 'lastSync';
}

const registry = new WeakMap<object, RecsService>();

export class RecsService {
  private ix: TfIdfIndex | null = null;
  private build: Build | null = null;
  private buildMs: number | null = null;
  private readonly pending = new Set<number>();
  private pendingAll = false;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private readonly models = new Map<string, CachedModel>();
  private disposed = false;
  private readonly off: (() => void) | null;

  private startTimer: NodeJS.Timeout | null = null;

  private readonly cacheFile: string | null;
  /** The index differs from the cache file. */
  private dirty = false;
  private fromCache = false;

  constructor(
    private readonly db: ReadDb,
    opts: RecsOptions = {},
  ) {
    registry.set(db.$client, this);
    this.cacheFile = opts.cacheFile ?? null;
    this.off = opts.events?.on('papers:changed', ({ ids }) => this.changed(ids)) ?? null;
    if (opts.startAfterMs !== undefined) {
      this.startTimer = setTimeout(() => this.start(), opts.startAfterMs);
      this.startTimer.unref?.();
    }
  }

  /** The service attached to this library, created on first use. */
  static for(db: ReadDb): RecsService {
    return registry.get(db.$client) ?? new RecsService(db);
  }

  /** Start building the index in the background. */
  start(): void {
    if (!this.ix && !this.build) this.startBuild();
  }

  dispose(): void {
    this.disposed = true;
    this.off?.();
    if (this.timer) clearTimeout(this.timer);
    if (this.startTimer) clearTimeout(this.startTimer);
    if (registry.get(this.db.$client) === this) registry.delete(this.db.$client);
    this.build = null;
    if (this.dirty) this.save();
  }

  private save(): void {
    if (!this.cacheFile || !this.ix) return;
    try {
      saveIndex(this.ix, this.cacheFile);
      this.dirty = false;
    } catch (e) {
      console.error('[recs] could not cache the index:', e);
    }
  }

  stats(): RecsStatus {
    return {
      papers: this.ix?.size ?? 0,
      buildMs: this.buildMs,
      fromCache: this.fromCache,
      rebuilding: this.build !== null,
      models: this.models.size,
    };
  }

  /** Build the index: from the cache file when there is one (reconciled with the library), else from scratch. */
  private startBuild(fresh = false): void {
    const t0 = performance.now();
    const cached = !fresh && this.cacheFile ? readIndex(this.cacheFile) : null;
    const loadedVersion = cached?.version ?? -1;
    const gen = cached ? reconcile(cached, q.docPager(this.db)) : TfIdfIndex.build(q.docPager(this.db));
    let finish!: () => void;
    const done = new Promise<void>((ok) => (finish = ok));
    const build: Build = { gen, done, finish };
    this.build = build;
    const complete = (ix: TfIdfIndex) => {
      if (this.build !== build) return;
      this.build = null;
      this.ix = ix;
      this.buildMs = performance.now() - t0;
      this.fromCache = cached !== null;
      if (ix.version !== loadedVersion) this.save();
      build.finish();
      // Changes that raced with the build are applied on top.
      if (this.pending.size || this.pendingAll) this.schedule(0);
    };
    build.complete = complete;
    this.sliced(gen, () => this.disposed || this.build !== build).then(
      (ix) => (ix ? complete(ix) : build.finish()),
      (e: unknown) => {
        console.error('[recs] index build failed:', e);
        if (this.build === build) this.build = null;
        build.finish();
      },
    );
  }

  /** The index, finishing a pending build right now if there is one (blocking). */
  index(): TfIdfIndex {
    if (this.build && !this.ix) this.finishBuildNow();
    if (!this.ix) {
      this.startBuild();
      this.finishBuildNow();
    }
    return this.ix!;
  }

  private finishBuildNow(): void {
    const b = this.build!;
    let r = b.gen.next();
    while (!r.done) r = b.gen.next();
    b.complete!(r.value);
  }

  /** The index once the background build is done (never blocks the event loop for long). */
  async ready(): Promise<TfIdfIndex> {
    this.start();
    while (!this.ix && this.build) await this.build.done;
    // Answer with every change already announced: apply queued ones now rather than after the debounce.
    if (this.timer && !this.build && !this.flushing) {
      clearTimeout(this.timer);
      this.timer = null;
      this.flushing = this.flush().finally(() => (this.flushing = null));
    }
    if (this.flushing) await this.flushing;
    return this.index();
  }

  /** Resolves once every queued change is applied and no build is running (tests, shutdown). */
  async idle(): Promise<void> {
    for (;;) {
      if (this.build) await this.build.done;
      else if (this.flushing) await this.flushing;
      else if (this.timer || this.pending.size || this.pendingAll) await new Promise((ok) => setTimeout(ok, 20));
      else return;
    }
  }

  // ── incremental updates ──

  private changed(ids: number[] | 'all'): void {
    if (ids === 'all') this.pendingAll = true;
    else for (const id of ids) this.pending.add(id);
    this.schedule(DEBOUNCE_MS);
  }

  private schedule(ms: number): void {
    if (this.timer || this.disposed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.build || this.flushing) return this.schedule(DEBOUNCE_MS);
      this.flushing = this.flush().finally(() => (this.flushing = null));
    }, ms);
    this.timer.unref?.();
  }

  /** Apply pending changes in slices of 200 papers. */
  private async flush(): Promise<void> {
    const ix = this.ix;
    if (!ix) return;
    if (this.pendingAll) {
      this.pendingAll = false;
      this.pending.clear();
      this.startBuild();
      return;
    }
    const ids = [...this.pending];
    this.pending.clear();
    for (let i = 0; i < ids.length && !this.disposed; i += 200) {
      const part = ids.slice(i, i + 200);
      const docs = q.docsByIds(this.db, part);
      const found = new Set(docs.map((d) => d.id));
      for (const d of docs) {
        if (ix.textChanged(d)) ix.upsert(d);
        else ix.setMeta(d.id, d.state, d.starred);
      }
      for (const id of part) if (!found.has(id)) ix.remove(id);
      this.dirty = true;
      await new Promise((ok) => setImmediate(ok));
    }
    // Enough new papers to shift the IDF: rebuild in the background, keep serving the old index.
    if (ix.driftSinceRebuild > Math.max(200, ix.size * 0.2)) this.startRebuild();
    else void this.warmModels();
  }

  private startRebuild(): void {
    const old = this.ix;
    this.startBuild(true);
    this.ix = old;
  }

  // ── models ──

  /**
   * The cached model for `key`, retrained when the index or the labels changed. `negTiers` gives
   * negative rows in order of preference: the first tier fills up to half the budget.
   */
  private *modelSteps(
    key: string,
    ix: TfIdfIndex,
    posIds: number[],
    negTiers: (pos: Set<number>) => number[][],
  ): Generator<void, CachedModel> {
    const posAll = posIds.map((id) => ix.row(id)).filter((r): r is number => r !== undefined);
    const rand = prng(posAll.length * 7919 + 13);
    const sig = `${ix.version}:${posIds.length}:${posIds.reduce((h, id) => (Math.imul(h, 31) + id) | 0, 7)}`;
    const hit = this.models.get(key);
    if (hit && hit.sig === sig) return hit;
    const posRows = sample(posAll, MAX_POSITIVES, rand);
    const posSet = new Set(posAll);
    const budget = Math.min(MAX_NEGATIVES, Math.max(1000, posRows.length * 3));
    const negRows: number[] = [];
    const tiers = negTiers(posSet);
    for (const [i, tier] of tiers.entries()) {
      const room = budget - negRows.length;
      negRows.push(...sample(tier, i === 0 && tiers.length > 1 ? Math.floor(room / 2) : room, rand));
    }
    const model = yield* trainSteps(ix, posRows, negRows);
    // The index may have moved on while training ran in slices: the next query retrains then.
    const authors = new Set<string>();
    for (const b of q.briefs(this.db, sample(posIds, 500, rand)).values()) for (const t of authorTokens(b.authorsText)) authors.add(t);
    const negScores = Float64Array.from(negRows, (r) => score(ix, model, r)).sort();
    const entry = { sig, model, negScores, posRows, authors };
    this.models.delete(key);
    this.models.set(key, entry);
    // Keep a handful: each model is a 4 MB dense vector.
    while (this.models.size > 8) this.models.delete(this.models.keys().next().value!);
    return entry;
  }

  private tagModel(tagId: number, ix: TfIdfIndex, posIds: number[]): Generator<void, CachedModel> {
    return this.modelSteps(`tag:${tagId}`, ix, posIds, (pos) => [this.liveRows(ix, (r) => !pos.has(r))]);
  }

  private fitModel(ix: TfIdfIndex, posIds: number[]): Generator<void, CachedModel> {
    return this.modelSteps('fit', ix, posIds, (pos) => [
      this.liveRows(ix, (r) => ix.states[r] === DISMISSED && !pos.has(r)),
      this.liveRows(ix, (r) => ix.states[r] !== DISMISSED && !pos.has(r)),
    ]);
  }

  /**
   * Run a generator in ~12 ms slices between `setImmediate`s, so the event loop stays free.
   * Resolves undefined if `stop()` says so between slices.
   */
  private sliced<T>(gen: Generator<void, T>, stop?: () => boolean): Promise<T | undefined> {
    return new Promise((ok, fail) => {
      const step = () => {
        if (stop?.()) return ok(undefined);
        const t = performance.now();
        try {
          for (;;) {
            const r = gen.next();
            if (r.done) return ok(r.value);
            if (performance.now() - t > SLICE_MS) break;
          }
        } catch (e) {
          return fail(e as Error);
        }
        setImmediate(step);
      };
      setImmediate(step);
    });
  }

  /** Train (in slices) whatever model `forTag` / `fitScores` will need, so they answer at once. */
  async prepareTag(tagId: number): Promise<void> {
    const ix = await this.ready();
    q.tagById(this.db, tagId);
    const posIds = q.tagPaperIds(this.db, tagId);
    if (posIds.length) await this.sliced(this.tagModel(tagId, ix, posIds));
  }

  async prepareFit(): Promise<void> {
    const ix = await this.ready();
    const posIds = q.fitPositiveIds(this.db);
    if (posIds.length) await this.sliced(this.fitModel(ix, posIds));
  }

  /** After papers changed: retrain the models in use, in the background. */
  private async warmModels(): Promise<void> {
    for (const key of [...this.models.keys()].slice(-3)) {
      if (this.disposed) return;
      try {
        if (key === 'fit') await this.prepareFit();
        else await this.prepareTag(Number(key.slice(4)));
      } catch {
        this.models.delete(key); // e.g. the tag was deleted
      }
    }
  }

  private liveRows(ix: TfIdfIndex, keep: (r: number) => boolean): number[] {
    const out: number[] = [];
    for (let r = 0; r < ix.ids.length; r++) if (ix.states[r]! >= 0 && keep(r)) out.push(r);
    return out;
  }

  // ── queries ──

  /** Papers most like `paperId` among the library and the Inbox (cosine over TF-IDF). */
  similar(paperId: number, limit = 10): RecPaper[] {
    const ix = this.index();
    let r = ix.row(paperId);
    if (r === undefined) {
      const [doc] = q.docsByIds(this.db, [paperId]);
      if (!doc) throw new AppError('not-found', `There is no paper with id ${paperId}.`);
      ix.upsert(doc);
      r = ix.row(paperId)!;
    }
    const dense = new Float32Array(DIM);
    ix.scatter(r, dense);
    const top: { r: number; s: number }[] = [];
    for (let c = 0; c < ix.ids.length; c++) {
      const st = ix.states[c]!;
      if (c === r || st < 0 || st === DISMISSED) continue;
      const s = ix.dot(c, dense);
      if (s <= 0.02 || (top.length >= limit && s <= top[top.length - 1]!.s)) continue;
      let i = top.length;
      while (i > 0 && top[i - 1]!.s < s) i--;
      top.splice(i, 0, { r: c, s });
      if (top.length > limit) top.pop();
    }
    const all = q.briefs(this.db, [paperId, ...top.map((t) => ix.ids[t.r]!)]);
    const mine = authorTokens(all.get(paperId)?.authorsText ?? '');
    return top.flatMap(({ r: c, s }) => {
      const b = all.get(ix.ids[c]!);
      if (!b) return [];
      const terms = topTerms(ix, c, b, (h) => dense[h]!);
      const authors = sharedAuthors(b.authorsText, mine);
      return [toRec(b, s, terms, authors, null, reasonText(terms, authors))];
    });
  }

  /** Rank Inbox papers by a classifier trained on the papers under `tagId` (children included). */
  forTag(tagId: number, opts: ForTagOptions = {}): ForTagResult {
    const tag = q.tagById(this.db, tagId);
    const posIds = q.tagPaperIds(this.db, tagId);
    if (!posIds.length) return { tag, items: [], positives: 0, candidates: 0 };
    const ix = this.index();
    return { tag, ...this.rank(ix, drain(this.tagModel(tagId, ix, posIds)), posIds, opts) };
  }

  /**
   * "For you": rank Inbox papers with the fit model (tagged + starred papers against dismissed
   * ones and a sample of the rest): the digest's fit order, with reasons.
   */
  forYou(opts: ForTagOptions = {}): RankResult {
    const posIds = q.fitPositiveIds(this.db);
    if (!posIds.length) return { items: [], positives: 0, candidates: 0 };
    const ix = this.index();
    return this.rank(ix, drain(this.fitModel(ix, posIds)), posIds, opts);
  }

  /** Rank the Inbox (or the latest sync's arrivals) with a model, skipping its own positives. */
  private rank(ix: TfIdfIndex, m: CachedModel, posIds: number[], opts: ForTagOptions): RankResult {
    const limit = opts.limit ?? 50;
    const posSet = new Set(posIds);
    let cands: number[];
    if (opts.scope === 'lastSync') {
      cands = q
        .lastSyncPaperIds(this.db)
        .map((id) => ix.row(id))
        .filter((r): r is number => r !== undefined && ix.states[r] === INBOX);
    } else cands = this.liveRows(ix, (r) => ix.states[r] === INBOX);
    cands = cands.filter((r) => !posSet.has(ix.ids[r]!));
    const scored = cands.map((r) => ({ r, s: score(ix, m.model, r) }));
    scored.sort((a, b) => b.s - a.s);
    const top = scored.slice(0, limit);
    const nearestRows = m.posRows.slice(0, 400);
    const nearest = top.map(({ r }) => {
      let best = -1;
      let bestS = 0;
      for (const p of nearestRows) {
        const c = ix.cosine(r, p);
        if (c > bestS) [best, bestS] = [p, c];
      }
      return best >= 0 ? ix.ids[best]! : null;
    });
    const bs = q.briefs(this.db, [...top.map((t) => ix.ids[t.r]!), ...nearest.filter((id) => id !== null)]);
    const items = top.flatMap(({ r, s }, i) => {
      const b = bs.get(ix.ids[r]!);
      if (!b) return [];
      const terms = topTerms(ix, r, b, (h) => m.model.w[h]!, 3);
      // Authors the positives share, and whom the model learned to like.
      const authors = sharedAuthors(b.authorsText, m.authors).filter((a) => m.model.w[hashTerm(authorToken(a)!)]! > 0.05);
      const n = nearest[i] != null ? bs.get(nearest[i]) : undefined;
      const near = n ? { id: n.id, title: n.title } : null;
      const rec = toRec(b, s, terms, authors, near, reasonText(terms, authors, near?.title ?? null));
      return [{ ...rec, strength: Math.round(beats(m.negScores, s) * 1000) / 1000 }];
    });
    return { items, positives: posIds.length, candidates: cands.length };
  }

  /**
   * Fit of each paper to the researcher's tagged and starred papers (0–1), from a classifier whose
   * negatives are the dismissed papers plus a sample of the rest. Null for every paper while
   * nothing is tagged or starred, and for ids that are not in the library.
   */
  fitScores(ids: readonly number[]): FitScore[] {
    const posIds = q.fitPositiveIds(this.db);
    if (!posIds.length) return ids.map((id) => ({ id, score: null }));
    const ix = this.index();
    const m = drain(this.fitModel(ix, posIds));
    return ids.map((id) => {
      const r = ix.row(id);
      return { id, score: r === undefined ? null : score(ix, m.model, r) };
    });
  }
}

/** The share of `sorted` (ascending) strictly below `x`. */
function beats(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length ? lo / sorted.length : 0;
}

function toRec(
  b: q.PaperBrief,
  s: number,
  terms: string[],
  authors: string[],
  nearest: RecPaper['nearest'],
  reason: string,
): RecPaper {
  return {
    id: b.id,
    arxivId: b.arxivId,
    title: b.title,
    authors: splitAuthors(b.authorsText),
    state: b.state,
    publishedAt: b.publishedAt,
    score: Math.round(s * 1000) / 1000,
    strength: Math.round(s * 1000) / 1000,
    reason,
    terms,
    sharedAuthors: authors,
    nearest,
  };
}

/**
 * Fit scores for the digest ("New since last sync" sorted by fit): a plain function of the
 * library, usable from any handler or query. Uses the app's RecsService when there is one (its
 * cached model), or builds the index on first use (CLI, tests). Returns a score per id, in order.
 */
export function fitScores(db: ReadDb, ids: readonly number[]): FitScore[] {
  return RecsService.for(db).fitScores(ids);
}

/** Where a library folder keeps its recommendation index cache. */
export function recsCacheFile(libraryDir: string): string {
  return join(libraryDir, 'cache', 'recs-index.bin');
}
