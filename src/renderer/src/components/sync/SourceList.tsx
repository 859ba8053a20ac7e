/** Saved sources with Run / Cancel / Remove and a progress bar while a source syncs. */
import { Play, PlayCircle, Square, Trash2 } from 'lucide-react';
import { describeSpec } from '@shared/sync';
import { cancelRun, removeSource, runAll, runSource, runningOf, useSyncStore } from '../../stores/syncStore';
import { ProgressBar } from './ProgressBar';

const KIND_LABEL = { hf: 'HF', arxiv: 'arXiv', rss: 'RSS' } as const;

export function SourceList() {
  const sources = useSyncStore((s) => s.sources);
  const runs = useSyncStore((s) => s.runs);
  const progress = useSyncStore((s) => s.progress);
  if (!sources.length) return <p className="sync-empty">No sources yet. Add one below, then run it.</p>;
  const idle = sources.some((s) => !runningOf(runs, s.id));
  return (
    <div className="sync-sources-block">
      <div className="sync-sources-head">
        <span>
          {sources.length} {sources.length === 1 ? 'source' : 'sources'}
        </span>
        {sources.length > 1 && (
          <button type="button" className="sync-btn" disabled={!idle} onClick={() => void runAll()}>
            <PlayCircle size={14} aria-hidden /> Run all
          </button>
        )}
      </div>
      <ul className="sync-sources" aria-label="Sources">
        {sources.map((s) => {
          const running = runningOf(runs, s.id);
          return (
            <li key={s.id} className="sync-source" aria-label={s.name}>
              <div className="sync-source__main">
                <span className={`sync-kind sync-kind--${s.spec.kind}`}>{KIND_LABEL[s.spec.kind]}</span>
                <div className="sync-source__text">
                  <div className="sync-source__name">{s.name}</div>
                  <div className="sync-source__meta">
                    {s.name !== describeSpec(s.spec) && <span>{describeSpec(s.spec)} · </span>}
                    {s.lastRunAt ? `last run ${s.lastRunAt.slice(0, 16).replace('T', ' ')} UTC` : 'never run'}
                  </div>
                </div>
                {running ? (
                  <button type="button" className="sync-btn" onClick={() => void cancelRun(running.id)}>
                    <Square size={13} aria-hidden /> Cancel
                  </button>
                ) : (
                  <button type="button" className="sync-btn sync-btn--primary" onClick={() => void runSource(s.id)}>
                    <Play size={13} aria-hidden /> Run
                  </button>
                )}
                <button type="button" className="sync-btn sync-btn--icon" aria-label={`Remove ${s.name}`} disabled={!!running} onClick={() => void removeSource(s.id)}>
                  <Trash2 size={14} aria-hidden />
                </button>
              </div>
              {running && <ProgressBar progress={progress[running.id]} label={`Syncing ${s.name}`} />}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
