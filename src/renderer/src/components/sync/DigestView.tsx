/**
 * "New since last sync": what the latest sync session brought, trending (upvotes) first, or
 * sorted by fit to the researcher's tagged and starred papers (the local recommendation model).
 */
import { Sparkles, ThumbsUp } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client';
import type { PaperRow } from '@shared/domain';
import { compactNumber, shortAuthors, shortDate } from '../../lib/format';
import { select, useLibraryStore } from '../../stores/libraryStore';
import { openSyncPanel, useSyncStore } from '../../stores/syncStore';
import { EmptyState } from '../EmptyState';
import '../../styles/sync.css';

type Order = 'trending' | 'fit';

function DigestRow({ p, rank, selected, fit }: { p: PaperRow; rank: number; selected: boolean; fit: number | null | undefined }) {
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
        {fit !== undefined && (
          <span className="digest-row__fit" title="Fit to your tagged and starred papers">
            {fit === null ? '—' : `${Math.round(fit * 100)}% fit`}
          </span>
        )}
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

/** Fit scores for the digest's papers, fetched when "Fit" is chosen. */
function useFit(order: Order, idsKey: string): Map<number, number | null> | null {
  const [fit, setFit] = useState<Map<number, number | null> | null>(null);
  useEffect(() => {
    const ids = idsKey ? idsKey.split(',').map(Number) : [];
    if (order !== 'fit' || ids.length === 0) return;
    let live = true;
    void api()
      .invoke('recs:fitScores', { paperIds: ids })
      .then((scores) => live && setFit(new Map(scores.map((f) => [f.id, f.score]))))
      .catch(() => live && setFit(new Map()));
    return () => {
      live = false;
    };
  }, [order, idsKey]);
  return order === 'fit' ? fit : null;
}

export function DigestView() {
  const digest = useSyncStore((s) => s.digest);
  const selectedId = useLibraryStore((s) => s.selectedId);
  const [order, setOrder] = useState<Order>('trending');
  const rowsIn = useMemo(() => digest?.rows ?? [], [digest]);
  const fit = useFit(order, rowsIn.map((p) => p.id).join(','));
  const rows = useMemo(
    () => (fit ? [...rowsIn].sort((a, b) => (fit.get(b.id) ?? -1) - (fit.get(a.id) ?? -1)) : rowsIn),
    [rowsIn, fit],
  );
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
        <div className="toolbar__spacer" />
        <div className="segmented" role="radiogroup" aria-label="Order">
          {(['trending', 'fit'] as const).map((o) => (
            <button
              key={o}
              type="button"
              role="radio"
              aria-checked={order === o}
              className={`segmented__item segmented__item--text${order === o ? ' is-active' : ''}`}
              onClick={() => setOrder(o)}
              title={o === 'fit' ? 'Sort by fit to your tagged and starred papers' : 'Sort by Hugging Face upvotes'}
            >
              {o === 'fit' ? 'Fit to my library' : 'Trending'}
            </button>
          ))}
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
          {rows.map((p, i) => (
            <DigestRow key={p.id} p={p} rank={i + 1} selected={p.id === selectedId} fit={fit ? (fit.get(p.id) ?? null) : undefined} />
          ))}
        </ol>
      )}
    </>
  );
}
