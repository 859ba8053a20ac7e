/**
 * Sidebar data: tags (with counts incl. children), sync sources, HF days and saved searches.
 * Reloaded when the core says tags or papers changed.
 */
import { create } from 'zustand';
import type { DayCount, SavedSearch, SourceCount, TagNode } from '@shared/library';
import { api } from '../api/client';

interface TagState {
  tags: TagNode[];
  sources: SourceCount[];
  days: DayCount[];
  searches: SavedSearch[];
  error: string | null;
}

const initial: TagState = { tags: [], sources: [], days: [], searches: [], error: null };
export const useTagStore = create<TagState>()(() => ({ ...initial }));
export const resetTagStore = () => useTagStore.setState({ ...initial });

/** Everything in the sidebar (at start). */
export async function reloadSidebar(): Promise<void> {
  await Promise.all([reloadTags(), reloadSources()]);
}

async function load(fetch: () => Promise<Partial<TagState>>): Promise<void> {
  try {
    useTagStore.setState({ ...(await fetch()), error: null });
  } catch (e) {
    useTagStore.setState({ error: (e as Error).message });
  }
}

/** Tags and their counts change only with tag edits and deletions (`tags:changed`). */
export const reloadTags = () =>
  load(async () => {
    const [tags, searches] = await Promise.all([api().invoke('tags:list', {}), api().invoke('searches:list', {})]);
    return { tags, searches };
  });

/** Sync sources and HF days change when papers arrive (`papers:changed`). */
export const reloadSources = () =>
  load(async () => {
    const [sources, days] = await Promise.all([api().invoke('library:sources', {}), api().invoke('library:days', {})]);
    return { sources, days };
  });

export async function addTagsTo(ids: number[], paths: string[]): Promise<void> {
  if (ids.length && paths.length) await api().invoke('papers:addTags', { ids, paths });
}

export async function removeTagsFrom(ids: number[], tagIds: number[]): Promise<void> {
  if (ids.length && tagIds.length) await api().invoke('papers:removeTags', { ids, tagIds });
}

export const renameTag = (id: number, path: string) => api().invoke('tags:rename', { id, path });
export const mergeTag = (from: number, into: number) => api().invoke('tags:merge', { from, into });
export const deleteTag = (id: number) => api().invoke('tags:delete', { id });
export const setTagColor = (id: number, color: string | null) => api().invoke('tags:setColor', { id, color });
export const createTag = (path: string) => api().invoke('tags:create', { path });

export async function saveSearch(name: string, query: string, filters: Record<string, unknown>): Promise<SavedSearch> {
  const s = await api().invoke('searches:save', { name, query, filters });
  await reloadSidebar();
  return s;
}

export async function deleteSearch(id: number): Promise<void> {
  await api().invoke('searches:delete', { id });
  await reloadSidebar();
}

// Selectors
export const selectTags = (s: TagState) => s.tags;
export const selectDays = (s: TagState) => s.days;
