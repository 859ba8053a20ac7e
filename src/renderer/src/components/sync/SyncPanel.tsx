/** The Sync panel: sources (add, run, remove), past runs, watch rules. */
import * as Dialog from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import { closeSyncPanel, setSyncTab, useSyncStore, type SyncTab } from '../../stores/syncStore';
import { RulesEditor } from './RulesEditor';
import { RunList } from './RunList';
import { SourceForm } from './SourceForm';
import { SourceList } from './SourceList';
import { UrlSettings } from './UrlSettings';
import '../../styles/sync.css';

const TABS: { id: SyncTab; label: string }[] = [
  { id: 'sources', label: 'Sources' },
  { id: 'runs', label: 'Runs' },
  { id: 'rules', label: 'Watch rules' },
  { id: 'settings', label: 'Settings' },
];

export function SyncPanel() {
  const open = useSyncStore((s) => s.panelOpen);
  const tab = useSyncStore((s) => s.tab);
  const error = useSyncStore((s) => s.error);
  return (
    <Dialog.Root open={open} onOpenChange={(o) => !o && closeSyncPanel()}>
      <Dialog.Portal>
        <Dialog.Overlay className="sync-overlay" />
        <Dialog.Content className="sync-panel" aria-describedby={undefined}>
          <header className="sync-panel__header">
            <Dialog.Title className="sync-panel__title">Sync</Dialog.Title>
            <div className="sync-tabs" role="tablist" aria-label="Sync sections">
              {TABS.map((t) => (
                <button
                  key={t.id}
                  type="button"
                  role="tab"
                  aria-selected={tab === t.id}
                  className={`sync-tabs__item${tab === t.id ? ' is-active' : ''}`}
                  onClick={() => setSyncTab(t.id)}
                >
                  {t.label}
                </button>
              ))}
            </div>
            <Dialog.Close className="sync-btn sync-btn--icon" aria-label="Close">
              <X size={16} aria-hidden />
            </Dialog.Close>
          </header>
          {error && (
            <div className="sync-error" role="alert">
              {error}
            </div>
          )}
          <div className="sync-panel__body" role="tabpanel" aria-label={TABS.find((t) => t.id === tab)!.label}>
            {tab === 'sources' && (
              <>
                <SourceList />
                <SourceForm />
              </>
            )}
            {tab === 'runs' && <RunList />}
            {tab === 'rules' && <RulesEditor />}
            {tab === 'settings' && <UrlSettings />}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
