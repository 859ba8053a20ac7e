/**
 * The Markdown editor: CodeMirror 6 with Markdown highlighting, history, line wrapping. The text
 * lives in notesStore; this view reports edits and takes external changes (another paper, a
 * merged conflict) without losing the cursor more than it must.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';

export interface NoteEditorHandle {
  /** Insert text at the cursor, on lines of its own. */
  insert(text: string): void;
  focus(): void;
}

interface Props {
  value: string;
  onChange(value: string): void;
  onBlur(): void;
  label: string;
}

/** Markdown colours from the theme's variables, so both themes read well. */
const highlight = HighlightStyle.define([
  { tag: t.heading, fontWeight: '700', color: 'var(--accent-strong)' },
  { tag: t.strong, fontWeight: '700' },
  { tag: t.emphasis, fontStyle: 'italic' },
  { tag: t.strikethrough, textDecoration: 'line-through' },
  { tag: [t.link, t.url], color: 'var(--accent)' },
  { tag: t.monospace, color: 'var(--success)' },
  { tag: t.quote, color: 'var(--text-muted)', fontStyle: 'italic' },
  { tag: [t.processingInstruction, t.contentSeparator, t.list], color: 'var(--text-faint)' },
  { tag: t.meta, color: 'var(--text-faint)' },
]);

const theme = EditorView.theme({
  '&': { fontSize: '13px', backgroundColor: 'var(--bg-elevated)', color: 'var(--text)' },
  '.cm-content': { fontFamily: 'var(--font-mono)', padding: '10px 0', caretColor: 'var(--text)' },
  '.cm-line': { padding: '0 12px' },
  '&.cm-focused': { outline: 'none' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--bg-selected)' },
  '.cm-placeholder': { color: 'var(--text-faint)' },
  '.cm-scroller': { minHeight: '120px', maxHeight: '420px', overflow: 'auto' },
});

export const NoteEditor = forwardRef<NoteEditorHandle, Props>(function NoteEditor({ value, onChange, onBlur, label }, ref) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const handlers = useRef({ onChange, onBlur });
  handlers.current = { onChange, onBlur };

  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          markdown(),
          syntaxHighlighting(highlight),
          EditorView.lineWrapping,
          placeholder('Write a note in Markdown: **bold**, [links](https://…), $math$…'),
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true' }),
          theme,
          EditorView.updateListener.of((u) => {
            if (u.docChanged) handlers.current.onChange(u.state.doc.toString());
          }),
          EditorView.domEventHandlers({ blur: () => handlers.current.onBlur() }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // The view is created once; `value` changes are applied by the effect below.
  }, []);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const cur = v.state.doc.toString();
    if (cur !== value) {
      const head = Math.min(v.state.selection.main.head, value.length);
      v.dispatch({ changes: { from: 0, to: cur.length, insert: value }, selection: { anchor: head } });
    }
  }, [value]);

  useImperativeHandle(ref, () => ({
    insert(text: string) {
      const v = view.current;
      if (!v) return;
      const { from, to } = v.state.selection.main;
      const doc = v.state.doc;
      const before = from > 0 && doc.sliceString(from - 1, from) !== '\n' ? '\n\n' : from > 1 && doc.sliceString(from - 2, from) !== '\n\n' ? '\n' : '';
      const after = to < doc.length && doc.sliceString(to, to + 1) !== '\n' ? '\n\n' : '\n';
      const insert = `${before}${text}${after}`;
      v.dispatch({ changes: { from, to, insert }, selection: { anchor: from + insert.length }, scrollIntoView: true });
      v.focus();
    },
    focus() {
      view.current?.focus();
    },
  }));

  return <div className="note-editor" ref={host} />;
});
