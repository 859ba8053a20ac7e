/**
 * The reader's annotations, outside React (Zotero `annotation-manager.js`): an in-memory list in
 * sort-index order, undo/redo, and saving through injected callbacks only.
 *
 * Saving: a new annotation (or an undone delete) is saved at once — other things want its id,
 * and "new" must reach SQLite within a second. Changes are debounced (`debounceMs`, 1 s) but never
 * held longer than `maxWaitMs` (10 s). Patches of one annotation merge, so a save carries exactly
 * the fields that changed and can never drop another field. `flush({ keepalive: true })` sends
 * everything pending at once, for tab and window close. Failed saves are kept and retried.
 */
import type { Annotation, AnnotationInput } from '@shared/annotations';

export type NewAnnotation = Pick<Annotation, 'kind' | 'color' | 'pageIndex' | 'rects' | 'sortIndex'> &
  Partial<Pick<Annotation, 'text' | 'comment' | 'tags' | 'id'>>;
export type AnnotationPatch = Partial<Pick<Annotation, 'color' | 'comment' | 'tags' | 'rects' | 'sortIndex' | 'pageIndex' | 'kind'>>;
export interface SaveOptions {
  keepalive: boolean;
}
export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error';

export interface ManagerOptions {
  paperId: number;
  pdfSha256: string | null;
  annotations: Annotation[];
  onSave: (annotations: AnnotationInput[], opts: SaveOptions) => Promise<unknown>;
  onDelete: (ids: string[], opts: SaveOptions) => Promise<unknown>;
  onChange?: () => void;
  debounceMs?: number;
  maxWaitMs?: number;
  retryMs?: number;
  now?: () => string;
  newId?: () => string;
}

type HistoryEntry =
  | { type: 'add'; after: Annotation }
  | { type: 'update'; before: Annotation; after: Annotation; at: number }
  | { type: 'delete'; before: Annotation[] };

const bySortIndex = (a: Annotation, b: Annotation) =>
  a.sortIndex < b.sortIndex ? -1 : a.sortIndex > b.sortIndex ? 1 : a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;

export class AnnotationManager {
  private readonly items = new Map<string, Annotation>();
  private sorted: Annotation[] | null = null;
  /** Unsaved changes by id; `full` for annotations the database has not seen yet. */
  private readonly pending = new Map<string, { input: AnnotationInput; full: boolean }>();
  private readonly pendingDeletes = new Set<string>();
  private readonly saved = new Set<string>();
  /** How many times the user deleted annotations (not counting undo/redo): for "Undo" toasts. */
  deletions = 0;
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstPendingAt: number | null = null;
  private chain: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private failed = false;
  private destroyed = false;
  private readonly listeners = new Set<() => void>();
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly retryMs: number;
  private readonly now: () => string;
  private readonly newId: () => string;

  constructor(private readonly opts: ManagerOptions) {
    for (const a of opts.annotations) {
      this.items.set(a.id, a);
      this.saved.add(a.id);
    }
    this.debounceMs = opts.debounceMs ?? 1000;
    this.maxWaitMs = opts.maxWaitMs ?? 10_000;
    this.retryMs = opts.retryMs ?? 2000;
    this.now = opts.now ?? (() => new Date().toISOString());
    this.newId = opts.newId ?? (() => crypto.randomUUID());
    if (opts.onChange) this.listeners.add(opts.onChange);
  }

  // ── reading ──
  list(): Annotation[] {
    return (this.sorted ??= [...this.items.values()].sort(bySortIndex));
  }
  get(id: string): Annotation | undefined {
    return this.items.get(id);
  }
  onPage(pageIndex: number): Annotation[] {
    return this.list().filter((a) => a.pageIndex === pageIndex);
  }
  get status(): SaveStatus {
    if (this.failed) return 'error';
    if (this.inFlight) return 'saving';
    return this.pending.size || this.pendingDeletes.size ? 'pending' : 'saved';
  }
  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }
  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }
  subscribe(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  // ── editing ──
  add(input: NewAnnotation): Annotation {
    const at = this.now();
    const a: Annotation = {
      id: input.id ?? this.newId(),
      paperId: this.opts.paperId,
      pdfSha256: this.opts.pdfSha256,
      kind: input.kind,
      color: input.color,
      pageIndex: input.pageIndex,
      rects: input.rects,
      sortIndex: input.sortIndex,
      text: input.text ?? null,
      comment: input.comment ?? null,
      tags: input.tags ?? [],
      createdAt: at,
      updatedAt: at,
    };
    this.insert(a);
    this.record({ type: 'add', after: a });
    return a;
  }

  update(id: string, patch: AnnotationPatch): Annotation | undefined {
    const before = this.items.get(id);
    if (!before) return undefined;
    const changed = (Object.keys(patch) as (keyof AnnotationPatch)[]).filter(
      (k) => JSON.stringify(patch[k]) !== JSON.stringify(before[k]),
    );
    if (!changed.length) return before;
    const after = this.apply(before, Object.fromEntries(changed.map((k) => [k, patch[k]])) as AnnotationPatch);
    // Typing a comment is one step of history, not one per keystroke.
    const last = this.undoStack.at(-1);
    const t = Date.now();
    if (last?.type === 'update' && last.after.id === id && t - last.at < 1500 && changed.every((k) => k === 'comment') && this.redoStack.length === 0) {
      last.after = after;
      last.at = t;
    } else this.record({ type: 'update', before, after, at: t });
    return after;
  }

  delete(ids: string[]): void {
    const before = ids.map((id) => this.items.get(id)).filter((a): a is Annotation => !!a);
    if (!before.length) return;
    this.deletions++;
    this.remove(before.map((a) => a.id));
    this.record({ type: 'delete', before });
  }

  undo(): void {
    const e = this.undoStack.pop();
    if (!e) return;
    if (e.type === 'add') this.remove([e.after.id]);
    else if (e.type === 'update') this.apply(this.items.get(e.before.id) ?? e.before, pick(e.before));
    else e.before.forEach((a) => this.insert({ ...a, updatedAt: this.now() }));
    this.redoStack.push(e);
    this.emit();
  }

  redo(): void {
    const e = this.redoStack.pop();
    if (!e) return;
    if (e.type === 'add') this.insert({ ...e.after, updatedAt: this.now() });
    else if (e.type === 'update') this.apply(this.items.get(e.after.id) ?? e.after, pick(e.after));
    else this.remove(e.before.map((a) => a.id));
    this.undoStack.push(e);
    this.emit();
  }

  // ── saving ──
  /** Send everything pending now. With `keepalive`, the transport may outlive the page. */
  flush(opts: SaveOptions = { keepalive: false }): Promise<void> {
    this.clearTimer();
    const inputs = [...this.pending.entries()];
    const deletes = [...this.pendingDeletes];
    this.pending.clear();
    this.pendingDeletes.clear();
    this.firstPendingAt = null;
    if (!inputs.length && !deletes.length) return this.chain;
    const run = async () => {
      this.inFlight++;
      this.emit();
      try {
        if (inputs.length) {
          await this.opts.onSave(
            inputs.map(([, p]) => p.input),
            opts,
          );
          inputs.forEach(([id]) => this.saved.add(id));
        }
        if (deletes.length) {
          await this.opts.onDelete(deletes, opts);
          deletes.forEach((id) => this.saved.delete(id));
        }
        this.failed = false;
      } catch {
        // Keep what failed (under anything newer) and try again.
        this.failed = true;
        for (const [id, p] of inputs) {
          const newer = this.pending.get(id);
          this.pending.set(id, { input: { ...p.input, ...newer?.input }, full: p.full || !!newer?.full });
        }
        deletes.forEach((id) => this.pendingDeletes.add(id));
        if (!this.destroyed) this.schedule(this.retryMs);
      } finally {
        this.inFlight--;
        this.emit();
      }
    };
    // Keepalive (unload) sends at once; otherwise keep saves in order.
    const p = opts.keepalive ? run() : this.chain.then(run);
    this.chain = p.catch(() => {});
    return this.chain;
  }

  /** Make sure this annotation is in the database (something else needs its id). */
  async ensureSaved(id: string): Promise<void> {
    if (this.pending.has(id)) await this.flush();
    else await this.chain;
  }

  destroy(): Promise<void> {
    const done = this.flush({ keepalive: true });
    this.destroyed = true;
    this.listeners.clear();
    return done;
  }

  // ── internals ──
  private insert(a: Annotation): void {
    this.items.set(a.id, a);
    this.sorted = null;
    this.pendingDeletes.delete(a.id);
    this.pending.set(a.id, { input: toInput(a), full: true });
    this.schedule(0);
    this.emit();
  }

  private apply(base: Annotation, patch: AnnotationPatch): Annotation {
    const after: Annotation = { ...base, ...patch, updatedAt: this.now() };
    this.items.set(after.id, after);
    this.sorted = null;
    const prev = this.pending.get(after.id);
    this.pending.set(after.id, {
      input: { ...(prev?.input ?? { id: after.id, paperId: after.paperId }), ...patch, updatedAt: after.updatedAt },
      full: prev?.full ?? false,
    });
    this.schedule(prev?.full ? 0 : this.debounceMs);
    this.emit();
    return after;
  }

  private remove(ids: string[]): void {
    for (const id of ids) {
      this.items.delete(id);
      const p = this.pending.get(id);
      this.pending.delete(id);
      // Never saved and never in flight: nothing to delete in the database.
      if (!p?.full || this.saved.has(id)) this.pendingDeletes.add(id);
    }
    this.sorted = null;
    this.schedule(0);
    this.emit();
  }

  private record(e: HistoryEntry): void {
    this.undoStack.push(e);
    if (this.undoStack.length > 200) this.undoStack.shift();
    this.redoStack = [];
    this.emit();
  }

  private schedule(delay: number): void {
    const t = Date.now();
    this.firstPendingAt ??= t;
    const wait = Math.max(0, Math.min(delay, this.firstPendingAt + this.maxWaitMs - t));
    this.clearTimer();
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

function pick(a: Annotation): AnnotationPatch {
  return { color: a.color, comment: a.comment, tags: a.tags, rects: a.rects, sortIndex: a.sortIndex, pageIndex: a.pageIndex, kind: a.kind };
}

export function toInput(a: Annotation): AnnotationInput {
  return {
    id: a.id,
    paperId: a.paperId,
    kind: a.kind,
    color: a.color,
    pageIndex: a.pageIndex,
    rects: a.rects,
    text: a.text,
    comment: a.comment,
    tags: a.tags,
    sortIndex: a.sortIndex,
    pdfSha256: a.pdfSha256,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}
