/**
 * E2E fixtures: every test gets its own library folder and its own browser-mode server (the same
 * core and renderer as the desktop app, over the loopback transport). Options inject the state a
 * test needs: a seeded library, extra environment (fixture server URLs), a broken data folder.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LibraryPom } from './poms/library-pom';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
export const FORMATS = resolve(ROOT, '..', 'shared', 'formats');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

export interface AppServer {
  url: string;
  origin: string;
  token: string;
  libraryDir: string;
  proc: ChildProcess;
  /** What the server wrote to stderr so far. */
  log: () => string;
}

/** Run the `papershelf` CLI against a library (for seeding). */
export function cli(libraryDir: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const r = spawnSync(TSX, [join(ROOT, 'src/main/cli/index.ts'), '--library', libraryDir, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`papershelf ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

export async function startServer(libraryDir: string, env: NodeJS.ProcessEnv = {}): Promise<AppServer> {
  const proc = spawn(TSX, [join(ROOT, 'src/main/web/cli.ts'), '--library', libraryDir], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const log = () => stderr;
  const ready = await new Promise<{ url: string; port: number; token: string }>((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`browser mode did not start: ${stderr}`)), 30_000);
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /PAPERSHELF_READY (.*)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(JSON.parse(m[1]!) as { url: string; port: number; token: string });
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`browser mode exited (${code}): ${stderr}`));
    });
  });
  return { url: ready.url, origin: `http://127.0.0.1:${ready.port}`, token: ready.token, libraryDir, proc, log };
}

export async function stopServer(s: AppServer): Promise<void> {
  if (s.proc.exitCode !== null || s.proc.signalCode !== null) return;
  await new Promise<void>((ok) => {
    s.proc.once('exit', () => ok());
    s.proc.kill('SIGTERM');
  });
}

export interface Fixtures {
  /** Files of shared/formats or e2e/data to import (`hf-json`) before the app starts. */
  seedHf: string[];
  /** Extra environment for the server (e.g. fixture server URLs). */
  serverEnv: NodeJS.ProcessEnv;
  libraryDir: string;
  server: AppServer;
  library: LibraryPom;
}

export const test = base.extend<Fixtures>({
  seedHf: [[], { option: true }],
  serverEnv: [{}, { option: true }],
   
  libraryDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'papershelf-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  server: async ({ libraryDir, seedHf, serverEnv }, use, testInfo) => {
    for (const f of seedHf) cli(libraryDir, ['import', 'hf-json', f]);
    const s = await startServer(libraryDir, serverEnv);
    await use(s);
    // A server that died during the test explains whatever failed after: say so, with its log.
    const died = s.proc.exitCode !== null || s.proc.signalCode !== null;
    if (s.log()) await testInfo.attach('server stderr', { body: s.log(), contentType: 'text/plain' });
    await stopServer(s);
    if (died) throw new Error(`browser mode exited during the test (${s.proc.exitCode ?? s.proc.signalCode}): ${s.log()}`);
  },
  library: async ({ page, server }, use, testInfo) => {
    const pom = new LibraryPom(page, testInfo);
    await pom.open(server.url);
    await use(pom);
  },
});

export { expect, type Page };
