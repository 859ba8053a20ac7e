import type { Progress } from '../../stores/syncStore';

/** A run's progress: determinate when the source knows its total, indeterminate otherwise. */
export function ProgressBar({ progress, label }: { progress: Progress | undefined; label: string }) {
  const total = progress?.total ?? null;
  const pct = total ? Math.min(100, Math.round((100 * (progress?.current ?? 0)) / total)) : null;
  return (
    <div className="sync-progress">
      <div
        className={`sync-progress__bar${pct === null ? ' is-indeterminate' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
      >
        <div className="sync-progress__fill" style={pct === null ? undefined : { width: `${Math.max(pct, 3)}%` }} />
      </div>
      <div className="sync-progress__step">{progress?.step ?? 'starting…'}</div>
    </div>
  );
}
