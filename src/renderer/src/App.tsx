import { useEffect } from 'react';
import { DetailPane } from './components/DetailPane';
import { PaperTable } from './components/PaperTable';
import { Sidebar } from './components/Sidebar';
import { Toolbar } from './components/Toolbar';
import { ReaderShell } from './components/reader/ReaderShell';
import { api } from './api/client';
import { reload } from './stores/libraryStore';
import { refreshIfShown } from './stores/detailStore';

export function App() {
  useEffect(() => {
    void reload();
    const off = api().on('papers:changed', ({ ids }) => {
      void reload();
      refreshIfShown(ids);
    });
    return off;
  }, []);

  return (
    <ReaderShell>
      <div className="app">
        <Sidebar />
        <main className="pane pane--list" aria-label="Papers">
          <Toolbar />
          <PaperTable />
        </main>
        <DetailPane />
      </div>
    </ReaderShell>
  );
}
