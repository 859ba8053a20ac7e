import { useLibraryStore, type ViewId } from '../stores/libraryStore';
import { ExportMenu } from './ExportMenu';

const TITLES: Record<ViewId, string> = {
  all: 'All papers',
  inbox: 'Inbox',
  library: 'Library',
  reading: 'Reading',
  read: 'Read',
  starred: 'Starred',
  dismissed: 'Dismissed',
};

export function Toolbar() {
  const view = useLibraryStore((s) => s.view);
  const total = useLibraryStore((s) => s.total);
  return (
    <header className="toolbar">
      <div className="toolbar__title">
        <h1>{TITLES[view]}</h1>
        <span className="toolbar__count" aria-live="polite" data-testid="paper-count">
          {total === null ? 'Loading…' : `${total.toLocaleString()} ${total === 1 ? 'paper' : 'papers'}`}
        </span>
      </div>
      <div className="toolbar__actions">
        <ExportMenu />
      </div>
    </header>
  );
}
