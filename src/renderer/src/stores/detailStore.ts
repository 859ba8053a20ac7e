/** The paper shown in the detail pane, fetched by id and refreshed when it changes. */
import { create } from 'zustand';
import type { PaperDetail } from '@shared/domain';
import { api } from '../api/client';

interface DetailState {
  id: number | null;
  paper: PaperDetail | null;
  loading: boolean;
  error: string | null;
}

const initial: DetailState = { id: null, paper: null, loading: false, error: null };
export const useDetailStore = create<DetailState>()(() => ({ ...initial }));
export const resetDetailStore = () => useDetailStore.setState({ ...initial });

export async function showPaper(id: number | null): Promise<void> {
  if (id === null) {
    useDetailStore.setState({ ...initial });
    return;
  }
  useDetailStore.setState((s) => ({ id, loading: true, error: null, paper: s.paper?.id === id ? s.paper : null }));
  try {
    const paper = await api().invoke('papers:get', { id });
    if (useDetailStore.getState().id === id) useDetailStore.setState({ paper, loading: false });
  } catch (e) {
    if (useDetailStore.getState().id === id) useDetailStore.setState({ error: (e as Error).message, loading: false });
  }
}

export function refreshIfShown(ids: number[] | 'all'): void {
  const { id } = useDetailStore.getState();
  if (id !== null && (ids === 'all' || ids.includes(id))) void showPaper(id);
}
