/**
 * Recommendations (#8): the "Similar papers" list of the paper in the detail pane, and the
 * "More like #tag" view (Discover). Data comes from the core's recs:* calls; both refresh when
 * papers change (new arrivals, triage, tags).
 */
import { create } from 'zustand';
import type { RankResult, RecPaper, RecTag } from '@shared/recs';
import { api } from '../api/client';
import { useLibraryStore } from './libraryStore';

export type DiscoverScope = 'inbox' | 'lastSync';
/** A tag id, or `fit`: everything tagged or starred ("For you"). */
export type DiscoverTarget = number | 'fit';

export interface Ranking extends RankResult {
  target: DiscoverTarget;
  /** `#ml/rl`, or `tagged + starred`. */
  label: string;
}

interface RecsState {
  similarFor: number | null;
  similar: RecPaper[] | null;
  similarError: string | null;
  /** The "More like #tag" view covers the paper list while open. */
  discoverOpen: boolean;
  tags: RecTag[] | null;
  tagId: DiscoverTarget | null;
  scope: DiscoverScope;
  result: Ranking | null;
  loading: boolean;
  error: string | null;
}

const initial: RecsState = {
  similarFor: null,
  similar: null,
  similarError: null,
  discoverOpen: false,
  tags: null,
  tagId: null,
  scope: 'inbox',
  result: null,
  loading: false,
  error: null,
};

export const useRecsStore = create<RecsState>()(() => ({ ...initial }));
export const resetRecsStore = () => useRecsStore.setState({ ...initial });

export const SIMILAR_LIMIT = 8;

export async function loadSimilar(paperId: number | null): Promise<void> {
  const keep = useRecsStore.getState().similarFor === paperId;
  useRecsStore.setState({ similarFor: paperId, similarError: null, ...(keep ? {} : { similar: null }) });
  if (paperId === null) return;
  try {
    const similar = await api().invoke('recs:similar', { paperId, limit: SIMILAR_LIMIT });
    if (useRecsStore.getState().similarFor === paperId) useRecsStore.setState({ similar });
  } catch (e) {
    if (useRecsStore.getState().similarFor === paperId) useRecsStore.setState({ similarError: (e as Error).message, similar: [] });
  }
}

export async function loadTags(): Promise<RecTag[]> {
  const tags = await api().invoke('recs:tags', {});
  useRecsStore.setState({ tags });
  return tags;
}

let ranking = 0;
export async function loadRanking(): Promise<void> {
  const { tagId, scope } = useRecsStore.getState();
  if (tagId === null) return useRecsStore.setState({ result: null, loading: false });
  const mine = ++ranking;
  useRecsStore.setState({ loading: true, error: null });
  try {
    const result: Ranking =
      tagId === 'fit'
        ? { ...(await api().invoke('recs:forYou', { scope, limit: 100 })), target: 'fit', label: 'tagged + starred' }
        : await api()
            .invoke('recs:forTag', { tagId, scope, limit: 100 })
            .then((r) => ({ ...r, target: tagId, label: `#${r.tag.path}` }));
    if (mine === ranking) useRecsStore.setState({ result, loading: false });
  } catch (e) {
    if (mine === ranking) useRecsStore.setState({ error: (e as Error).message, loading: false });
  }
}

/** Open "More like #tag", on `tagId` or the last tag picked (else the biggest tag). */
export async function openDiscover(tagId?: DiscoverTarget): Promise<void> {
  useRecsStore.setState({ discoverOpen: true });
  const tags = await loadTags().catch((e: Error) => {
    useRecsStore.setState({ error: e.message });
    return [];
  });
  const cur = useRecsStore.getState().tagId;
  const pick =
    tagId ??
    (cur === 'fit' || (cur !== null && tags.some((t) => t.id === cur)) ? cur : null) ??
    [...tags].sort((a, b) => b.count - a.count)[0]?.id ??
    'fit';
  useRecsStore.setState({ tagId: pick });
  await loadRanking();
}

export function closeDiscover(): void {
  useRecsStore.setState({ discoverOpen: false });
}

export function setDiscoverTag(tagId: DiscoverTarget): Promise<void> {
  useRecsStore.setState({ tagId, result: null });
  return loadRanking();
}

export function setDiscoverScope(scope: DiscoverScope): Promise<void> {
  useRecsStore.setState({ scope });
  return loadRanking();
}

/** Keep or dismiss a recommended paper straight from the ranking. */
export async function triage(id: number, state: 'library' | 'dismissed'): Promise<void> {
  await api().invoke('papers:setState', { ids: [id], state });
}

let refreshTimer: ReturnType<typeof setTimeout> | null = null;
/** After papers change (arrivals, triage, tags): refresh what is on screen, batched. */
export function refreshRecs(): void {
  if (refreshTimer) return;
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    const s = useRecsStore.getState();
    if (s.similarFor !== null) void loadSimilar(s.similarFor);
    if (s.discoverOpen) {
      void loadTags().then((tags) => {
        // The picked tag may have been deleted meanwhile: fall back to everything tagged or starred.
        const cur = useRecsStore.getState().tagId;
        if (typeof cur === 'number' && !tags.some((t) => t.id === cur)) useRecsStore.setState({ tagId: 'fit' });
        return loadRanking();
      });
    }
  }, 200);
}

/** Subscribe to the core's changes; returns the unsubscribe function (call once, from App). */
export function watchRecs(): () => void {
  return api().on('papers:changed', refreshRecs);
}

// Picking a library view in the sidebar (which reloads the list from scratch) leaves Discover.
useLibraryStore.subscribe((s, prev) => {
  if (s.generation !== prev.generation && s.total === null && useRecsStore.getState().discoverOpen) closeDiscover();
});

// Selectors
export const selectDiscoverOpen = (s: RecsState) => s.discoverOpen;
export const selectSimilar = (s: RecsState) => s.similar;
