/** State selector and star toggle for the paper in the detail pane. */
import { Star } from 'lucide-react';
import { PAPER_STATES, type PaperDetail } from '@shared/domain';
import { setStarredFor, setStateFor } from '../../stores/libraryStore';

export function TriageSection({ p }: { p: PaperDetail }) {
  return (
    <div className="triage">
      <div className="segmented segmented--text" role="radiogroup" aria-label="Reading state">
        {PAPER_STATES.map((st) => (
          <button
            key={st}
            type="button"
            role="radio"
            aria-checked={p.state === st}
            className={`segmented__item${p.state === st ? ' is-active' : ''}`}
            onClick={() => void setStateFor([p.id], st)}
          >
            {st}
          </button>
        ))}
      </div>
      <button
        type="button"
        className={`star-toggle${p.starred ? ' is-on' : ''}`}
        aria-pressed={p.starred}
        aria-label={p.starred ? 'Unstar' : 'Star'}
        title={p.starred ? 'Unstar (s)' : 'Star (s)'}
        onClick={() => void setStarredFor([p.id], !p.starred)}
      >
        <Star size={16} aria-hidden />
      </button>
    </div>
  );
}
