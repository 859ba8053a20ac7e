/** The Notes view: papers with a note, most recently edited first; choosing one shows it. */
import { NotebookPen } from 'lucide-react';
import { useEffect } from 'react';
import { api } from '../api/client';
import { select, useLibraryStore } from '../stores/libraryStore';
import { loadNotesList, useNotesStore } from '../stores/notesStore';
import { EmptyState } from './EmptyState';
import '../styles/notes.css';

function when(iso: string): string {
  const d = new Date(iso);
  const today = new Date();
  return d.toDateString() === today.toDateString()
    ? d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function NotesView() {
  const list = useNotesStore((s) => s.list);
  const selectedId = useLibraryStore((s) => s.selectedId);
  useEffect(() => {
    void loadNotesList();
    return api().on('notes:changed', () => void loadNotesList());
  }, []);

  return (
    <>
      <header className="toolbar">
        <div className="toolbar__title">
          <h1>Notes</h1>
          <span className="toolbar__count" data-testid="notes-count">
            {list === null ? 'Loading…' : `${list.length} ${list.length === 1 ? 'note' : 'notes'}`}
          </span>
        </div>
      </header>
      <div className="notes-view">
        {list && list.length === 0 ? (
          <EmptyState icon={<NotebookPen size={28} />} title="No notes yet">
            Select a paper and write in its Notes section: it is saved as you type.
          </EmptyState>
        ) : (
          <ul className="notes-list" aria-label="Papers with notes">
            {(list ?? []).map((n) => (
              <li key={n.paperId}>
                <button
                  type="button"
                  className={`notes-list__item${selectedId === n.paperId ? ' is-selected' : ''}`}
                  aria-current={selectedId === n.paperId ? 'true' : undefined}
                  onClick={() => select(n.paperId)}
                >
                  <div className="notes-list__title">
                    <span>{n.title}</span>
                    <time className="notes-list__when" dateTime={n.updatedAt}>
                      {when(n.updatedAt)}
                    </time>
                  </div>
                  <div className="notes-list__authors">
                    {n.authors.length > 2 ? `${n.authors[0]} et al.` : n.authors.join(', ')}
                  </div>
                  <div className="notes-list__excerpt">{n.excerpt}</div>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
