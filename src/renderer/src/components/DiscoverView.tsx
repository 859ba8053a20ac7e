/**
 * "More like #tag": Inbox papers ranked by a classifier trained, on this machine, on the papers
 * under a tag. Covers the paper list while open; picking a library view in the sidebar leaves it.
 */
import { Check, Sparkles, Tags, X, Inbox as InboxIcon, AlertTriangle } from 'lucide-react';
import { useEffect } from 'react';
import type { RecPaper } from '@shared/recs';
import {
  closeDiscover,
  setDiscoverScope,
  setDiscoverTag,
  triage,
  useRecsStore,
  watchRecs,
  type DiscoverScope,
} from '../stores/recsStore';
import { select, useLibraryStore } from '../stores/libraryStore';
import { EmptyState } from './EmptyState';
import { Reason, ScoreMeter } from './RecBits';

const SCOPES: { id: DiscoverScope; label: string }[] = [
  { id: 'inbox', label: 'Whole Inbox' },
  { id: 'lastSync', label: 'Latest sync' },
];

function Row({ p, rank, selected }: { p: RecPaper; rank: number; selected: boolean }) {
  return (
    <li className={`rec-row${selected ? ' is-selected' : ''}`} data-paper-id={p.id} aria-label={p.title}>
      <span className="rec-row__rank" aria-hidden>
        {rank}
      </span>
      <div className="rec-row__body">
        <button type="button" className="rec-row__title" onClick={() => select(p.id)}>
          {p.title}
        </button>
        <div className="rec-row__authors">{p.authors.join(', ')}</div>
        <div className="rec-row__why">
          <Reason p={p} verb="about" />
          {p.nearest && (
            <span className="rec-row__nearest">
              like{' '}
              <button type="button" className="rec-row__link" onClick={() => select(p.nearest!.id)}>
                {p.nearest.title}
              </button>
            </span>
          )}
        </div>
      </div>
      <div className="rec-row__side">
        <ScoreMeter
          value={p.strength}
          label="Fit"
          title={`Fits better than ${Math.round(p.strength * 100)}% of papers outside the tag (probability ${p.score.toFixed(3)})`}
        />
        <div className="rec-row__actions">
          <button type="button" className="rec-icon-btn" title="Add to library" aria-label={`Add “${p.title}” to the library`} onClick={() => void triage(p.id, 'library')}>
            <Check size={14} />
          </button>
          <button type="button" className="rec-icon-btn" title="Dismiss" aria-label={`Dismiss “${p.title}”`} onClick={() => void triage(p.id, 'dismissed')}>
            <X size={14} />
          </button>
        </div>
      </div>
    </li>
  );
}

function Body() {
  const { tagId, result, loading, error } = useRecsStore();
  const selectedId = useLibraryStore((s) => s.selectedId);
  if (error) {
    return (
      <EmptyState icon={<AlertTriangle size={28} />} title="Recommendations could not be computed" tone="error">
        {error}
      </EmptyState>
    );
  }
  if (!result || (loading && result.target !== tagId)) {
    return (
      <div className="discover__loading" aria-busy>
        {[80, 65, 72, 58].map((w) => (
          <span key={w} className="skeleton" style={{ width: `${w}%` }} />
        ))}
      </div>
    );
  }
  if (result.positives === 0) {
    return result.target === 'fit' ? (
      <EmptyState icon={<Tags size={28} />} title="Nothing to learn from yet">
        Tag or star a few papers you like; Papershelf then ranks the Inbox by how well new papers fit them.
      </EmptyState>
    ) : (
      <EmptyState icon={<Tags size={28} />} title={`No papers are tagged ${result.label}`}>
        Tag some papers with it first: they are what the ranking learns from.
      </EmptyState>
    );
  }
  if (result.items.length === 0) {
    return (
      <EmptyState icon={<InboxIcon size={28} />} title="Nothing to rank">
        The Inbox has nothing new for {result.label}. Papers from the next sync will show here.
      </EmptyState>
    );
  }
  return (
    <ol className="rec-list" aria-label="Recommended papers">
      {result.items.map((p, i) => (
        <Row key={p.id} p={p} rank={i + 1} selected={p.id === selectedId} />
      ))}
    </ol>
  );
}

export function DiscoverView() {
  const open = useRecsStore((s) => s.discoverOpen);
  const { tags, tagId, scope, result } = useRecsStore();
  useEffect(() => watchRecs(), []);
  if (!open) return null;
  return (
    <section className="discover" aria-label="More like tag">
      <header className="toolbar discover__toolbar">
        <div className="toolbar__title">
          <Sparkles size={16} aria-hidden className="discover__icon" />
          <h1>More like</h1>
        </div>
        {tags ? (
          <>
            <select
              className="discover__tag"
              aria-label="Tag"
              value={tagId ?? ''}
              onChange={(e) => void setDiscoverTag(e.target.value === 'fit' ? 'fit' : Number(e.target.value))}
            >
              <option value="fit">★ all tagged + starred</option>
              {tags.length > 0 && (
                <optgroup label="Tags">
                  {tags.map((t) => (
                    <option key={t.id} value={t.id}>
                      #{t.path} ({t.count})
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
            <div className="segmented discover__scope" role="group" aria-label="Papers to rank">
              {SCOPES.map((s) => (
                <button
                  key={s.id}
                  type="button"
                  className={`segmented__item discover__scope-item${scope === s.id ? ' is-active' : ''}`}
                  aria-pressed={scope === s.id}
                  onClick={() => void setDiscoverScope(s.id)}
                >
                  {s.label}
                </button>
              ))}
            </div>
          </>
        ) : null}
        <button type="button" className="rec-icon-btn discover__close" aria-label="Close More like #tag" onClick={closeDiscover}>
          <X size={16} />
        </button>
      </header>
      {result && result.positives > 0 && (
        <p className="discover__summary" data-testid="discover-summary">
          {result.candidates.toLocaleString()} {scope === 'lastSync' ? 'papers from the latest sync' : 'Inbox papers'} ranked by
          fit to the {result.positives} {result.positives === 1 ? 'paper' : 'papers'}{' '}
          {result.target === 'fit' ? 'you tagged or starred' : `tagged ${result.label}`}, learned on this machine.
        </p>
      )}
      <div className="discover__body">
        <Body />
      </div>
    </section>
  );
}
