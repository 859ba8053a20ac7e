import { useEffect } from 'react';
import { DetailPane } from './components/DetailPane';
import { PaperTable } from './components/PaperTable';
import { Sidebar } from './components/Sidebar';
import { Toolbar } from './components/Toolbar';
import { api } from './api/client';
import { reload } from './stores/libraryStore';
import { refreshIfShown } from './stores/detailStore';
import { useSyncStore } from './stores/syncStore';
import { DigestView } from './components/sync/DigestView';

export function App() {
  const digest = useSyncStore((s) => s.digestOpen);
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
        {digest ? (
          <DigestView />
        ) : (
          <>
            <Toolbar />
            <PaperTable />
          </>
        )}
      </main>
      <DetailPane />
    </div>
  );
}
