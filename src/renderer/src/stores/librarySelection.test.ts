import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PaperRow } from '@shared/domain';
import type { Api, ArgsOf, Channel } from '@shared/ipc/contract';
import { setApi } from '../api/client';
import {
  clickRow, currentQuery, moveCursor, reload, resetLibraryStore, selectAll, setSearch, setView, targetIds, toggleCursorSelection,
  toggleSort, useLibraryStore, BASE_VIEWS,
} from './libraryStore';

const row = (id: number): PaperRow => ({
  id, arxivId: null, version: null, title: `Paper ${id}`, authors: [], publishedAt: null, upvotes: null, state: 'inbox',
  starred: false, tags: [], pdfState: 'none', addedAt: '',
});

let calls: { channel: Channel; args: unknown }[];
const N = 10;

beforeEach(async () => {
  calls = [];
  const fake: Api = {
    invoke: (async <K extends Channel>(channel: K, args: ArgsOf<K>) => {
      calls.push({ channel, args });
      if (channel === 'papers:list') return { rows: Array.from({ length: N }, (_, i) => row(i + 1)), total: N };
      if (channel === 'papers:ids') return Array.from({ length: N }, (_, i) => i + 1);
      return {};
    }) as Api['invoke'],
    on: () => () => {},
  };
  setApi(fake);
  resetLibraryStore();
  await reload();
});
afterEach(() => setApi(null));

const selected = () => [...useLibraryStore.getState().selected].sort((a, b) => a - b);

describe('selection', () => {
  it('click selects one; shift-click a range from the anchor; ctrl/cmd-click toggles', () => {
    clickRow(1);
    expect(selected()).toEqual([2]);
    clickRow(4, 'range');
    expect(selected()).toEqual([2, 3, 4, 5]);
    clickRow(7, 'toggle');
    clickRow(3, 'toggle');
    expect(selected()).toEqual([2, 3, 5, 8]);
    expect(useLibraryStore.getState().selectedId).toBe(4);
  });

  it('j/k move one row and select it; x adds the focused row', () => {
    moveCursor(1);
    expect(selected()).toEqual([1]);
    moveCursor(1);
    toggleCursorSelection();
    expect(selected()).toEqual([]);
    moveCursor(-5);
    expect(useLibraryStore.getState().cursor).toBe(0);
    moveCursor(100);
    expect(useLibraryStore.getState().cursor).toBe(N - 1);
    expect(targetIds()).toEqual([N]);
  });

  it('select-all takes every id of the list from the core, not only loaded rows', async () => {
    await selectAll();
    expect(selected()).toHaveLength(N);
    expect(calls.at(-1)?.channel).toBe('papers:ids');
  });

  it('changing view or search clears the selection', async () => {
    clickRow(2);
    await setSearch('graph');
    expect(selected()).toEqual([]);
    clickRow(2);
    await setView(BASE_VIEWS[1]!);
    expect(selected()).toEqual([]);
  });
});

describe('query', () => {
  it('searching sorts by relevance; clearing the search goes back to date', async () => {
    await setSearch('graph');
    expect(currentQuery()).toMatchObject({ search: 'graph', sort: 'relevance' });
    await toggleSort('title');
    expect(currentQuery()).toMatchObject({ sort: 'title', dir: 'asc' });
    await setSearch('');
    expect(currentQuery()).not.toHaveProperty('search');
    expect(currentQuery().sort).toBe('title');
    await setSearch('x');
    await setSearch('');
    expect(currentQuery().sort).toBe('published');
  });

  it('a view with its own sort (Daily) sets it, and leaving it returns to date order', async () => {
    await setView({ key: 'daily', title: 'Daily', view: 'all', filters: { featuredOn: '2026-11-27' }, sort: 'upvotes' });
    expect(currentQuery()).toMatchObject({ featuredOn: '2026-11-27', sort: 'upvotes', dir: 'desc' });
    await setView(BASE_VIEWS[0]!);
    expect(currentQuery()).toMatchObject({ view: 'all', sort: 'published' });
    expect(currentQuery()).not.toHaveProperty('featuredOn');
  });
});
