/** Past runs, newest first: status, counts, errors; interrupted or failed runs can be resumed. */
import { RotateCcw, Square } from 'lucide-react';
import { describeSpec, type SyncRun } from '@shared/sync';
import { cancelRun, resumeRun, useSyncStore } from '../../stores/syncStore';
import { ProgressBar } from './ProgressBar';

const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '');

function duration(r: SyncRun): string {
  if (!r.finishedAt) return '';
  const s = Math.max(0, (Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 1000);
  return s < 60 ? `${s.toFixed(1)} s` : `${Math.round(s / 60)} min`;
}

export function RunList() {
  const runs = useSyncStore((s) => s.runs);
  const progress = useSyncStore((s) => s.progress);
  if (!runs.length) return <p className="sync-empty">No runs yet.</p>;
  return (
    <table className="sync-runs" aria-label="Past runs">
      <thead>
        <tr>
          <th>Status</th>
          <th>Source</th>
          <th>Started (UTC)</th>
          <th className="num">New</th>
          <th className="num">Updated</th>
          <th className="num">Unchanged</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => (
          <tr key={r.id} data-run-id={r.id}>
            <td>
              <span className={`run-status run-status--${r.status}`}>{r.status}</span>
            </td>
            <td className="sync-runs__source">
              {describeSpec(r.spec)}
              {r.status === 'running' && <ProgressBar progress={progress[r.id]} label={`Run ${r.id} progress`} />}
              {r.error && (
                <div className="sync-runs__error" role="note">
                  {r.error}
                </div>
              )}
            </td>
            <td className="sync-runs__when">
              {when(r.startedAt)} <span className="sync-runs__dur">{duration(r)}</span>
            </td>
            <td className="num">{r.newCount}</td>
            <td className="num">{r.updatedCount}</td>
            <td className="num">{r.unchangedCount}</td>
            <td className="sync-runs__actions">
              {r.status === 'running' && (
                <button type="button" className="sync-btn" onClick={() => void cancelRun(r.id)}>
                  <Square size={13} aria-hidden /> Cancel
                </button>
              )}
              {(r.status === 'interrupted' || r.status === 'failed' || r.status === 'cancelled') && r.cursor && (
                <button type="button" className="sync-btn" onClick={() => void resumeRun(r.id)}>
                  <RotateCcw size={13} aria-hidden /> Resume
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
