/**
 * Sync in the renderer: sources, past runs, live progress, watch rules, the Sync panel and the
 * "New since last sync" view. Subscribes to the core's sync events once (subscribeSync).
 */
import { create } from 'zustand';
import type {
  NewSinceLastSync,
  SourceSpec,
  SourceUrlSettings,
  SourceUrlsInfo,
  SyncRun,
  SyncSource,
  WatchRule,
  WatchRuleInput,
} from '@shared/sync';
import { api } from '../api/client';

export type SyncTab = 'sources' | 'runs' | 'rules' | 'settings';
export interface Progress {
  step: string;
  current: number;
  total: number | null;
}

interface SyncState {
  panelOpen: boolean;
  tab: SyncTab;
  sources: SyncSource[];
  runs: SyncRun[];
  rules: WatchRule[];
  progress: Record<number, Progress>;
  digestOpen: boolean;
  digest: NewSinceLastSync | null;
  urls: SourceUrlsInfo | null;
  error: string | null;
}

const initial: SyncState = {
  panelOpen: false,
  tab: 'sources',
  sources: [],
  runs: [],
  rules: [],
  progress: {},
  digestOpen: false,
  digest: null,
  urls: null,
  error: null,
};

export const useSyncStore = create<SyncState>()(() => ({ ...initial }));
export const resetSyncStore = () => useSyncStore.setState({ ...initial });

/** Run an action; its error message is shown in the panel instead of being thrown. */
async function attempt<T>(fn: () => Promise<T>): Promise<T | undefined> {
  try {
    const r = await fn();
    useSyncStore.setState({ error: null });
    return r;
  } catch (e) {
    useSyncStore.setState({ error: (e as Error).message });
    return undefined;
  }
}

export async function loadSync(): Promise<void> {
  await attempt(async () => {
    const [sources, runs, rules, urls] = await Promise.all([
      api().invoke('sync:sources', {}),
      api().invoke('sync:runs', { limit: 50 }),
      api().invoke('rules:list', {}),
      api().invoke('sync:urls', {}),
    ]);
    useSyncStore.setState({ sources, runs, rules, urls });
  });
}

export function openSyncPanel(tab: SyncTab = useSyncStore.getState().tab): void {
  useSyncStore.setState({ panelOpen: true, tab, error: null });
  void loadSync();
}
export const closeSyncPanel = () => useSyncStore.setState({ panelOpen: false });
export const setSyncTab = (tab: SyncTab) => useSyncStore.setState({ tab, error: null });

export async function addSource(spec: SourceSpec, name?: string): Promise<boolean> {
  const s = await attempt(() => api().invoke('sync:addSource', { spec, ...(name ? { name } : {}) }));
  if (s) useSyncStore.setState((st) => ({ sources: [...st.sources, s] }));
  return !!s;
}

export async function removeSource(id: number): Promise<void> {
  await attempt(() => api().invoke('sync:removeSource', { id }));
  useSyncStore.setState((st) => ({ sources: st.sources.filter((s) => s.id !== id) }));
}

/**
 * Events and call results travel on different channels, so a run's final event can arrive before
 * the reply that started it. A reply only applies if no event about that run came since the call.
 */
let eventSeq = 0;
const lastEvent = new Map<number, number>();

async function startRun(call: () => Promise<SyncRun>): Promise<void> {
  const mark = eventSeq;
  const run = await attempt(call);
  if (run && (lastEvent.get(run.id) ?? -1) <= mark) upsertRun(run);
}

export const runSource = (sourceId: number) => startRun(() => api().invoke('sync:run', { sourceId }));

/** Run every enabled source that is not already running. */
export async function runAll(): Promise<void> {
  const { sources, runs } = useSyncStore.getState();
  await Promise.all(sources.filter((s) => s.enabled && !runningOf(runs, s.id)).map((s) => runSource(s.id)));
}

export const resumeRun = (runId: number) => startRun(() => api().invoke('sync:resume', { runId }));

export async function cancelRun(runId: number): Promise<void> {
  await attempt(() => api().invoke('sync:cancel', { runId }));
}

export async function saveRule(rule: WatchRuleInput): Promise<boolean> {
  const saved = await attempt(() => api().invoke('rules:save', rule));
  if (saved) useSyncStore.setState((st) => ({ rules: [...st.rules.filter((r) => r.id !== saved.id), saved].sort((a, b) => a.id - b.id) }));
  return !!saved;
}

/** Run a rule over the library; returns how many papers it tagged (null on failure). */
export async function applyRule(id: number): Promise<number | null> {
  const r = await attempt(() => api().invoke('rules:apply', { id }));
  return r ? r.tagged : null;
}

export async function deleteRule(id: number): Promise<void> {
  await attempt(() => api().invoke('rules:delete', { id }));
  useSyncStore.setState((st) => ({ rules: st.rules.filter((r) => r.id !== id) }));
}

export async function saveUrls(patch: SourceUrlSettings): Promise<boolean> {
  const urls = await attempt(() => api().invoke('sync:setUrls', patch));
  if (urls) useSyncStore.setState({ urls });
  return !!urls;
}

export async function loadDigest(): Promise<void> {
  const digest = await attempt(() => api().invoke('papers:newSinceLastSync', { limit: 500 }));
  if (digest) useSyncStore.setState({ digest });
}

export function openDigest(): void {
  useSyncStore.setState({ digestOpen: true });
  void loadDigest();
}
export const closeDigest = () => useSyncStore.setState({ digestOpen: false });

function upsertRun(run: SyncRun): void {
  useSyncStore.setState((st) => {
    const runs = st.runs.some((r) => r.id === run.id) ? st.runs.map((r) => (r.id === run.id ? run : r)) : [run, ...st.runs];
    const progress = { ...st.progress };
    if (run.status !== 'running') delete progress[run.id];
    const sources = run.status === 'running' ? st.sources : st.sources.map((s) => (s.id === run.sourceId ? { ...s, lastRunAt: run.finishedAt } : s));
    return { runs, progress, sources };
  });
}

/** Subscribe to the core's sync events; returns the unsubscribe function. */
export function subscribeSync(): () => void {
  const offs = [
    api().on('sync:progress', ({ runId, ...p }) => useSyncStore.setState((st) => ({ progress: { ...st.progress, [runId]: p } }))),
    api().on('sync:runChanged', ({ run }) => {
      lastEvent.set(run.id, ++eventSeq);
      upsertRun(run);
      if (run.status !== 'running' && useSyncStore.getState().digestOpen) void loadDigest();
    }),
  ];
  void loadSync();
  return () => offs.forEach((off) => off());
}

// Selectors (return existing references only)
export const selectFirstRunning = (s: SyncState) => s.runs.find((r) => r.status === 'running') ?? null;
export const selectResumable = (s: SyncState) => s.runs.find((r) => r.status === 'interrupted' && r.cursor) ?? null;
export const runningOf = (runs: SyncRun[], sourceId: number) => runs.find((r) => r.sourceId === sourceId && r.status === 'running');
