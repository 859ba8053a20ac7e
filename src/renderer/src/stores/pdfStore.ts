/**
 * PDFs in the renderer: download progress by paper, the queue and full-text summary for the
 * activity indicator, and the outcome of local imports (drag & drop, file picker).
 */
import { create } from 'zustand';
import type { MainEvents } from '@shared/ipc/contract';
import { MAX_IMPORT_BYTES, type PdfImportResult, type PdfSettings, type PdfStatus } from '@shared/pdfs';
import { api } from '../api/client';
import { select } from './libraryStore';
import { refreshIfShown } from './detailStore';

export interface ImportNotice {
  key: number;
  name: string;
  tone: 'ok' | 'info' | 'error';
  message: string;
  paperId: number | null;
}

interface PdfStoreState {
  status: PdfStatus | null;
  /** Bytes received per paper while downloading. */
  progress: Record<number, { received: number; total: number | null }>;
  text: MainEvents['pdf:textProgress'] | null;
  importing: number;
  notices: ImportNotice[];
  settings: PdfSettings | null;
}

const initial: PdfStoreState = { status: null, progress: {}, text: null, importing: 0, notices: [], settings: null };
export const usePdfStore = create<PdfStoreState>()(() => ({ ...initial, progress: {}, notices: [] }));
export const resetPdfStore = () => usePdfStore.setState({ ...initial, progress: {}, notices: [] });

let statusTimer: ReturnType<typeof setTimeout> | null = null;
let noticeKey = 0;

export async function refreshStatus(): Promise<void> {
  try {
    const status = await api().invoke('pdfs:status', {});
    usePdfStore.setState({ status });
  } catch {
    // The indicator is advisory; the next event refreshes it.
  }
}

function refreshStatusSoon(): void {
  if (statusTimer) return;
  statusTimer = setTimeout(() => {
    statusTimer = null;
    void refreshStatus();
  }, 250);
}

/** Subscribe to the PDF events once (App mounts this); returns the unsubscribe function. */
export function subscribePdfEvents(): () => void {
  void refreshStatus();
  const offs = [
    api().on('pdf:progress', ({ paperId, received, total }) => {
      usePdfStore.setState((s) => ({ progress: { ...s.progress, [paperId]: { received, total } } }));
      refreshStatusSoon();
    }),
    api().on('pdf:state', ({ paperId, state }) => {
      if (state !== 'downloading') {
        usePdfStore.setState((s) => {
          const progress = { ...s.progress };
          delete progress[paperId];
          return { progress };
        });
      }
      refreshIfShown([paperId]);
      refreshStatusSoon();
    }),
    api().on('pdf:textProgress', (text) => {
      const prev = usePdfStore.getState().text?.current ?? null;
      usePdfStore.setState({ text });
      if (prev !== null && prev !== text.current) refreshIfShown([prev]);
      refreshStatusSoon();
    }),
  ];
  return () => offs.forEach((off) => off());
}

export async function downloadPdf(paperId: number, force = false): Promise<void> {
  try {
    const r = await api().invoke('pdfs:download', { ids: [paperId], force });
    if (r.queued === 0 && r.skipped[0]) notify({ name: 'Download PDF', tone: 'info', message: r.skipped[0].reason, paperId });
  } catch (e) {
    notify({ name: 'Download PDF', tone: 'error', message: (e as Error).message, paperId });
  }
  refreshStatusSoon();
}

function notify(n: Omit<ImportNotice, 'key'>): void {
  const key = ++noticeKey;
  usePdfStore.setState((s) => ({ notices: [...s.notices.slice(-4), { ...n, key }] }));
  setTimeout(() => dismissNotice(key), n.tone === 'error' ? 12_000 : 6_000);
}

export function dismissNotice(key: number): void {
  usePdfStore.setState((s) => ({ notices: s.notices.filter((n) => n.key !== key) }));
}

function describe(r: PdfImportResult): Omit<ImportNotice, 'key'> {
  if (r.kind === 'duplicate') return { name: r.name, tone: 'info', message: `Already in the library: “${r.title}”`, paperId: r.paperId };
  if (r.kind === 'new') return { name: r.name, tone: 'ok', message: `Added as a new paper: “${r.title}”`, paperId: r.paperId };
  return {
    name: r.name,
    tone: 'ok',
    message: `Attached to “${r.title}” (matched by ${r.matchedBy === 'arxiv' ? 'arXiv id' : 'DOI'})`,
    paperId: r.paperId,
  };
}

function toBase64(file: File): Promise<string> {
  return new Promise((ok, fail) => {
    const reader = new FileReader();
    reader.onload = () => ok(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => fail(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(file);
  });
}

/** Import dropped or picked files one by one; the last imported paper is selected. */
export async function importFiles(files: File[]): Promise<void> {
  let last: number | null = null;
  for (const file of files) {
    usePdfStore.setState((s) => ({ importing: s.importing + 1 }));
    try {
      if (file.size > MAX_IMPORT_BYTES) {
        throw new Error(`${file.name} is larger than ${Math.round(MAX_IMPORT_BYTES / 1024 / 1024)} MB; import it with \`papershelf import pdf\`.`);
      }
      const r = await api().invoke('pdfs:importBytes', { name: file.name, base64: await toBase64(file) });
      notify(describe(r));
      last = r.paperId;
    } catch (e) {
      notify({ name: file.name, tone: 'error', message: (e as Error).message, paperId: null });
    } finally {
      usePdfStore.setState((s) => ({ importing: s.importing - 1 }));
    }
  }
  if (last !== null) select(last);
  refreshStatusSoon();
}

export async function loadPdfSettings(): Promise<void> {
  try {
    usePdfStore.setState({ settings: await api().invoke('pdfs:getSettings', {}) });
  } catch (e) {
    notify({ name: 'PDF settings', tone: 'error', message: (e as Error).message, paperId: null });
  }
}

export async function savePdfSettings(patch: Partial<PdfSettings>): Promise<void> {
  try {
    usePdfStore.setState({ settings: await api().invoke('pdfs:setSettings', patch) });
  } catch (e) {
    notify({ name: 'PDF settings', tone: 'error', message: (e as Error).message, paperId: null });
  }
}

// Selectors
export const selectProgressOf = (paperId: number) => (s: PdfStoreState) => s.progress[paperId];
export const selectNotices = (s: PdfStoreState) => s.notices;
