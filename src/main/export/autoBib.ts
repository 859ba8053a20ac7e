/**
 * Auto-export: keep one chosen .bib file up to date, as Better BibTeX's "keep updated" does.
 * Every `papers:changed` (sync, triage, tags, a citation key edit, an import) schedules a rewrite
 * after a quiet period; the file is replaced atomically and only when its text changes.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { AppError } from '../../shared/errors';
import type { AutoBibSettings } from '../../shared/notesExport';
import type { WriteDb } from '../db/client';
import type { EventBus } from '../core/events';
import { writeFileAtomic } from './files';
import { exportBib, getSetting, putSetting } from './service';

const KEY = 'export.autoBib';
const OFF: AutoBibSettings = { path: null, flavour: 'bibtex', charset: null, tag: null };

export interface AutoBibStatus extends AutoBibSettings {
  lastWrittenAt: string | null;
  lastError: string | null;
}

export class AutoBibExporter {
  private timer: NodeJS.Timeout | null = null;
  private lastError: string | null = null;
  private lastWrittenAt: string | null = null;
  private readonly off: () => void;

  constructor(
    private readonly db: WriteDb,
    events: EventBus,
    private readonly debounceMs = 1000,
  ) {
    this.off = events.on('papers:changed', () => this.schedule());
  }

  settings(): AutoBibSettings {
    return { ...OFF, ...getSetting<Partial<AutoBibSettings>>(this.db, KEY, {}) };
  }

  status(): AutoBibStatus {
    return { ...this.settings(), lastWrittenAt: this.lastWrittenAt, lastError: this.lastError };
  }

  /** Save the settings and write the file now (so a bad path fails here, visibly). */
  set(s: AutoBibSettings): AutoBibStatus {
    if (s.path !== null && !isAbsolute(s.path)) throw new AppError('bad-input', `Use an absolute path for the .bib file, not "${s.path}"`);
    if (s.path !== null && !/\.bib$/i.test(s.path)) throw new AppError('bad-input', `The auto-export file must end in .bib: "${s.path}"`);
    const prev = this.settings();
    putSetting(this.db, KEY, s);
    this.lastError = null;
    if (s.path) {
      try {
        this.writeNow();
      } catch (e) {
        putSetting(this.db, KEY, prev);
        throw e;
      }
    }
    return this.status();
  }

  schedule(): void {
    if (!this.settings().path) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      try {
        this.writeNow();
      } catch (e) {
        this.lastError = (e as Error).message;
        console.error(`[auto-export] ${this.lastError}`);
      }
    }, this.debounceMs);
  }

  /** Render and write if the text differs from the file's; returns whether it wrote. */
  writeNow(): boolean {
    const s = this.settings();
    if (!s.path) return false;
    const text = exportBib(this.db, s.tag ? { tag: s.tag } : { all: true }, s.flavour, s.charset);
    let current: string | null = null;
    try {
      current = readFileSync(s.path, 'utf8');
    } catch {
      current = null;
    }
    if (current === text) return false;
    writeFileAtomic(s.path, text);
    this.lastWrittenAt = new Date().toISOString();
    this.lastError = null;
    return true;
  }

  /** Write what is pending now (on shutdown). */
  flush(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = null;
    try {
      this.writeNow();
    } catch (e) {
      console.error(`[auto-export] ${(e as Error).message}`);
    }
  }

  dispose(): void {
    this.flush();
    this.off();
  }
}
