/**
 * The library list: which view, how it is sorted, and the rows loaded so far. Rows are fetched
 * from SQL in pages as the table scrolls (a sparse cache by offset), never held all at once.
 */
import { create } from 'zustand';
import type { PaperRow } from '@shared/domain';
import type { PaperQuery } from '@shared/ipc/contract';
import { api } from '../api/client';

export type ViewId = NonNullable<PaperQuery['view']>;
export type SortKey = NonNullable<PaperQuery['sort']>;

export const PAGE_SIZE = 200;

interface LibraryState {
  view: ViewId;
  sort: SortKey;
  dir: 'asc' | 'desc';
  total: number | null;
  /** Loaded rows by their offset in the current ordering. */
  rows: Map<number, PaperRow>;
  loadingPages: Set<number>;
  error: string | null;
  /** Bumped on every reset so late responses for an old query are dropped. */
  generation: number;
  selectedId: number | null;
}

const initial: LibraryState = {
  view: 'all',
  sort: 'published',
  dir: 'desc',
  total: null,
  rows: new Map(),
  loadingPages: new Set(),
  error: null,
  generation: 0,
  selectedId: null,
};

export const useLibraryStore = create<LibraryState>()(() => ({ ...initial }));

export function resetLibraryStore(): void {
  useLibraryStore.setState({ ...initial, rows: new Map(), loadingPages: new Set() });
}

export async function loadPage(page: number): Promise<void> {
  const s = useLibraryStore.getState();
  if (s.loadingPages.has(page)) return;
  const generation = s.generation;
  useLibraryStore.setState({ loadingPages: new Set(s.loadingPages).add(page) });
  try {
    const res = await api().invoke('papers:list', {
      view: s.view,
      sort: s.sort,
      dir: s.dir,
      offset: page * PAGE_SIZE,
      limit: PAGE_SIZE,
    });
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
    useLibraryStore.setState({ error: (e as Error).message, loadingPages });
  }
}

/** Drop the cache and load the first page again (after a view, sort or data change). */
export function reload(patch: Partial<Pick<LibraryState, 'view' | 'sort' | 'dir'>> = {}): Promise<void> {
  useLibraryStore.setState((s) => ({
    ...patch,
    rows: new Map(),
    loadingPages: new Set(),
    total: Object.keys(patch).length ? null : s.total,
    generation: s.generation + 1,
  }));
  return loadPage(0);
}

export function setView(view: ViewId): Promise<void> {
  useLibraryStore.setState({ selectedId: null });
  return reload({ view });
}

export function toggleSort(sort: SortKey): Promise<void> {
  const s = useLibraryStore.getState();
  const dir = s.sort === sort ? (s.dir === 'asc' ? 'desc' : 'asc') : sort === 'title' ? 'asc' : 'desc';
  return reload({ sort, dir });
}

export function select(id: number | null): void {
  useLibraryStore.setState({ selectedId: id });
}

// Selectors
export const selectTotal = (s: LibraryState) => s.total;
export const selectSelectedId = (s: LibraryState) => s.selectedId;
