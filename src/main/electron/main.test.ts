/**
 * The desktop host, with `electron` mocked: every contract entry is registered with ipcMain behind
 * the gate, calls from anything but our own main frame are refused, and the window is hardened.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/ipc/contract';

const h = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, args: unknown) => Promise<unknown>>();
  const windows: { opts: Record<string, unknown>; url?: string; contents: Record<string, unknown> }[] = [];
  const openExternal = vi.fn();
  const contentsHandlers = new Map<string, (...a: unknown[]) => void>();
  let windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null;
  return { handlers, windows, openExternal, contentsHandlers, getOpen: () => windowOpenHandler, setOpen: (f: typeof windowOpenHandler) => (windowOpenHandler = f) };
});

vi.mock('electron', () => {
  class BrowserWindow {
    static all: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.all;
    webContents = {
      setWindowOpenHandler: (f: (d: { url: string }) => { action: string }) => h.setOpen(f),
      on: (ev: string, f: (...a: unknown[]) => void) => h.contentsHandlers.set(ev, f),
      send: vi.fn(),
      isDestroyed: () => false,
    };
    constructor(opts: Record<string, unknown>) {
      h.windows.push({ opts, contents: this.webContents as unknown as Record<string, unknown> });
      BrowserWindow.all.push(this);
    }
    once() {}
    show() {}
    focus() {}
    loadURL(url: string) {
      h.windows[h.windows.length - 1]!.url = url;
      return Promise.resolve();
    }
  }
  const app = {
    whenReady: () => Promise.resolve(),
    getPath: () => mkdtempSync(join(tmpdir(), 'papershelf-electron-')),
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    on: vi.fn(),
    quit: vi.fn(),
    exit: vi.fn(),
  };
  const ipcMain = {
    handle: (channel: string, fn: (event: unknown, args: unknown) => Promise<unknown>) => h.handlers.set(channel, fn),
    removeHandler: (channel: string) => h.handlers.delete(channel),
  };
  const session = { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } };
  const shell = { openExternal: h.openExternal };
  const dialog = { showErrorBox: vi.fn() };
  return { app, BrowserWindow, ipcMain, session, shell, dialog, default: { app, BrowserWindow, ipcMain, session, shell, dialog } };
});

describe('the Electron main process', () => {
  beforeAll(async () => {
    process.env.PAPERSHELF_HOME = mkdtempSync(join(tmpdir(), 'papershelf-home-'));
    await import('../index');
    await vi.waitFor(() => expect(h.windows).toHaveLength(1));
  });

  it('registers every contract entry with ipcMain, and nothing else', () => {
    expect([...h.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('serves calls from our own main frame through the gate', async () => {
    const appUrl = h.windows[0]!.url!;
    const event = { senderFrame: { url: appUrl, parent: null }, sender: {} };
    const info = (await h.handlers.get('app:info')!(event, {})) as { ok: boolean; value: { transport: string; libraryPath: string } };
    expect(info).toMatchObject({ ok: true, value: { transport: 'ipc', libraryPath: process.env.PAPERSHELF_HOME } });
    expect(await h.handlers.get('papers:get')!(event, { id: 'x' })).toMatchObject({ ok: false, error: { type: 'invalid-args' } });
  });

  it('refuses calls from other pages and from sub-frames', async () => {
    const appUrl = h.windows[0]!.url!;
    const foreign = { senderFrame: { url: 'https://evil.example/', parent: null }, sender: {} };
    const subframe = { senderFrame: { url: appUrl, parent: {} }, sender: {} };
    expect(await h.handlers.get('app:info')!(foreign, {})).toMatchObject({ ok: false, error: { type: 'forbidden' } });
    expect(await h.handlers.get('app:info')!(subframe, {})).toMatchObject({ ok: false, error: { type: 'forbidden' } });
    expect(await h.handlers.get('app:info')!({ senderFrame: null, sender: {} }, {})).toMatchObject({ ok: false, error: { type: 'forbidden' } });
  });

  it('creates a sandboxed, context-isolated window with the CommonJS preload', () => {
    const prefs = h.windows[0]!.opts.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(h.windows[0]!.url).toMatch(/^file:.*renderer\/index\.html$/);
  });

  it('denies window.open, sending http(s) links to the system browser only', () => {
    const open = h.getOpen()!;
    expect(open({ url: 'https://arxiv.org/abs/2604.11784' })).toEqual({ action: 'deny' });
    expect(h.openExternal).toHaveBeenCalledWith('https://arxiv.org/abs/2604.11784');
    h.openExternal.mockClear();
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(h.openExternal).not.toHaveBeenCalled();
  });

  it('prevents navigation and redirects away from the app, and webviews', () => {
    for (const ev of ['will-navigate', 'will-redirect']) {
      const prevent = vi.fn();
      h.contentsHandlers.get(ev)!({ preventDefault: prevent }, 'https://evil.example/');
      expect(prevent, ev).toHaveBeenCalled();
    }
    const prevent = vi.fn();
    h.contentsHandlers.get('will-navigate')!({ preventDefault: prevent }, h.windows[0]!.url);
    expect(prevent).not.toHaveBeenCalled();
    const wv = vi.fn();
    h.contentsHandlers.get('will-attach-webview')!({ preventDefault: wv });
    expect(wv).toHaveBeenCalled();
  });
});
