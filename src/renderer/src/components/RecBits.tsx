/** Small pieces shared by the recommendation views: the score meter and the reason line. */
import type { RecPaper } from '@shared/recs';
import '../styles/recs.css';

/** A 0–1 score as a short bar with its percentage. */
export function ScoreMeter({ value, label, title }: { value: number; label: string; title: string }) {
  const pct = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <span className="score-meter" title={title}>
      <span className="score-meter__track" aria-hidden>
        <span className="score-meter__fill" style={{ width: `${pct}%` }} />
      </span>
      <span className="score-meter__value" aria-label={`${label} ${pct}%`}>
        {pct}%
      </span>
    </span>
  );
}

/** "shared: a, b · author: X" rendered with the terms emphasised; the full text is the tooltip. */
export function Reason({ p, verb }: { p: RecPaper; verb: string }) {
  return (
    <span className="rec-reason" title={p.reason} data-testid="rec-reason">
      {p.terms.length > 0 && (
        <>
          <span className="rec-reason__verb">{verb}</span>{' '}
          {p.terms.map((t, i) => (
            <span key={t}>
              {i > 0 && ', '}
              <em className="rec-reason__term">{t}</em>
            </span>
          ))}
        </>
      )}
      {p.sharedAuthors.length > 0 && (
        <>
          {p.terms.length > 0 && <span className="rec-reason__sep"> · </span>}
          <span className="rec-reason__verb">{p.sharedAuthors.length > 1 ? 'authors' : 'author'}</span>{' '}
          {p.sharedAuthors.join(', ')}
        </>
      )}
      {p.terms.length === 0 && p.sharedAuthors.length === 0 && p.reason}
    </span>
  );
}

export const STATE_LABEL: Record<RecPaper['state'], string> = {
  inbox: 'Inbox',
  library: 'Library',
  reading: 'Reading',
  read: 'Read',
  dismissed: 'Dismissed',
};
