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
import { RecsService, recsCacheFile } from '../recs/service';

export interface CoreOptions extends OpenOptions {
  /** Library folder chosen by the host (`--library`, PAPERSHELF_HOME or the host default). */
  libraryDir?: string;
  hostDefaultDir?: string;
  env?: NodeJS.ProcessEnv;
  transport: 'ipc' | 'http';
}

export interface Core {
  version: string;
  transport: 'ipc' | 'http';
  library: Library;
  urls: SourceUrls;
  events: EventBus;
  handlers: Handlers;
  /** Recommendations (#8): the TF-IDF index and models, kept up to date in the background. */
  recs: RecsService;
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
    recs: undefined as unknown as RecsService,
    dispose: async () => {
      core.recs.dispose(); // recommendations (#8)
      library.close();
    },
  };
  // recommendations (#8): index built in the background from 1 s after start, cached in the library folder
  core.recs = new RecsService(library.db, { events: core.events, startAfterMs: 1000, cacheFile: recsCacheFile(dir) });
  core.handlers = createHandlers(core);
  return core;
}
