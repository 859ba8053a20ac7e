/**
 * The Electron main process: a thin host around the core. It owns the windows and the IPC
 * transport; everything else is the core (src/main/core), which never imports electron.
 */
import { app, BrowserWindow, ipcMain, dialog } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AppError } from '../shared/errors';
import { createCore, type Core } from './core/createCore';
import { createGate } from './ipc/gate';
import { createWindow } from './electron/createWindow';
import { forwardEvents, registerIpc } from './electron/ipc';
import { electronNativeBinding, migrationsFolderFor } from './electron/paths';

const mainDir = fileURLToPath(new URL('.', import.meta.url));

class App {
  private core: Core | null = null;
  private disposers: (() => void)[] = [];

  async initialize(): Promise<void> {
    await app.whenReady();
    const appUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(mainDir, '../renderer/index.html')).href;
    try {
      this.core = createCore({
        transport: 'ipc',
        hostDefaultDir: app.getPath('userData'),
        migrationsFolder: migrationsFolderFor(app.isPackaged, mainDir),
        nativeBinding: electronNativeBinding(app.isPackaged, mainDir),
      });
    } catch (e) {
      dialog.showErrorBox('Papershelf cannot open the library', e instanceof AppError ? e.message : String(e));
      app.exit(1);
      return;
    }
    const dispatch = createGate(this.core.handlers);
    this.disposers.push(registerIpc(ipcMain, dispatch, appUrl));
    this.disposers.push(
      forwardEvents(this.core.events, () => BrowserWindow.getAllWindows().map((w) => w.webContents)),
    );
    createWindow({ preloadPath: join(mainDir, '../preload/index.cjs'), appUrl });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) {
        createWindow({ preloadPath: join(mainDir, '../preload/index.cjs'), appUrl });
      }
    });
  }

  async dispose(): Promise<void> {
    for (const d of this.disposers.splice(0)) d();
    await this.core?.dispose();
    this.core = null;
  }
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const root = new App();
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    void root.dispose();
  });
  root.initialize().catch((e: unknown) => {
    console.error(e);
    app.exit(1);
  });
}
