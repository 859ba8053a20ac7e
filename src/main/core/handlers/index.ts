/**
 * Every contract entry as a plain function of the core services, one file per domain. Nothing
 * here knows which transport called it. `satisfies Handlers` proves every entry is implemented.
 */
import type { Handlers } from '../../../shared/ipc/contract';
import type { Core } from '../createCore';
import { paperHandlers } from './papers';
import { recsHandlers } from './recs';

export function createHandlers(core: Core): Handlers {
  return {
    ...paperHandlers(core),
    // ── sync (#3) ──

    // ── pdfs (#3) ──

    // ── library (#4) ──

    // ── reader (#5) ──

    // ── notes and export (#6) ──

    // ── recommendations (#8) ──
    ...recsHandlers(core),

    // ── reliability (#7) ──
  } satisfies Handlers;
}
