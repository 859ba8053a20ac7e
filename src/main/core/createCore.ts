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
import { SyncService } from '../sync/service';
import { httpOptionsFromEnv } from '../sync/http';
import { applyUrlSettings } from '../sync/urlSettings';

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
  /** Sync runs (#3). */
  sync: SyncService;
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
    sync: undefined as unknown as SyncService,
    dispose: async () => {
      await core.sync.dispose(); // sync (#3)
      library.close();
    },
  };
  applyUrlSettings(core.urls, library.db, env); // sync (#3): saved base URLs under env overrides
  core.sync = new SyncService({ library, urls: core.urls, events: core.events, env, http: httpOptionsFromEnv(env) }); // sync (#3)
  core.handlers = createHandlers(core);
  return core;
}
