/** Browser mode: the core behind the loopback HTTP transport, serving the renderer build. */
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { openCore, type Core } from '../core/createCore';
import { createGate } from '../ipc/gate';
import { startLoopbackServer, type LoopbackServer } from '../http/server';
import { pdfFileResolver } from '../core/handlers/reader';

export interface WebOptions {
  libraryDir?: string;
  port?: number;
  staticDir?: string;
  env?: NodeJS.ProcessEnv;
  token?: string;
}

export interface WebApp {
  core: Core;
  server: LoopbackServer;
  close(): Promise<void>;
}

export function defaultStaticDir(): string {
  return resolve(process.cwd(), 'out', 'renderer');
}

export async function startWeb(opts: WebOptions = {}): Promise<WebApp> {
  const core = await openCore({ libraryDir: opts.libraryDir, env: opts.env, transport: 'http' });
  const staticDir = opts.staticDir ?? defaultStaticDir();
  try {
    const server = await startLoopbackServer({
      dispatch: createGate(core.handlers),
      events: core.events,
      staticDir: existsSync(staticDir) ? staticDir : undefined,
      port: opts.port,
      token: opts.token,
      files: { pdf: pdfFileResolver(core) },
    });
    core.backups.start();
    return {
      core,
      server,
      close: async () => {
        await server.close();
        await core.dispose();
      },
    };
  } catch (e) {
    await core.dispose();
    throw e;
  }
}
