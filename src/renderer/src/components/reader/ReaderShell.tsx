/**
 * The window with reader tabs: a tab strip (Library first, then one tab per open PDF) above
 * either the library panes or the active PDF. Reader tabs stay mounted while hidden, so switching
 * tabs keeps each PDF's scroll position and undo history.
 */
import { BookOpen, FileText, Library, X } from 'lucide-react';
import type { ReactNode } from 'react';
import { activateTab, closeTab, useReaderStore } from '../../stores/readerStore';
import { ReaderTab } from './ReaderTab';
import '../../styles/reader.css';

export function ReaderShell({ children }: { children: ReactNode }) {
  const tabs = useReaderStore((s) => s.tabs);
  const active = useReaderStore((s) => s.active);
  if (!tabs.length) return <>{children}</>;
  return (
    <div className="reader-shell">
      <div className="tab-strip" role="tablist" aria-label="Open tabs">
        <button
          role="tab"
          aria-selected={active === null}
          className={`tab tab--library${active === null ? ' is-active' : ''}`}
          onClick={() => activateTab(null)}
          title="Library"
        >
          <Library size={14} aria-hidden />
          <span>Library</span>
        </button>
        {tabs.map((t) => (
          <div key={t.paperId} className={`tab${active === t.paperId ? ' is-active' : ''}`}>
            <button
              role="tab"
              aria-selected={active === t.paperId}
              className="tab__main"
              onClick={() => activateTab(t.paperId)}
              onAuxClick={(e) => e.button === 1 && closeTab(t.paperId)}
              title={t.title}
            >
              {active === t.paperId ? <BookOpen size={14} aria-hidden /> : <FileText size={14} aria-hidden />}
              <span className="tab__title">{t.title}</span>
            </button>
            <button className="tab__close" aria-label={`Close ${t.title}`} onClick={() => closeTab(t.paperId)}>
              <X size={12} aria-hidden />
            </button>
          </div>
        ))}
      </div>
      <div className="reader-shell__body">
        <div className="reader-shell__library" hidden={active !== null}>
          {children}
        </div>
        {tabs.map((t) => (
          <ReaderTab key={t.paperId} tab={t} active={active === t.paperId} />
        ))}
      </div>
    </div>
  );
}
