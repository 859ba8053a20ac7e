/** Library keyboard shortcuts (listed in components/shortcuts.ts and the `?` dialog). */
import { useEffect } from 'react';
import { openDialog, focusTagEditor, useDialogStore } from '../stores/dialogStore';
import { setBulkTagOpen } from '../stores/bulkStore';
import {
  clearSelection, focusedRow, moveCursor, selectAll, setSearch, setStarredFor, setStateFor, targetIds,
  toggleCursorSelection, useLibraryStore,
} from '../stores/libraryStore';
import { SEARCH_INPUT_ID } from '../components/SearchBox';
import { openReader, useReaderStore } from '../stores/readerStore';

function isTyping(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || !!el.closest('[role=dialog],[role=menu]');
}

export function handleLibraryKey(e: KeyboardEvent): boolean {
  if (useDialogStore.getState().open || isTyping(e.target) || e.altKey) return false;
  // A reader tab is in front: its own keys apply, not the hidden list's.
  if (useReaderStore.getState().active !== null) return false;
  const mod = e.ctrlKey || e.metaKey;
  if (mod && e.key.toLowerCase() === 'a') {
    void selectAll();
    return true;
  }
  if (mod) return false;
  const ids = targetIds();
  switch (e.key) {
    case 'j':
    case 'ArrowDown':
      moveCursor(1);
      return true;
    case 'k':
    case 'ArrowUp':
      moveCursor(-1);
      return true;
    case 'Enter': {
      if (useLibraryStore.getState().cursor === null) moveCursor(0);
      // Enter opens the paper: its PDF in a reader tab when the library has it, else the details.
      const row = focusedRow();
      if (row && row.pdfState === 'done') openReader(row.id, row.title);
      else document.getElementById('detail-pane')?.focus();
      return true;
    }
    case '/':
      document.getElementById(SEARCH_INPUT_ID)?.focus();
      return true;
    case 't':
      if (ids.length > 1) setBulkTagOpen(true);
      else if (ids.length === 1) focusTagEditor();
      return ids.length > 0;
    case 's': {
      const row = focusedRow();
      void setStarredFor(ids, !(row?.starred ?? false));
      return ids.length > 0;
    }
    case 'r':
      void setStateFor(ids, 'read');
      return ids.length > 0;
    case 'e':
      void setStateFor(ids, 'dismissed');
      return ids.length > 0;
    case 'x':
      toggleCursorSelection();
      return true;
    case 'Delete':
    case 'Backspace':
      if (ids.length) openDialog({ kind: 'delete-papers', ids });
      return ids.length > 0;
    case 'Escape':
      if (useLibraryStore.getState().selected.size > 1) clearSelection();
      else if (useLibraryStore.getState().search) void setSearch('');
      return true;
    case '?':
      openDialog({ kind: 'shortcuts' });
      return true;
  }
  return false;
}

export function useLibraryKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (handleLibraryKey(e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
