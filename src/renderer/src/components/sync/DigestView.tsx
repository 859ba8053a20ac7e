/** "New since last sync": what the latest sync session brought, trending (upvotes) first. */
import { Sparkles, ThumbsUp } from 'lucide-react';
import type { PaperRow } from '@shared/domain';
import { compactNumber, shortAuthors, shortDate } from '../../lib/format';
import { select, useLibraryStore } from '../../stores/libraryStore';
import { openSyncPanel, useSyncStore } from '../../stores/syncStore';
import { EmptyState } from '../EmptyState';
import '../../styles/sync.css';

function DigestRow({ p, rank, selected }: { p: PaperRow; rank: number; selected: boolean }) {
  return (
    <li>
      <button type="button" className={`digest-row${selected ? ' is-selected' : ''}`} aria-pressed={selected} data-paper-id={p.id} onClick={() => select(p.id)}>
        <span className="digest-row__rank">{rank}</span>
        <span className="digest-row__main">
          <span className="digest-row__title">{p.title}</span>
          <span className="digest-row__meta">
            {shortAuthors(p.authors)} · {shortDate(p.publishedAt)}
            {p.tags.map((t) => (
              <span key={t.id} className="tag-chip">
                {t.path}
              </span>
            ))}
          </span>
        </span>
        <span className="digest-row__votes" aria-label={p.upvotes === null ? 'no upvotes' : `${p.upvotes} upvotes`}>
          {p.upvotes !== null && (
            <>
              <ThumbsUp size={12} aria-hidden /> {compactNumber(p.upvotes)}
            </>
          )}
        </span>
      </button>
    </li>
  );
}

export function DigestView() {
  const digest = useSyncStore((s) => s.digest);
  const selectedId = useLibraryStore((s) => s.selectedId);
  return (
    <>
      <header className="toolbar">
        <div className="toolbar__title">
          <h1>New since last sync</h1>
          <span className="toolbar__count" aria-live="polite" data-testid="digest-count">
            {digest === null ? 'Loading…' : `${digest.total.toLocaleString()} ${digest.total === 1 ? 'paper' : 'papers'}`}
            {digest?.since && ` · since ${digest.since.slice(0, 16).replace('T', ' ')} UTC`}
          </span>
        </div>
      </header>
      {digest && digest.total === 0 ? (
        <EmptyState icon={<Sparkles size={28} />} title="Nothing new yet">
          Papers that a sync brings into the library for the first time appear here, trending first.{' '}
          <button type="button" className="sync-link" onClick={() => openSyncPanel('sources')}>
            Open Sync
          </button>
        </EmptyState>
      ) : (
        <ol className="digest" aria-label="New papers">
          {digest?.rows.map((p, i) => <DigestRow key={p.id} p={p} rank={i + 1} selected={p.id === selectedId} />)}
        </ol>
      )}
    </>
  );
}
