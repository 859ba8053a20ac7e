/** One short message at the bottom of the window ("BibTeX copied"). */
import { create } from 'zustand';

export const useToastStore = create<{ message: string | null }>()(() => ({ message: null }));
let timer: ReturnType<typeof setTimeout> | null = null;

export function toast(message: string): void {
  if (timer) clearTimeout(timer);
  useToastStore.setState({ message });
  timer = setTimeout(() => useToastStore.setState({ message: null }), 2500);
}
