import { useEffect } from 'react';
import { DetailPane } from './components/DetailPane';
import { DiscoverView } from './components/DiscoverView';
import { PaperTable } from './components/PaperTable';
import { Sidebar } from './components/Sidebar';
import { Toolbar } from './components/Toolbar';
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
    <div className="app">
      <Sidebar />
      <main className="pane pane--list" aria-label="Papers">
        <Toolbar />
        <PaperTable />
        <DiscoverView /> {/* recommendations (#8): covers the list while open */}
      </main>
      <DetailPane />
    </div>
  );
}
