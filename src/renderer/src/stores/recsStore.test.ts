/**
 * The recommendations store, with a scripted api: Discover opens on the biggest tag, re-ranks on
 * a tag change, leaves when a library view is picked; Similar papers drop a stale list.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Api, ArgsOf, Channel } from '@shared/ipc/contract';
import type { ForTagResult, RecPaper, RecTag } from '@shared/recs';
import { setApi } from '../api/client';
import { resetLibraryStore, setBaseView } from './libraryStore';
import { loadSimilar, openDiscover, resetRecsStore, setDiscoverTag, useRecsStore } from './recsStore';

const TAGS: RecTag[] = [
  { id: 1, path: 'diffusion', color: null, count: 3 },
  { id: 2, path: 'rl', color: null, count: 9 },
  { id: 3, path: 'speech', color: null, count: 4 },
];
const paper = (id: number): RecPaper => ({
  id,
  arxivId: `2601.${String(id).padStart(5, '0')}`,
  title: `Paper ${id}`,
  authors: [],
  state: 'inbox',
  publishedAt: null,
  score: 0.5,
  strength: 0.9,
  reason: 'shared: x',
  terms: ['x'],
  sharedAuthors: [],
  nearest: null,
});
const calls: { channel: Channel; args: unknown }[] = [];
let release: (() => void) | null = null;

const fake: Api = {
  invoke: async <K extends Channel>(channel: K, args: ArgsOf<K>) => {
    calls.push({ channel, args });
    let out: unknown;
    if (channel === 'recs:tags') out = TAGS;
    else if (channel === 'recs:forTag') {
      const { tagId } = args as ArgsOf<'recs:forTag'>;
      const tag = TAGS.find((t) => t.id === tagId)!;
      out = { tag, items: [paper(tagId * 10)], positives: tag.count, candidates: 1 } satisfies ForTagResult;
    } else if (channel === 'recs:forYou') {
      out = { items: [paper(7)], positives: 12, candidates: 1 };
    } else if (channel === 'recs:similar') {
      const { paperId } = args as ArgsOf<'recs:similar'>;
      // The first paper's answer is held back until released, to race a newer request.
      if (paperId === 1) await new Promise<void>((ok) => (release = ok));
      out = [paper(paperId + 100)];
    } else if (channel === 'papers:list') out = { rows: [], total: 0 };
    return out as never;
  },
  on: () => () => undefined,
};
setApi(fake);
afterAll(() => setApi(null));
beforeEach(() => {
  calls.length = 0;
  resetRecsStore();
  resetLibraryStore();
});

describe('recsStore', () => {
  it('opens Discover on the biggest tag and keeps the picked one on reopening', async () => {
    await openDiscover();
    expect(useRecsStore.getState()).toMatchObject({ discoverOpen: true, tagId: 2 });
    expect(useRecsStore.getState().result?.label).toBe('#rl');
    await setDiscoverTag(3);
    expect(useRecsStore.getState().result?.items[0]?.id).toBe(30);
    await openDiscover();
    expect(useRecsStore.getState().tagId).toBe(3);
    expect(calls.filter((c) => c.channel === 'recs:forTag').at(-1)?.args).toMatchObject({ tagId: 3, scope: 'inbox' });
  });

  it('ranks by fit to everything tagged or starred, and starts there when there are no tags', async () => {
    await openDiscover('fit');
    expect(useRecsStore.getState().result).toMatchObject({ target: 'fit', label: 'tagged + starred', positives: 12 });
    const saved = TAGS.splice(0, TAGS.length);
    resetRecsStore();
    await openDiscover();
    expect(useRecsStore.getState().tagId).toBe('fit');
    TAGS.push(...saved);
  });

  it('closes when a library view is picked in the sidebar', async () => {
    await openDiscover();
    await setBaseView('inbox');
    expect(useRecsStore.getState().discoverOpen).toBe(false);
  });

  it('never shows the similar papers of a previously selected paper', async () => {
    const first = loadSimilar(1);
    await loadSimilar(2);
    expect(useRecsStore.getState().similar?.[0]?.id).toBe(102);
    release!();
    await first;
    expect(useRecsStore.getState()).toMatchObject({ similarFor: 2 });
    expect(useRecsStore.getState().similar?.[0]?.id).toBe(102);
  });
});
