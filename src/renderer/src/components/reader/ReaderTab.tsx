/**
 * One open PDF: fetches the document, its annotations and reading position, builds the engine
 * and the annotation manager (wired to the core through injected callbacks), and lays out the
 * toolbar, sidebar, pages, find bar and popups. Everything pending is flushed when the tab closes,
 * the page is hidden, or the window unloads.
 */
import { AlertTriangle, Lock } from 'lucide-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ReaderDocument } from '@shared/annotations';
import { api, fetchPdf, invokeKeepalive } from '../../api/client';
import type { AnnotationManager } from '../../reader/annotation-manager';
import type { ReaderEngine } from '../../reader/engine';
import { closeTab, useReaderStore, type ReaderTab as Tab } from '../../stores/readerStore';
import { EmptyState } from '../EmptyState';
import { AnnotationPopup, SelectionPopup } from './AnnotationPopup';
import { FindBar } from './FindBar';
import { ReaderSidebar } from './ReaderSidebar';
import { ReaderToolbar } from './ReaderToolbar';
import { UndoToast } from './UndoToast';
import { useEngineState } from './useReader';

interface Loaded {
  doc: ReaderDocument;
  engine: ReaderEngine;
  manager: AnnotationManager;
}

export function ReaderTab({ tab, active }: { tab: Tab; active: boolean }) {
  const viewerRef = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { paperId } = tab;

  useEffect(() => {
    let disposed = false;
    let engine: ReaderEngine | null = null;
    let manager: AnnotationManager | null = null;
    const flush = () => void manager?.flush({ keepalive: true });
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onVisibility);
    void (async () => {
      try {
        const [{ ReaderEngine }, { AnnotationManager }, doc, bytes, annotations] = await Promise.all([
          import('../../reader/engine'),
          import('../../reader/annotation-manager'),
          api().invoke('reader:open', { paperId }),
          fetchPdf(paperId),
          api().invoke('annotations:list', { paperId }),
        ]);
        if (disposed || !viewerRef.current) return;
        manager = new AnnotationManager({
          paperId,
          pdfSha256: doc.sha256,
          annotations,
          onSave: (list, o) => (o.keepalive ? invokeKeepalive : api().invoke)('annotations:save', { annotations: list }),
          onDelete: (ids, o) => (o.keepalive ? invokeKeepalive : api().invoke)('annotations:delete', { ids }),
        });
        engine = new ReaderEngine(viewerRef.current, {
          position: doc.position,
          onPosition: (p) => void invokeKeepalive('reader:savePosition', { paperId, ...p }).catch(() => {}),
        });
        setLoaded({ doc, engine, manager });
        await engine.load(bytes, manager);
      } catch (e) {
        if (!disposed) setError((e as Error).message);
      }
    })();
    return () => {
      disposed = true;
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      void manager?.destroy();
      engine?.destroy();
    };
  }, [paperId]);

  useEffect(() => {
    if (active) loaded?.engine.refresh();
  }, [active, loaded]);

  const dark = useReaderStore((s) => s.dark);
  const [sidebar, setSidebar] = useState(true);
  const [findOpen, setFindOpen] = useState(false);
  const ui = { sidebar, setSidebar, findOpen, setFindOpen };
  return (
    <section className="reader" hidden={!active} aria-label={`Reader: ${tab.title}`} data-paper-id={paperId}>
      {loaded && <Chrome {...loaded} active={active} ui={ui} />}
      <div className={`reader__body${sidebar && loaded ? ' has-sidebar' : ''}`}>
        {loaded && sidebar && <SidebarHost {...loaded} />}
        <div className={`reader__main${dark ? ' is-dark' : ''}`}>
          <div className="reader__viewer" ref={viewerRef} tabIndex={-1} aria-label={`Pages of ${tab.title}`} />
          {loaded ? (
            <Overlays {...loaded} findOpen={findOpen} closeFind={() => setFindOpen(false)} />
          ) : error ? (
            <OpenError message={error} paperId={paperId} />
          ) : (
            <div className="reader__loading">Opening PDF…</div>
          )}
        </div>
      </div>
    </section>
  );
}

interface Ui {
  sidebar: boolean;
  setSidebar: (f: (s: boolean) => boolean) => void;
  findOpen: boolean;
  setFindOpen: (f: boolean | ((s: boolean) => boolean)) => void;
}

function OpenError({ message, paperId }: { message: string; paperId: number }) {
  return (
    <div className="reader__error">
      <EmptyState icon={<AlertTriangle size={28} />} title="This PDF cannot be shown" tone="error">
        <p>{message}</p>
        <button className="reader-btn" onClick={() => closeTab(paperId)}>
          Close tab
        </button>
      </EmptyState>
    </div>
  );
}

function PasswordPrompt({ engine, incorrect }: { engine: ReaderEngine; incorrect: boolean }) {
  const [pw, setPw] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    engine.submitPassword(pw);
  };
  return (
    <form className="reader__password" onSubmit={submit} aria-label="PDF password">
      <EmptyState icon={<Lock size={28} />} title="This PDF is protected">
        <p>{incorrect ? 'That password is not right. Try again.' : 'Enter the password to open it.'}</p>
        <input type="password" aria-label="Password" value={pw} autoFocus onChange={(e) => setPw(e.target.value)} className="reader-input" />
        <div className="reader__password-actions">
          <button type="button" className="reader-btn" onClick={() => engine.cancelPassword()}>
            Cancel
          </button>
          <button type="submit" className="reader-btn reader-btn--primary">
            Open
          </button>
        </div>
      </EmptyState>
    </form>
  );
}

function Chrome({ engine, manager, active, ui }: Loaded & { active: boolean; ui: Ui }) {
  const state = useEngineState(engine);
  const { setFindOpen } = ui;
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        setFindOpen(true);
        requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.reader:not([hidden]) .findbar input')?.select());
      } else if (engine.handleKey(e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, engine, setFindOpen]);
  if (state.status !== 'ready') return null;
  return (
    <>
      <ReaderToolbar
        engine={engine}
        manager={manager}
        state={state}
        onToggleSidebar={() => ui.setSidebar((s) => !s)}
        onFind={() => ui.setFindOpen((f) => !f)}
      />
      {active && state.selectedId && <AnnotationPopup engine={engine} manager={manager} id={state.selectedId} tick={state.viewTick} />}
      {active && state.selection && <SelectionPopup engine={engine} state={state} />}
      {active && <UndoToast manager={manager} />}
    </>
  );
}

function SidebarHost({ engine, manager }: Loaded) {
  const state = useEngineState(engine);
  if (state.status !== 'ready') return null;
  return <ReaderSidebar engine={engine} manager={manager} state={state} />;
}

function Overlays({ engine, doc, findOpen, closeFind }: Loaded & { findOpen: boolean; closeFind: () => void }) {
  const state = useEngineState(engine);
  return (
    <>
      {state.status === 'error' && <OpenError message={state.error ?? ''} paperId={doc.paperId} />}
      {state.status === 'password' && <PasswordPrompt engine={engine} incorrect={state.passwordIncorrect} />}
      {state.status === 'loading' && <div className="reader__loading">Opening PDF…</div>}
      {findOpen && <FindBar engine={engine} state={state} onClose={closeFind} />}
    </>
  );
}
