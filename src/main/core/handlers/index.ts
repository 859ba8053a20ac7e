/**
 * Every contract entry as a plain function of the core services, one file per domain. Nothing
 * here knows which transport called it. `satisfies Handlers` proves every entry is implemented.
 */
import type { Handlers } from '../../../shared/ipc/contract';
import type { Core } from '../createCore';
import { paperHandlers } from './papers';
import { syncHandlers } from './sync';
import { pdfHandlers } from './pdfs';
import { libraryHandlers } from './library';
import { readerHandlers } from './reader';
import { exportHandlers } from './export';

export function createHandlers(core: Core): Handlers {
  return {
    ...paperHandlers(core),
    // ── sync (#3) ──
    ...syncHandlers(core),

    // ── pdfs (#3) ──
    ...pdfHandlers(core),

    // ── library (#4) ──
    ...libraryHandlers(core),

    // ── reader (#5) ──
    ...readerHandlers(core),

    // ── notes and export (#6) ──
    ...exportHandlers(core),

    // ── recommendations (#8) ──

    // ── reliability (#7) ──
  } satisfies Handlers;
}
