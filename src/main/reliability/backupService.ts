/** Daily backups in the background, checked a minute after start and then hourly. */
import type Database from 'better-sqlite3';
import { backupLibrary, listBackups } from './backup';

const DAY = 24 * 60 * 60 * 1000;

export class BackupService {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<string | null> | null = null;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly libraryDir: string,
  ) {}

  /** Start checking periodically (hosts that stay up: the app, browser mode). */
  start(firstCheckMs = 60_000, everyMs = 60 * 60 * 1000): void {
    const tick = () => {
      void this.runDue().catch((e: unknown) => console.error('[backup] daily backup failed:', e));
      this.timer = setTimeout(tick, everyMs);
      this.timer.unref();
    };
    this.timer = setTimeout(tick, firstCheckMs);
    this.timer.unref();
  }

  /** Make a daily backup if the newest one is a day old or there is none. */
  runDue(now = Date.now()): Promise<string | null> {
    if (this.running) return this.running;
    const newest = listBackups(this.libraryDir).find((b) => b.kind === 'daily');
    if (newest && now - Date.parse(newest.createdAt) < DAY) return Promise.resolve(null);
    this.running = backupLibrary(this.sqlite, this.libraryDir, 'daily').finally(() => (this.running = null));
    return this.running;
  }

  async dispose(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => null);
  }
}
