/**
 * Workloads for the kill harness. Each runs through the core's own handlers, the same path the
 * app uses, and calls `ack` only after the handler resolved (the save is acknowledged).
 */
import type { Core } from '../../core/createCore';

export type Ack = (kind: string, key: string, value: string) => void;
export type Workload = (core: Core, ack: Ack, seed: number) => Promise<void>;

export const SYNC_SPEC = { kind: 'hf', params: { mode: 'range', from: '2026-11-20', to: '2026-11-26' } } as const;

export const workloads: Record<string, Workload> = {
  /** A long HF sync; a run left behind by a kill must resume to the clean result. */
  sync: async (core) => {
    const runs = await core.handlers['sync:runs']({ limit: 50 });
    const unfinished = runs.find((r) => r.status === 'interrupted' || r.status === 'failed');
    const run = unfinished ? core.sync.resume(unfinished.id) : core.sync.start({ spec: SYNC_SPEC });
    await run.done;
  },
};
