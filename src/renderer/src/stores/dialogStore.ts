/** Which modal dialog is open (tag management, delete confirmation, shortcuts). One at a time. */
import { create } from 'zustand';
import type { TagNode } from '@shared/library';

export type DialogState =
  | { kind: 'rename-tag'; tag: TagNode }
  | { kind: 'merge-tag'; tag: TagNode }
  | { kind: 'delete-tag'; tag: TagNode }
  | { kind: 'create-tag' }
  | { kind: 'delete-papers'; ids: number[] }
  | { kind: 'save-search' }
  | { kind: 'shortcuts' };

export const useDialogStore = create<{ open: DialogState | null }>()(() => ({ open: null }));
export const openDialog = (d: DialogState) => useDialogStore.setState({ open: d });
export const closeDialog = () => useDialogStore.setState({ open: null });
export const resetDialogStore = closeDialog;

/** Ask the detail pane's tag editor to take focus (the `t` key). Bumped per request. */
export const useTagEditorFocus = create<{ n: number }>()(() => ({ n: 0 }));
export const focusTagEditor = () => useTagEditorFocus.setState((s) => ({ n: s.n + 1 }));
