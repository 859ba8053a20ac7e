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

/** Papers the note and annotation workloads write to (created on first run). */
async function seedPapers(core: Core, n: number): Promise<number[]> {
  const { ids } = upsertListings(
    core.library.db,
    Array.from({ length: n }, (_, i) => ({ arxivId: fakeArxivId(60_000 + i), version: 1, title: `Annotated paper ${i}`, abstract: null, authors: [{ name: 'Grace Hopper' }], publishedAt: '2026-11-20', authoritative: false })),
    { sourceKey: 'kill-test' },
  );
  return ids;
}

/** Each run writes numbers above every earlier run's, so "a later save replaced it" is checkable. */
const counterBase = (seed: number) => (seed + 1) * 100_000;

export const workloads: Record<string, Workload> = {
  /** Note saves as the editor makes them: the whole body, based on the last save's time. */
  notes: async (core, ack, seed) => {
    const ids = await seedPapers(core, 5);
    const base = new Map<number, string | null>();
    for (const id of ids) base.set(id, (await core.handlers['notes:get']({ paperId: id }))?.updatedAt ?? null);
    // Save for a few seconds: longer than the harness waits before it kills.
    const until = Date.now() + 3000;
    for (let i = 0; Date.now() < until; i++) {
      const paperId = ids[i % ids.length]!;
      const n = counterBase(seed) + i;
      const body = `# Notes\n\nRead section ${i}; compare with the baseline. #${n}`;
      const saved = await core.handlers['notes:save']({ paperId, body, baseUpdatedAt: base.get(paperId) ?? null });
      base.set(paperId, saved.updatedAt);
      ack('note', String(paperId), `#${n}`);
    }
  },
  /** New annotations and edits of one field (the comment) of earlier ones. */
  annotations: async (core, ack, seed) => {
    const [paperId] = await seedPapers(core, 1);
    const made: string[] = [];
    const until = Date.now() + 3000;
    for (let i = 0; Date.now() < until; i++) {
      const n = counterBase(seed) + i;
      if (i % 3 === 2 && made.length) {
        const id = made[(i * 7) % made.length]!;
        await core.handlers['annotations:save']({ annotations: [{ id, paperId: paperId!, comment: `edited #${n}`, updatedAt: new Date().toISOString() }] });
        ack('annotation', id, `#${n}`);
        continue;
      }
      const id = `k${seed}-${i}`;
      await core.handlers['annotations:save']({
        annotations: [
          {
            id,
            paperId: paperId!,
            kind: 'highlight',
            color: '#ffd400',
            pageIndex: i % 4,
            rects: [[72, 700 - (i % 30) * 20, 400, 712 - (i % 30) * 20]],
            text: `quoted words ${i}`,
            comment: `new #${n}`,
            sortIndex: `${String(i % 4).padStart(5, '0')}|${String(i).padStart(6, '0')}|00100`,
          },
        ],
      });
      made.push(id);
      ack('annotation', id, `#${n}`);
    }
  },
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
