import { Archive, BookOpen, CheckCircle2, Inbox, Library, Star, Trash2, Layers } from 'lucide-react';
import type { ReactNode } from 'react';
import { setView, useLibraryStore, type ViewId } from '../stores/libraryStore';
import { ThemeSwitch } from './ThemeSwitch';
import { closeDigest, useSyncStore } from '../stores/syncStore';
import { SyncButton, SyncSidebarSection } from './sync/SyncSidebar';

const VIEWS: { id: ViewId; label: string; icon: ReactNode }[] = [
  { id: 'all', label: 'All papers', icon: <Layers size={16} /> },
  { id: 'inbox', label: 'Inbox', icon: <Inbox size={16} /> },
  { id: 'library', label: 'Library', icon: <Library size={16} /> },
  { id: 'reading', label: 'Reading', icon: <BookOpen size={16} /> },
  { id: 'read', label: 'Read', icon: <CheckCircle2 size={16} /> },
  { id: 'starred', label: 'Starred', icon: <Star size={16} /> },
  { id: 'dismissed', label: 'Dismissed', icon: <Trash2 size={16} /> },
];

export function Sidebar() {
  const libraryView = useLibraryStore((s) => s.view);
  const view = useSyncStore((s) => (s.digestOpen ? null : libraryView)); // sync (#3): the digest view replaces the list
  return (
    <nav className="sidebar" aria-label="Library views">
      <div className="sidebar__brand">
        <Archive size={18} aria-hidden />
        <span>Papershelf</span>
      </div>
      <div className="sidebar__section-title">Library</div>
      <ul className="sidebar__list" role="list">
        {VIEWS.map((v) => (
          <li key={v.id}>
            <button
              type="button"
              className={`sidebar__item${view === v.id ? ' is-active' : ''}`}
              aria-current={view === v.id ? 'page' : undefined}
              onClick={() => {
                closeDigest();
                void setView(v.id);
              }}
            >
              <span className="sidebar__icon" aria-hidden>
                {v.icon}
              </span>
              <span className="sidebar__label">{v.label}</span>
            </button>
          </li>
        ))}
      </ul>
      <SyncSidebarSection />
      <div className="sidebar__footer">
        <SyncButton />
        <ThemeSwitch />
      </div>
    </nav>
  );
}
