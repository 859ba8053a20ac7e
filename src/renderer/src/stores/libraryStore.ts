/**
 * The library list: which view, search and filters, how it is sorted, the rows loaded so far and
 * the selection. Rows are fetched from SQL in pages as the table scrolls (a sparse cache by
 * offset), never held all at once; sorting and filtering are done by the core.
 */
import { create } from 'zustand';
import type { PaperRow, PaperState } from '@shared/domain';
import type { PaperQuery } from '@shared/ipc/contract';
import type { SearchMatch } from '@shared/library';
import { api } from '../api/client';

export type ViewId = NonNullable<PaperQuery['view']>;
export type SortKey = NonNullable<PaperQuery['sort']>;
/** Filters a view or the filter bar sets (everything in the query besides view/sort/window/search). */
export type Filters = Omit<PaperQuery, 'view' | 'sort' | 'dir' | 'offset' | 'limit' | 'search'>;

/** A sidebar entry: a stable key (for highlighting), a title, and the query it stands for. */
export interface ViewSpec {
  key: string;
  title: string;
  view: ViewId;
  filters: Filters;
  /** Sort a view starts with (the Daily view starts by upvotes). */
  sort?: SortKey;
}

export const PAGE_SIZE = 200;

interface LibraryState {
  spec: ViewSpec;
  search: string;
  /** Filters from the filter bar, on top of the view's own. */
  extra: Filters;
  sort: SortKey;
  dir: 'asc' | 'desc';
  total: number | null;
  /** Loaded rows by their offset in the current ordering. */
  rows: Map<number, PaperRow>;
  loadingPages: Set<number>;
  error: string | null;
  /** Bumped on every reset so late responses for an old query are dropped. */
  generation: number;
  /** Snippets for searched rows, fetched for the rows on screen. */
  matches: Map<number, SearchMatch>;
  /** The focused row (keyboard cursor, shown in the detail pane). */
  cursor: number | null;
  selectedId: number | null;
  /** Multi-selection (paper ids); always contains selectedId when that is set. */
  selected: Set<number>;
  anchor: number | null;
}

export const BASE_VIEWS: ViewSpec[] = [
  { key: 'all', title: 'All papers', view: 'all', filters: {} },
  { key: 'inbox', title: 'Inbox', view: 'inbox', filters: {} },
  { key: 'library', title: 'Library', view: 'library', filters: {} },
  { key: 'reading', title: 'Reading', view: 'reading', filters: {} },
  { key: 'read', title: 'Read', view: 'read', filters: {} },
  { key: 'starred', title: 'Starred', view: 'starred', filters: {} },
  { key: 'dismissed', title: 'Dismissed', view: 'dismissed', filters: {} },
];

const initial: LibraryState = {
  spec: BASE_VIEWS[0]!,
  search: '',
  extra: {},
  sort: 'published',
  dir: 'desc',
  total: null,
  rows: new Map(),
  loadingPages: new Set(),
  error: null,
  generation: 0,
  matches: new Map(),
  cursor: null,
  selectedId: null,
  selected: new Set(),
  anchor: null,
};

export const useLibraryStore = create<LibraryState>()(() => ({ ...initial }));

export function resetLibraryStore(): void {
  useLibraryStore.setState({ ...initial, rows: new Map(), loadingPages: new Set(), matches: new Map(), selected: new Set() });
}

export function currentQuery(s: LibraryState = useLibraryStore.getState()): PaperQuery {
  const searching = s.search.trim() !== '';
  return {
    view: s.spec.view,
    ...s.spec.filters,
    ...s.extra,
    sort: s.sort === 'relevance' && !searching ? 'published' : s.sort,
    dir: s.dir,
    ...(searching ? { search: s.search } : {}),
  };
}

export async function loadPage(page: number): Promise<void> {
  const s = useLibraryStore.getState();
  if (s.loadingPages.has(page)) return;
  const generation = s.generation;
  useLibraryStore.setState({ loadingPages: new Set(s.loadingPages).add(page) });
  try {
    const res = await api().invoke('papers:list', { ...currentQuery(s), offset: page * PAGE_SIZE, limit: PAGE_SIZE });
    const cur = useLibraryStore.getState();
    if (cur.generation !== generation) return;
    const rows = new Map(cur.rows);
    res.rows.forEach((r, i) => rows.set(page * PAGE_SIZE + i, r));
    const loadingPages = new Set(cur.loadingPages);
    loadingPages.delete(page);
    useLibraryStore.setState({ rows, total: res.total, loadingPages, error: null });
  } catch (e) {
    const cur = useLibraryStore.getState();
    if (cur.generation !== generation) return;
    const loadingPages = new Set(cur.loadingPages);
    loadingPages.delete(page);
    useLibraryStore.setState({ error: (e as Error).message, loadingPages, total: cur.total ?? 0 });
  }
}

/** Fetch snippets for searched rows on screen that do not have one yet. */
export async function loadMatches(ids: number[]): Promise<void> {
  const s = useLibraryStore.getState();
  const search = s.search.trim();
  const missing = ids.filter((id) => !s.matches.has(id)).slice(0, 200);
  if (!search || !missing.length) return;
  const generation = s.generation;
  try {
    const res = await api().invoke('search:matches', { search, ids: missing });
    const cur = useLibraryStore.getState();
    if (cur.generation !== generation) return;
    const matches = new Map(cur.matches);
    for (const [id, m] of Object.entries(res)) matches.set(Number(id), m);
    useLibraryStore.setState({ matches });
  } catch {
    // Snippets are a nicety; the rows stay.
  }
}

type Patch = Partial<Pick<LibraryState, 'spec' | 'sort' | 'dir' | 'search' | 'extra'>>;

/** Drop the cache and load the first page again (after a view, sort, search or data change). */
export function reload(patch: Patch = {}): Promise<void> {
  const changesQuery = Object.keys(patch).length > 0;
  useLibraryStore.setState((s) => ({
    ...patch,
    rows: new Map(),
    loadingPages: new Set(),
    matches: changesQuery ? new Map() : s.matches,
    total: changesQuery ? null : s.total,
    generation: s.generation + 1,
  }));
  return loadPage(0);
}

const NO_SELECTION = () => ({ cursor: null, selectedId: null, selected: new Set<number>(), anchor: null });

export function setView(spec: ViewSpec): Promise<void> {
  useLibraryStore.setState(NO_SELECTION());
  const s = useLibraryStore.getState();
  // A view with its own sort (Daily: by upvotes) sets it; leaving such a view goes back to by date.
  const keep = !spec.sort && !s.spec.sort;
  const searching = s.search.trim() !== '';
  const sort = spec.sort ?? (keep ? s.sort : searching ? 'relevance' : 'published');
  const dir = keep ? s.dir : 'desc';
  return reload({ spec, sort, dir, extra: {} });
}

/** Show a built-in view by id (Inbox, Library…). */
export function setBaseView(view: ViewId): Promise<void> {
  return setView(BASE_VIEWS.find((v) => v.view === view) ?? BASE_VIEWS[0]!);
}

export function setSearch(search: string): Promise<void> {
  const s = useLibraryStore.getState();
  if (search.trim() !== s.search.trim()) useLibraryStore.setState(NO_SELECTION());
  const was = s.search.trim() !== '';
  const is = search.trim() !== '';
  const sort = is && !was ? 'relevance' : !is && s.sort === 'relevance' ? 'published' : s.sort;
  return reload({ search, sort, dir: is && !was ? 'desc' : s.dir });
}

export function setExtraFilters(extra: Filters): Promise<void> {
  useLibraryStore.setState(NO_SELECTION());
  return reload({ extra });
}

export function toggleSort(sort: SortKey): Promise<void> {
  const s = useLibraryStore.getState();
  const dir = s.sort === sort ? (s.dir === 'asc' ? 'desc' : 'asc') : sort === 'title' || sort === 'authors' ? 'asc' : 'desc';
  return reload({ sort, dir });
}

// ── Selection ─────────────────────────────────────────────────────────────────────────────

/** Rows loaded between two offsets (inclusive), in order. */
function idsBetween(a: number, b: number): number[] {
  const { rows } = useLibraryStore.getState();
  const out: number[] = [];
  for (let i = Math.min(a, b); i <= Math.max(a, b); i++) {
    const r = rows.get(i);
    if (r) out.push(r.id);
  }
  return out;
}

/** Click a row: plain (only this), shift (range from the anchor), toggle (ctrl/cmd). */
export function clickRow(index: number, mode: 'only' | 'range' | 'toggle' = 'only'): void {
  const s = useLibraryStore.getState();
  const row = s.rows.get(index);
  if (!row) return;
  if (mode === 'range' && s.anchor !== null) {
    useLibraryStore.setState({ selected: new Set(idsBetween(s.anchor, index)), cursor: index, selectedId: row.id });
  } else if (mode === 'toggle') {
    const selected = new Set(s.selected);
    if (selected.has(row.id)) selected.delete(row.id);
    else selected.add(row.id);
    useLibraryStore.setState({ selected, cursor: index, selectedId: row.id, anchor: index });
  } else {
    useLibraryStore.setState({ selected: new Set([row.id]), cursor: index, selectedId: row.id, anchor: index });
  }
}

/** Move the cursor by `delta` rows (j/k), selecting only that row. */
export function moveCursor(delta: number): void {
  const s = useLibraryStore.getState();
  const max = (s.total ?? 0) - 1;
  if (max < 0) return;
  const next = Math.max(0, Math.min(max, s.cursor === null ? 0 : s.cursor + delta));
  if (s.rows.has(next)) clickRow(next);
  else useLibraryStore.setState({ cursor: next });
}

/** `x`: add or remove the focused row from the selection without moving. */
export function toggleCursorSelection(): void {
  const s = useLibraryStore.getState();
  if (s.cursor !== null) clickRow(s.cursor, 'toggle');
}

/** Select every paper of the list (all ids come from the core, not just the loaded rows). */
export async function selectAll(): Promise<void> {
  const s = useLibraryStore.getState();
  const generation = s.generation;
  useLibraryStore.setState({ selected: new Set([...s.rows.values()].map((r) => r.id)) });
  const ids = await api().invoke('papers:ids', currentQuery(s));
  if (useLibraryStore.getState().generation === generation) useLibraryStore.setState({ selected: new Set(ids) });
}

export function clearSelection(): void {
  const s = useLibraryStore.getState();
  useLibraryStore.setState({ selected: s.selectedId !== null ? new Set([s.selectedId]) : new Set() });
}

export function select(id: number | null): void {
  useLibraryStore.setState({ selectedId: id, selected: id === null ? new Set() : new Set([id]) });
}

/** Ids the bulk actions and keys act on: the selection, else the focused paper. */
export function targetIds(): number[] {
  const s = useLibraryStore.getState();
  if (s.selected.size) return [...s.selected];
  return s.selectedId !== null ? [s.selectedId] : [];
}

export function focusedRow(): PaperRow | null {
  const s = useLibraryStore.getState();
  return s.cursor !== null ? (s.rows.get(s.cursor) ?? null) : null;
}

// ── Writes ────────────────────────────────────────────────────────────────────────────────

export async function setStateFor(ids: number[], state: PaperState): Promise<void> {
  if (ids.length) await api().invoke('papers:setState', { ids, state });
}

export async function setStarredFor(ids: number[], starred: boolean): Promise<void> {
  if (ids.length) await api().invoke('papers:setStarred', { ids, starred });
}

/** Queue the PDFs of papers (the PDF queue skips ones already in the library). */
export async function downloadPdfs(ids: number[]): Promise<void> {
  if (ids.length) await api().invoke('pdfs:download', { ids });
}

export async function deletePapers(ids: number[]): Promise<number> {
  if (!ids.length) return 0;
  const r = await api().invoke('papers:delete', { ids });
  useLibraryStore.setState({ selected: new Set(), selectedId: null, cursor: null });
  return r.deleted;
}

// Selectors
export const selectTotal = (s: LibraryState) => s.total;
export const selectSelectedId = (s: LibraryState) => s.selectedId;
export const selectSelectionSize = (s: LibraryState) => s.selected.size;
export const selectSearching = (s: LibraryState) => s.search.trim() !== '';
