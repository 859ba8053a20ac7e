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
import { createPdfServices, downloadOptionsFromEnv, type PdfServices } from '../pdfs/service';

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
  /** PDF download queue, full-text indexer, local import (#3). */
  pdfs: PdfServices;
  dispose(): Promise<void>;
}

export function createCore(opts: CoreOptions): Core {
  const env = opts.env ?? process.env;
  const dir = resolveLibraryDir({ explicit: opts.libraryDir, env, hostDefault: opts.hostDefaultDir });
  const library = openLibrary(dir, opts);
  const core: Core = {
    version: APP_VERSION,
    transport: opts.transport,
    library,
    urls: sourceUrlsFromEnv(env),
    events: new EventBus(),
    handlers: undefined as unknown as Handlers,
    pdfs: undefined as unknown as PdfServices,
    dispose: async () => {
      await core.pdfs.dispose(); // pdfs (#3)
      library.close();
    },
  };
  core.handlers = createHandlers(core);
  // ── pdfs (#3): download queue + full-text indexer, resumed at start ──
  core.pdfs = createPdfServices(core, downloadOptionsFromEnv(env));
  if (opts.background !== false) core.pdfs.start();
  return core;
}
