/**
 * The note being edited in the detail pane, and the Notes view's list.
 *
 * Typing updates `body` at once; a save follows within `AUTOSAVE_MS` of the last keystroke, on
 * blur and when the page goes away (`flushOnExit`: a keepalive request that outlives the page).
 * Until the core confirms, the text is also kept as a draft in localStorage, so a reload shows
 * the last typed text even if the save never arrived. When another window's save was replaced
 * (last write wins), its text is appended below a marker instead of being lost.
 */
import { create } from 'zustand';
import type { NoteListItem } from '@shared/notesExport';
import { api } from '../api/client';
import { invokeOnExit } from '../api/keepalive';

export const AUTOSAVE_MS = 700;

type SaveStatus = 'idle' | 'dirty' | 'saving' | 'saved' | 'error';

interface NotesState {
  paperId: number | null;
  body: string;
  /** The server's updatedAt the current text is based on. */
  baseUpdatedAt: string | null;
  loaded: boolean;
  status: SaveStatus;
  error: string | null;
  /** Notes view */
  viewOpen: boolean;
  list: NoteListItem[] | null;
}

const initial: NotesState = {
  paperId: null,
  body: '',
  baseUpdatedAt: null,
  loaded: false,
  status: 'idle',
  error: null,
  viewOpen: false,
  list: null,
};
export const useNotesStore = create<NotesState>()(() => ({ ...initial }));
export const resetNotesStore = () => useNotesStore.setState({ ...initial });

const draftKey = (paperId: number) => `papershelf-note-draft:${paperId}`;
interface Draft {
  body: string;
  base: string | null;
}

function readDraft(paperId: number): Draft | null {
  try {
    const raw = localStorage.getItem(draftKey(paperId));
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

let timer: ReturnType<typeof setTimeout> | null = null;
let inFlight: Promise<void> | null = null;

export async function loadNote(paperId: number | null): Promise<void> {
  await flushNote();
  if (paperId === null) {
    useNotesStore.setState({ paperId: null, body: '', baseUpdatedAt: null, loaded: false, status: 'idle', error: null });
    return;
  }
  useNotesStore.setState({ paperId, loaded: false, status: 'idle', error: null });
  try {
    const doc = await api().invoke('notes:get', { paperId });
    if (useNotesStore.getState().paperId !== paperId) return;
    const draft = readDraft(paperId);
    // A draft newer than what the core has (a save that never arrived): keep typing from it.
    if (draft && draft.body !== doc.body && draft.base === doc.updatedAt) {
      useNotesStore.setState({ body: draft.body, baseUpdatedAt: doc.updatedAt, loaded: true, status: 'dirty' });
      scheduleSave();
    } else {
      localStorage.removeItem(draftKey(paperId));
      useNotesStore.setState({ body: doc.body, baseUpdatedAt: doc.updatedAt, loaded: true, status: 'idle' });
    }
  } catch (e) {
    if (useNotesStore.getState().paperId === paperId) useNotesStore.setState({ error: (e as Error).message, loaded: true });
  }
}

export function editNote(body: string): void {
  const { paperId, baseUpdatedAt } = useNotesStore.getState();
  if (paperId === null) return;
  useNotesStore.setState({ body, status: 'dirty' });
  try {
    localStorage.setItem(draftKey(paperId), JSON.stringify({ body, base: baseUpdatedAt } satisfies Draft));
  } catch {
    // Storage full or disabled: the autosave still runs.
  }
  scheduleSave();
}

function scheduleSave(): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    void flushNote();
  }, AUTOSAVE_MS);
}

/** Save now if there is unsaved text (blur, switching papers); resolves when saved. */
export async function flushNote(): Promise<void> {
  if (timer) {
    clearTimeout(timer);
    timer = null;
  }
  if (inFlight) await inFlight;
  const s = useNotesStore.getState();
  if (s.paperId === null || s.status !== 'dirty') return;
  const { paperId, body, baseUpdatedAt } = s;
  useNotesStore.setState({ status: 'saving' });
  inFlight = (async () => {
    try {
      const saved = await api().invoke('notes:save', { paperId, body, baseUpdatedAt });
      const cur = useNotesStore.getState();
      if (cur.paperId !== paperId) return;
      const typedSince = cur.body !== body;
      if (saved.replaced) {
        // Keep the other window's text: append it, and save the merge.
        const merged = `${cur.body}\n\n---\n*Text from another window, replaced at ${new Date(saved.updatedAt).toLocaleString()}:*\n\n${saved.replaced}`;
        useNotesStore.setState({ baseUpdatedAt: saved.updatedAt });
        editNote(merged);
        return;
      }
      if (!typedSince) localStorage.removeItem(draftKey(paperId));
      useNotesStore.setState({ baseUpdatedAt: saved.updatedAt, status: typedSince ? 'dirty' : 'saved', error: null });
      if (typedSince) {
        localStorage.setItem(draftKey(paperId), JSON.stringify({ body: cur.body, base: saved.updatedAt } satisfies Draft));
        scheduleSave();
      }
    } catch (e) {
      if (useNotesStore.getState().paperId === paperId) useNotesStore.setState({ status: 'error', error: (e as Error).message });
    }
  })();
  await inFlight;
  inFlight = null;
}

/** The page is going away: send unsaved text with a request that survives the page. */
export function flushOnExit(): void {
  const s = useNotesStore.getState();
  if (s.paperId === null || (s.status !== 'dirty' && s.status !== 'error')) return;
  if (timer) clearTimeout(timer);
  invokeOnExit('notes:save', { paperId: s.paperId, body: s.body, baseUpdatedAt: s.baseUpdatedAt });
}

/** Insert text at the end of the note (the editor inserts at the cursor itself when it can). */
export function appendToNote(text: string): void {
  const { body } = useNotesStore.getState();
  editNote(body ? `${body.replace(/\n*$/, '')}\n\n${text}\n` : `${text}\n`);
}

// Notes view
export async function loadNotesList(): Promise<void> {
  try {
    const list = await api().invoke('notes:list', {});
    useNotesStore.setState({ list });
  } catch (e) {
    useNotesStore.setState({ error: (e as Error).message });
  }
}

export function openNotesView(): void {
  useNotesStore.setState({ viewOpen: true });
  void loadNotesList();
}

export function closeNotesView(): void {
  useNotesStore.setState({ viewOpen: false });
}

export const selectSaveStatus = (s: NotesState) => s.status;
