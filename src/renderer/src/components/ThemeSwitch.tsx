import { Monitor, Moon, Sun } from 'lucide-react';
import { setTheme, useUiStore, type ThemePref } from '../stores/uiStore';

const OPTIONS: { id: ThemePref; label: string; icon: typeof Sun }[] = [
  { id: 'light', label: 'Light theme', icon: Sun },
  { id: 'system', label: 'Follow the system theme', icon: Monitor },
  { id: 'dark', label: 'Dark theme', icon: Moon },
];

export function ThemeSwitch() {
  const theme = useUiStore((s) => s.theme);
  return (
    <div className="segmented" role="radiogroup" aria-label="Theme">
      {OPTIONS.map(({ id, label, icon: Icon }) => (
        <button
          key={id}
          type="button"
          role="radio"
          aria-checked={theme === id}
          aria-label={label}
          title={label}
          className={`segmented__item${theme === id ? ' is-active' : ''}`}
          onClick={() => setTheme(id)}
        >
          <Icon size={14} aria-hidden />
        </button>
      ))}
    </div>
  );
}
