import { Archive, BookOpen, CheckCircle2, Inbox, Library, Star, Trash2, Layers, NotebookPen } from 'lucide-react';
import type { ReactNode } from 'react';
import { setView, useLibraryStore, type ViewId } from '../stores/libraryStore';
import { ThemeSwitch } from './ThemeSwitch';
import { closeNotesView, openNotesView, useNotesStore } from '../stores/notesStore';

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
  const notesOpen = useNotesStore((s) => s.viewOpen);
  const view = notesOpen ? null : libraryView;
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
                closeNotesView();
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
      <div className="sidebar__section-title">Writing</div>
      <ul className="sidebar__list" role="list">
        <li>
          <button
            type="button"
            className={`sidebar__item${notesOpen ? ' is-active' : ''}`}
            aria-current={notesOpen ? 'page' : undefined}
            onClick={openNotesView}
          >
            <span className="sidebar__icon" aria-hidden>
              <NotebookPen size={16} />
            </span>
            <span className="sidebar__label">Notes</span>
          </button>
        </li>
      </ul>
      <div className="sidebar__footer">
        <ThemeSwitch />
      </div>
    </nav>
  );
}
