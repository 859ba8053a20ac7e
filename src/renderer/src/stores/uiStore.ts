/** App chrome: theme. Follows the OS unless the researcher picks one. */
import { create } from 'zustand';

export type ThemePref = 'system' | 'light' | 'dark';

interface UiState {
  theme: ThemePref;
}

const stored = (typeof localStorage !== 'undefined' && localStorage.getItem('papershelf-theme')) as ThemePref | null;
export const useUiStore = create<UiState>()(() => ({ theme: stored ?? 'system' }));

export function setTheme(theme: ThemePref): void {
  localStorage.setItem('papershelf-theme', theme);
  useUiStore.setState({ theme });
  applyTheme(theme);
}

export function applyTheme(theme: ThemePref = useUiStore.getState().theme): void {
  const dark = theme === 'dark' || (theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}
