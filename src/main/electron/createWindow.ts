/**
 * The one factory for windows: sandboxed, context-isolated, no Node in the renderer, a CSP from
 * index.html, navigation and new windows denied, http(s) links handed to the system browser,
 * permissions denied by default.
 */
import { BrowserWindow, session, shell, type WebContents } from 'electron';
import { isAppUrl, isSafeExternalUrl, secureWebPreferences } from './windowOptions';

export interface CreateWindowOptions {
  preloadPath: string;
  /** `file://…/index.html`, or the dev server URL in development. */
  appUrl: string;
  title?: string;
}

export function hardenContents(contents: WebContents, appUrl: string): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  const blockNavigation = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url, appUrl)) return;
    event.preventDefault();
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
  };
  contents.on('will-navigate', blockNavigation);
  contents.on('will-redirect', blockNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

let permissionsLocked = false;
export function denyAllPermissions(): void {
  if (permissionsLocked) return;
  permissionsLocked = true;
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => {
    callback(permission === 'clipboard-sanitized-write');
  });
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => permission === 'clipboard-sanitized-write');
}

export function createWindow(opts: CreateWindowOptions): BrowserWindow {
  denyAllPermissions();
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: opts.title ?? 'Papershelf',
    backgroundColor: '#1b1d21',
    webPreferences: secureWebPreferences(opts.preloadPath),
  });
  hardenContents(win.webContents, opts.appUrl);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(opts.appUrl);
  return win;
}
