/**
 * The core: the library and the services on it, with one `Handlers` object that both transports
 * (Electron IPC, loopback HTTP) serve. Never imports `electron`.
 */
import { openLibrary, type Library, type OpenOptions } from '../db/client';
import { resolveLibraryDir } from '../library/home';
import { sourceUrlsFromEnv, type SourceUrls } from './config';
import { EventBus } from './events';
import { createHandlers } from './handlers/index';
import type { Handlers } from '../../shared/ipc/contract';
import { APP_VERSION } from './version';
import { BackupService } from '../reliability/backupService';
import { damagedMessage, prepareLibrary } from '../reliability/prepare';
import { SyncService } from '../sync/service';
import { httpOptionsFromEnv } from '../sync/http';
import { createPdfServices, downloadOptionsFromEnv, type PdfServices } from '../pdfs/service';
import { AutoBibExporter } from '../export/autoBib';

export interface CoreOptions extends OpenOptions {
  /** Library folder chosen by the host (`--library`, PAPERSHELF_HOME or the host default). */
  libraryDir?: string;
  hostDefaultDir?: string;
  env?: NodeJS.ProcessEnv;
  transport: 'ipc' | 'http';
  /** Run background services (PDF downloads, text extraction) from the start; the CLI opts out. */
  background?: boolean;
}

export interface Core {
  version: string;
  transport: 'ipc' | 'http';
  library: Library;
  urls: SourceUrls;
  events: EventBus;
  handlers: Handlers;
  /** Daily backups (#7); hosts that stay up call `backups.start()`. */
  backups: BackupService;
  /** Sync runs (#3). */
  sync: SyncService;
  /** PDF download queue, full-text indexer, local import (#3). */
  pdfs: PdfServices;
  /** Keeps the chosen .bib file up to date (#6). */
  autoBib: AutoBibExporter;
  dispose(): Promise<void>;
}

export function createCore(opts: CoreOptions): Core {
  const env = opts.env ?? process.env;
  const dir = resolveLibraryDir({ explicit: opts.libraryDir, env, hostDefault: opts.hostDefaultDir });
  const library = openLibrary(dir, { onDamaged: damagedMessage, ...opts });
  /** Services stop in the reverse order they started, then the library closes. */
  const disposers: (() => Promise<void> | void)[] = [];
  const core = {
    version: APP_VERSION,
    transport: opts.transport,
    library,
    urls: sourceUrlsFromEnv(env),
    events: new EventBus(),
    dispose: async () => {
      for (const d of disposers.splice(0).reverse()) await d();
      library.close();
    },
  } as Core;
  core.backups = new BackupService(library.sqlite, library.dir);
  disposers.push(() => core.backups.dispose());
  core.sync = new SyncService({ library, urls: core.urls, events: core.events, http: httpOptionsFromEnv(env) });
  disposers.push(() => core.sync.dispose());
  // notes and export (#6): keeps the chosen .bib file up to date
  core.autoBib = new AutoBibExporter(library.db, core.events, Number(env.PAPERSHELF_AUTOBIB_DEBOUNCE_MS) || 1000);
  disposers.push(() => core.autoBib.dispose());
  core.handlers = createHandlers(core);
  // pdfs (#3): download queue + full-text indexer, resumed at start
  core.pdfs = createPdfServices(core, downloadOptionsFromEnv(env));
  disposers.push(() => core.pdfs.dispose());
  if (opts.background !== false) core.pdfs.start();
  return core;
}

/** What hosts call: back the library up if a migration is pending, then open the core. */
export async function openCore(opts: CoreOptions): Promise<Core> {
  const env = opts.env ?? process.env;
  const dir = resolveLibraryDir({ explicit: opts.libraryDir, env, hostDefault: opts.hostDefaultDir });
  await prepareLibrary(dir, opts.migrationsFolder);
  return createCore({ ...opts, libraryDir: dir });
}
