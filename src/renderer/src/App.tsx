import { useEffect } from 'react';
import { BulkBar } from './components/BulkBar';
import { DetailPane } from './components/DetailPane';
import { Dialogs } from './components/Dialogs';
import { DiscoverView } from './components/DiscoverView';
import { PaperTable } from './components/PaperTable';
import { Sidebar } from './components/Sidebar';
import { Toolbar } from './components/Toolbar';
import { PdfLayer } from './components/pdfs/PdfLayer';
import { ReaderShell } from './components/reader/ReaderShell';
import { api } from './api/client';
import { useLibraryKeys } from './hooks/useLibraryKeys';
import { reload, useLibraryStore, clickRow } from './stores/libraryStore';
import { refreshIfShown } from './stores/detailStore';
import { reloadSidebar, reloadSources, reloadTags } from './stores/tagStore';
import { NotesView } from './components/NotesView';
import { Toast } from './components/Toast';
import { useNotesStore } from './stores/notesStore';

import { useSyncStore } from './stores/syncStore';
import { DigestView } from './components/sync/DigestView';

export function App() {
  const notesOpen = useNotesStore((s) => s.viewOpen);
  const digest = useSyncStore((s) => s.digestOpen);
  useEffect(() => {
    void reload();
    void reloadSidebar();
    const offPapers = api().on('papers:changed', ({ ids }) => {
      void reload().then(keepCursorOnAVisiblePaper);
      void reloadSources();
      refreshIfShown(ids);
    });
    const offTags = api().on('tags:changed', () => void reloadTags());
    return () => {
      offPapers();
      offTags();
    };
  }, []);
  useLibraryKeys();

  return (
    <ReaderShell>
      <div className="app">
        <Sidebar />
        {notesOpen ? (
          <main className="pane pane--list" aria-label="Notes">
            <NotesView />
          </main>
        ) : digest ? (
          <main className="pane pane--list" aria-label="New since last sync">
            <DigestView />
          </main>
        ) : (
          <main className="pane pane--list" aria-label="Papers">
            <Toolbar />
            <BulkBar />
            <PaperTable />
            <DiscoverView /> {/* recommendations (#8): covers the list while open */}
          </main>
        )}
        <DetailPane />
        <PdfLayer />
        <Dialogs />
        <Toast />
      </div>
    </ReaderShell>
  );
}

/**
 * After a triage key (r, e) the paper may leave the view: the cursor stays where it was, so the
 * next paper becomes the current one, as in a mail client.
 */
function keepCursorOnAVisiblePaper(): void {
  const s = useLibraryStore.getState();
  if (s.cursor === null || s.selected.size > 1) return;
  const ids = new Set([...s.rows.values()].map((r) => r.id));
  if (s.selectedId !== null && ids.has(s.selectedId)) {
    const idx = [...s.rows.entries()].find(([, r]) => r.id === s.selectedId)?.[0];
    if (idx !== undefined && idx !== s.cursor) useLibraryStore.setState({ cursor: idx });
    return;
  }
  const max = (s.total ?? 0) - 1;
  if (max < 0) {
    useLibraryStore.setState({ cursor: null, selectedId: null, selected: new Set() });
    return;
  }
  clickRow(Math.min(s.cursor, max));
}
