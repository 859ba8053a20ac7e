/** The sidebar's sync pieces: the "New since last sync" entry and the button that opens the Sync panel. */
import { RefreshCw, Sparkles } from 'lucide-react';
import { useEffect } from 'react';
import { openSyncPanel, selectFirstRunning, selectResumable, subscribeSync, useSyncStore } from '../../stores/syncStore';
import { SyncPanel } from './SyncPanel';
import { showCover } from '../../lib/mainView';

export function DigestItem() {
  const digestOpen = useSyncStore((s) => s.digestOpen);
  return (
    <button
      type="button"
      className={`sidebar__item${digestOpen ? ' is-active' : ''}`}
      aria-current={digestOpen ? 'page' : undefined}
      onClick={() => showCover('digest')}
    >
      <span className="sidebar__icon" aria-hidden>
        <Sparkles size={16} />
      </span>
      <span className="sidebar__label">New since last sync</span>
    </button>
  );
}

/** Footer button: opens the Sync panel; spins while a run is in progress; points at interrupted runs. */
export function SyncButton() {
  const running = useSyncStore(selectFirstRunning);
  const resumable = useSyncStore(selectResumable);
  const progress = useSyncStore((s) => (running ? s.progress[running.id] : undefined));
  const interrupted = !running && resumable;
  useEffect(() => subscribeSync(), []);
  return (
    <>
    <button
      type="button"
      className={`sync-open${running ? ' is-running' : ''}${interrupted ? ' is-interrupted' : ''}`}
      onClick={() => openSyncPanel(interrupted ? 'runs' : undefined)}
      title={running ? (progress?.step ?? 'Syncing…') : interrupted ? 'A sync was interrupted: resume it from the Runs tab' : 'Sync sources, runs and watch rules'}
    >
      <RefreshCw size={14} aria-hidden className="sync-open__icon" />
      <span>{running ? 'Syncing…' : interrupted ? 'Sync · interrupted' : 'Sync'}</span>
    </button>
    <SyncPanel />
    </>
  );
}
