import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '@shared/ipc/contract';
import type { PaperRow } from '@shared/domain';
import { setApi } from '../api/client';
import { PAGE_SIZE, loadPage, reload, resetLibraryStore, setBaseView, toggleSort, useLibraryStore } from './libraryStore';

const row = (id: number): PaperRow => ({
  id, arxivId: null, version: null, title: `Paper ${id}`, authors: [], publishedAt: null, upvotes: null,
  state: 'inbox', starred: false, tags: [], pdfState: 'none', addedAt: '',
});

function fakeApi(total: number) {
  const invoke = vi.fn(async (_c: string, args: { offset: number; limit: number }) => ({
    rows: Array.from({ length: Math.max(0, Math.min(args.limit, total - args.offset)) }, (_, i) => row(args.offset + i + 1)),
    total,
  }));
  setApi({ invoke, on: () => () => {} } as unknown as Api);
  return invoke;
}

describe('libraryStore', () => {
  beforeEach(() => resetLibraryStore());
  afterEach(() => setApi(null));

  it('loads rows page by page from SQL, keyed by their offset', async () => {
    const invoke = fakeApi(450);
    await reload();
    expect(useLibraryStore.getState().total).toBe(450);
    expect(useLibraryStore.getState().rows.size).toBe(PAGE_SIZE);
    await loadPage(2);
    expect(invoke).toHaveBeenLastCalledWith('papers:list', expect.objectContaining({ offset: 400, limit: PAGE_SIZE }));
    expect(useLibraryStore.getState().rows.get(449)?.id).toBe(450);
  });

  it('changing the view or sort drops rows of the old query', async () => {
    const invoke = fakeApi(10);
    await reload();
    await setBaseView('starred');
    expect(invoke).toHaveBeenLastCalledWith('papers:list', expect.objectContaining({ view: 'starred' }));
    await toggleSort('published');
    expect(useLibraryStore.getState().dir).toBe('asc');
    await toggleSort('title');
    expect(useLibraryStore.getState()).toMatchObject({ sort: 'title', dir: 'asc' });
  });

  it('drops a late answer for a query that is no longer shown', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    setApi({
      invoke: vi.fn(async (_c: string, a: { view: string }) => {
        if (a.view === 'all') await gate;
        return { rows: [row(a.view === 'all' ? 1 : 2)], total: 1 };
      }),
      on: () => () => {},
    } as unknown as Api);
    const stale = reload();
    await setBaseView('read');
    release();
    await stale;
    expect(useLibraryStore.getState().rows.get(0)?.id).toBe(2);
  });
});
