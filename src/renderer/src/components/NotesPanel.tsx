/**
 * The paper's note in the detail pane: a Markdown editor and a preview (math, links), autosaved,
 * with an "Insert quote" menu that quotes one of the paper's annotations with a link back to it.
 */
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { Check, CircleAlert, Eye, Loader2, Pencil, Quote } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { quoteAnnotation, type QuotableAnnotation } from '@shared/notesExport';
import { api } from '../api/client';
import { editNote, flushNote, flushOnExit, loadNote, useNotesStore } from '../stores/notesStore';
import { NoteEditor, type NoteEditorHandle } from './NoteEditor';
import { NotePreview } from './NotePreview';
import '../styles/notes.css';

const STATUS: Record<string, { text: string; icon?: React.ReactNode }> = {
  idle: { text: '' },
  dirty: { text: 'Editing…', icon: <Pencil size={11} aria-hidden /> },
  saving: { text: 'Saving…', icon: <Loader2 size={11} aria-hidden className="spin" /> },
  saved: { text: 'Saved', icon: <Check size={11} aria-hidden /> },
  error: { text: 'Not saved', icon: <CircleAlert size={11} aria-hidden /> },
};

function QuoteMenu({ paperId, onPick }: { paperId: number; onPick(a: QuotableAnnotation): void }) {
  const [items, setItems] = useState<QuotableAnnotation[] | null>(null);
  return (
    <DropdownMenu.Root
      onOpenChange={(open) => {
        if (open) void api().invoke('notes:quotable', { paperId }).then(setItems, () => setItems([]));
      }}
    >
      <DropdownMenu.Trigger className="btn btn--ghost btn--sm" aria-label="Insert quote" title="Quote one of this paper's annotations">
        <Quote size={13} aria-hidden /> Quote
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu menu--quotes" align="end" sideOffset={4}>
          {items === null ? (
            <DropdownMenu.Item className="menu__item" disabled>
              Loading…
            </DropdownMenu.Item>
          ) : items.length === 0 ? (
            <DropdownMenu.Item className="menu__item" disabled>
              No annotations on this paper yet
            </DropdownMenu.Item>
          ) : (
            items.map((a) => (
              <DropdownMenu.Item key={a.id} className="menu__item menu__item--quote" onSelect={() => onPick(a)}>
                <span className="quote-dot" style={{ background: a.color }} aria-hidden />
                <span className="quote-page">p. {a.pageIndex + 1}</span>
                <span className="quote-text">{a.text ?? a.comment ?? `(${a.kind})`}</span>
              </DropdownMenu.Item>
            ))
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

export function NotesPanel({ paperId }: { paperId: number }) {
  const { body, status, error, loaded } = useNotesStore();
  const [mode, setMode] = useState<'write' | 'preview'>('write');
  const editor = useRef<NoteEditorHandle>(null);

  useEffect(() => {
    void loadNote(paperId);
  }, [paperId]);

  useEffect(() => {
    const hidden = () => {
      if (document.visibilityState === 'hidden') flushOnExit();
    };
    window.addEventListener('pagehide', flushOnExit);
    window.addEventListener('beforeunload', flushOnExit);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', flushOnExit);
      window.removeEventListener('beforeunload', flushOnExit);
      document.removeEventListener('visibilitychange', hidden);
      void flushNote();
    };
  }, []);

  const st = STATUS[status] ?? STATUS.idle!;
  return (
    <section className="detail__section notes-panel" aria-label="Notes">
      <div className="notes-panel__head">
        <h2>Notes</h2>
        <span className={`notes-panel__status is-${status}`} role="status" data-testid="note-status" title={error ?? undefined}>
          {st.icon}
          {status === 'error' ? `${st.text}: ${error}` : st.text}
        </span>
        <div className="notes-panel__tools">
          <div className="note-tabs" role="tablist" aria-label="Note view">
            <button type="button" role="tab" aria-selected={mode === 'write'} className={`note-tabs__item${mode === 'write' ? ' is-active' : ''}`} onClick={() => setMode('write')}>
              <Pencil size={12} aria-hidden /> Write
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={mode === 'preview'}
              className={`note-tabs__item${mode === 'preview' ? ' is-active' : ''}`}
              onClick={() => {
                void flushNote();
                setMode('preview');
              }}
            >
              <Eye size={12} aria-hidden /> Preview
            </button>
          </div>
          <QuoteMenu
            paperId={paperId}
            onPick={(a) => {
              setMode('write');
              const text = quoteAnnotation(a);
              // The editor mounts again when switching from the preview: insert once it is there.
              requestAnimationFrame(() => editor.current?.insert(text));
            }}
          />
        </div>
      </div>
      {!loaded ? (
        <div className="notes-panel__loading skeleton" />
      ) : mode === 'write' ? (
        <NoteEditor ref={editor} value={body} onChange={editNote} onBlur={() => void flushNote()} label="Note editor" />
      ) : (
        <NotePreview body={body} />
      )}
    </section>
  );
}
