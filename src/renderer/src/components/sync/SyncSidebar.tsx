/** The sidebar's sync section: the "New since last sync" view and the button that opens the Sync panel. */
import { RefreshCw, Sparkles } from 'lucide-react';
import { useEffect } from 'react';
import { openDigest, openSyncPanel, selectFirstRunning, selectResumable, subscribeSync, useSyncStore } from '../../stores/syncStore';
import { SyncPanel } from './SyncPanel';

export function SyncSidebarSection() {
  const digestOpen = useSyncStore((s) => s.digestOpen);
  useEffect(() => subscribeSync(), []);
  return (
    <>
      <div className="sidebar__section-title">Sync</div>
      <ul className="sidebar__list" role="list">
        <li>
          <button
            type="button"
            className={`sidebar__item${digestOpen ? ' is-active' : ''}`}
            aria-current={digestOpen ? 'page' : undefined}
            onClick={openDigest}
          >
            <span className="sidebar__icon" aria-hidden>
              <Sparkles size={16} />
            </span>
            <span className="sidebar__label">New since last sync</span>
          </button>
        </li>
      </ul>
      <SyncPanel />
    </>
  );
}

/** Footer button: opens the Sync panel; spins while a run is in progress; points at interrupted runs. */
export function SyncButton() {
  const running = useSyncStore(selectFirstRunning);
  const resumable = useSyncStore(selectResumable);
  const progress = useSyncStore((s) => (running ? s.progress[running.id] : undefined));
  const interrupted = !running && resumable;
  return (
    <button
      type="button"
      className={`sync-open${running ? ' is-running' : ''}${interrupted ? ' is-interrupted' : ''}`}
      onClick={() => openSyncPanel(interrupted ? 'runs' : undefined)}
      title={running ? (progress?.step ?? 'Syncing…') : interrupted ? 'A sync was interrupted: resume it from the Runs tab' : 'Sync sources, runs and watch rules'}
    >
      <RefreshCw size={14} aria-hidden className="sync-open__icon" />
      <span>{running ? 'Syncing…' : interrupted ? 'Sync · interrupted' : 'Sync'}</span>
    </button>
  );
}
