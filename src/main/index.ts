/**
 * The Electron main process: a thin host around the core. It owns the windows and the IPC
 * transport; everything else is the core (src/main/core), which never imports electron.
 */
import { app, BrowserWindow, ipcMain, dialog } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AppError } from '../shared/errors';
import { openCore, type Core } from './core/createCore';
import { createGate } from './ipc/gate';
import { createWindow } from './electron/createWindow';
import { forwardEvents, registerIpc } from './electron/ipc';
import { electronNativeBinding, electronRankExtension, migrationsFolderFor } from './electron/paths';
import { resolveLibraryDir } from './library/home';
import { newestGoodBackup, restoreBackup } from './reliability/backup';

const mainDir = fileURLToPath(new URL('.', import.meta.url));

class App {
  private core: Core | null = null;
  private disposers: (() => void)[] = [];

  async initialize(): Promise<void> {
    await app.whenReady();
    const appUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(mainDir, '../renderer/index.html')).href;
    const open = () =>
      openCore({
        transport: 'ipc',
        hostDefaultDir: app.getPath('userData'),
        migrationsFolder: migrationsFolderFor(app.isPackaged, mainDir),
        nativeBinding: electronNativeBinding(app.isPackaged, mainDir),
        rankExtension: electronRankExtension(app.isPackaged),
      });
    try {
      this.core = await open();
    } catch (e) {
      this.core = await recoverOrQuit(e, open);
      if (!this.core) return;
    }
    this.core.backups.start();
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

/**
 * A library found damaged after an unclean shutdown is not opened: offer the newest good backup
 * instead (the damaged file is kept as a backup by restoreBackup).
 */
async function recoverOrQuit(error: unknown, open: () => Promise<Core>): Promise<Core | null> {
  const message = error instanceof AppError ? error.message : String(error);
  if (error instanceof AppError && error.type === 'damaged') {
    const dir = resolveLibraryDir({ hostDefault: app.getPath('userData') });
    const good = newestGoodBackup(dir);
    if (good) {
      const choice = dialog.showMessageBoxSync({
        type: 'error',
        title: 'Papershelf',
        message: 'The library is damaged',
        detail: `${message}\n\nRestore the backup from ${new Date(good.createdAt).toLocaleString()}?`,
        buttons: ['Restore backup', 'Quit'],
        defaultId: 0,
        cancelId: 1,
      });
      if (choice === 0) {
        try {
          await restoreBackup(dir, good.file);
          return await open();
        } catch (e2) {
          dialog.showErrorBox('Papershelf could not restore the backup', e2 instanceof AppError ? e2.message : String(e2));
        }
      }
      app.exit(1);
      return null;
    }
  }
  dialog.showErrorBox('Papershelf cannot open the library', message);
  app.exit(1);
  return null;
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
