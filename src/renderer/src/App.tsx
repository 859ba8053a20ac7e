import { useEffect } from 'react';
import { DetailPane } from './components/DetailPane';
import { PaperTable } from './components/PaperTable';
import { Sidebar } from './components/Sidebar';
import { Toolbar } from './components/Toolbar';
import { api } from './api/client';
import { reload } from './stores/libraryStore';
import { refreshIfShown } from './stores/detailStore';
import { NotesView } from './components/NotesView';
import { Toast } from './components/Toast';
import { useNotesStore } from './stores/notesStore';

export function App() {
  const notesOpen = useNotesStore((s) => s.viewOpen);
  useEffect(() => {
    void reload();
    const off = api().on('papers:changed', ({ ids }) => {
      void reload();
      refreshIfShown(ids);
    });
    return off;
  }, []);

  return (
    <div className="app">
      <Sidebar />
      {notesOpen ? (
        <main className="pane pane--list" aria-label="Notes">
          <NotesView />
        </main>
      ) : (
        <main className="pane pane--list" aria-label="Papers">
          <Toolbar />
          <PaperTable />
        </main>
      )}
      <DetailPane />
      <Toast />
    </div>
  );
}
