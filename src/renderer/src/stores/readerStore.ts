/**
 * Reader tabs: which PDFs are open and which tab is in front (`null`: the library). Kept in
 * sessionStorage so a reload brings the same tabs back, as Zotero restores its tabs.
 */
import { create } from 'zustand';
import { refreshIfShown } from './detailStore';

export interface ReaderTab {
  paperId: number;
  title: string;
}

interface ReaderState {
  tabs: ReaderTab[];
  active: number | null;
  /** Reading mode with inverted page colours. */
  dark: boolean;
}

const KEY = 'papershelf-reader-tabs';
export const OPEN_MARK = 'papershelf:reader:open';

function restore(): Pick<ReaderState, 'tabs' | 'active'> {
  try {
    const raw = typeof sessionStorage !== 'undefined' ? sessionStorage.getItem(KEY) : null;
    if (raw) return JSON.parse(raw) as Pick<ReaderState, 'tabs' | 'active'>;
  } catch {
    /* a bad value is ignored */
  }
  return { tabs: [], active: null };
}

export const useReaderStore = create<ReaderState>()(() => ({
  ...restore(),
  dark: typeof localStorage !== 'undefined' && localStorage.getItem('papershelf-reader-dark') === '1',
}));

useReaderStore.subscribe((s) => {
  if (typeof sessionStorage !== 'undefined') sessionStorage.setItem(KEY, JSON.stringify({ tabs: s.tabs, active: s.active }));
});

export function resetReaderStore(): void {
  useReaderStore.setState({ tabs: [], active: null, dark: false });
}

export function openReader(paperId: number, title: string): void {
  performance.clearMarks(OPEN_MARK);
  performance.mark(OPEN_MARK);
  useReaderStore.setState((s) => ({
    tabs: s.tabs.some((t) => t.paperId === paperId) ? s.tabs : [...s.tabs, { paperId, title }],
    active: paperId,
  }));
}

export function activateTab(paperId: number | null): void {
  useReaderStore.setState({ active: paperId });
  // Annotation counts in the detail pane may have changed while reading.
  if (paperId === null) refreshIfShown('all');
}

export function closeTab(paperId: number): void {
  useReaderStore.setState((s) => {
    const i = s.tabs.findIndex((t) => t.paperId === paperId);
    const tabs = s.tabs.filter((t) => t.paperId !== paperId);
    const active = s.active !== paperId ? s.active : (tabs[Math.min(i, tabs.length - 1)]?.paperId ?? null);
    return { tabs, active };
  });
}

export function setReaderDark(dark: boolean): void {
  localStorage.setItem('papershelf-reader-dark', dark ? '1' : '0');
  useReaderStore.setState({ dark });
}

// Selectors
export const selectTabs = (s: ReaderState) => s.tabs;
export const selectActive = (s: ReaderState) => s.active;
