import { ArrowDownWideNarrow, BookmarkPlus } from 'lucide-react';
import { openDialog } from '../stores/dialogStore';
import { reload, useLibraryStore } from '../stores/libraryStore';
import { DailyNav } from './DailyNav';
import { FilterMenu } from './FilterMenu';
import { SearchBox } from './SearchBox';
import { PdfToolbar } from './pdfs/PdfToolbar';
import { ExportMenu } from './ExportMenu';

export function Toolbar() {
  const title = useLibraryStore((s) => s.spec.title);
  const isDaily = useLibraryStore((s) => s.spec.key === 'daily');
  const total = useLibraryStore((s) => s.total);
  const searching = useLibraryStore((s) => s.search.trim() !== '');
  const byRelevance = useLibraryStore((s) => s.sort === 'relevance');
  return (
    <header className="toolbar">
      <div className="toolbar__title">
        <h1>{title}</h1>
        <span className="toolbar__count" aria-live="polite" data-testid="paper-count">
          {total === null ? 'Loading…' : `${total.toLocaleString()} ${total === 1 ? 'paper' : 'papers'}`}
        </span>
      </div>
      {isDaily && <DailyNav />}
      <div className="toolbar__spacer" />
      <SearchBox />
      {searching && !byRelevance && (
        <button type="button" className="tool-button" onClick={() => void reload({ sort: 'relevance', dir: 'desc' })}>
          <ArrowDownWideNarrow size={14} aria-hidden /> Best match
        </button>
      )}
      {searching && (
        <button type="button" className="tool-button" aria-label="Save search" title="Save this search" onClick={() => openDialog({ kind: 'save-search' })}>
          <BookmarkPlus size={14} aria-hidden />
        </button>
      )}
      <FilterMenu />
      <PdfToolbar />
      <ExportMenu />
    </header>
  );
}
