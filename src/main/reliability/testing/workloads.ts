/**
 * Workloads for the kill harness. Each runs through the core's own handlers, the same path the
 * app uses, and calls `ack` only after the handler resolved (the save is acknowledged).
 */
import type { Core } from '../../core/createCore';
import { upsertListings } from '../../library/listings';
import { fakeArxivId } from '../../sync/testing/feeds';

export type Ack = (kind: string, key: string, value: string) => void;
export type Workload = (core: Core, ack: Ack, seed: number) => Promise<void>;

export const SYNC_SPEC = { kind: 'hf', params: { mode: 'range', from: '2026-11-20', to: '2026-11-26' } } as const;

/** Papers whose PDFs the kill test's PDF server holds. */
export const PDF_PAPERS = Array.from({ length: 24 }, (_, i) => fakeArxivId(70_000 + i));

export const workloads: Record<string, Workload> = {
  /** Download PDFs (and extract their text); a restart resumes the queue. */
  pdf: async (core) => {
    const { ids } = upsertListings(
      core.library.db,
      PDF_PAPERS.map((arxivId, i) => ({ arxivId, version: 1, title: `Paper with a PDF ${i}`, abstract: null, authors: [{ name: 'Ada Lovelace' }], publishedAt: '2026-11-20', authoritative: false })),
      { sourceKey: 'kill-test' },
    );
    await core.handlers['pdfs:download']({ ids, force: false });
    await core.pdfs.downloads.idle();
    await core.pdfs.text.idle();
  },
  /** A long HF sync; a run left behind by a kill must resume to the clean result. */
  sync: async (core) => {
    const runs = await core.handlers['sync:runs']({ limit: 50 });
    const unfinished = runs.find((r) => r.status === 'interrupted' || r.status === 'failed');
    const run = unfinished ? core.sync.resume(unfinished.id) : core.sync.start({ spec: SYNC_SPEC });
    await run.done;
  },
};
