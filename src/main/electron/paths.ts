/**
 * Paths the desktop build needs. The Electron app loads an Electron-ABI build of better-sqlite3
 * from `native/electron/better_sqlite3.node` (made by `npm run rebuild:electron`), so the Node
 * build in node_modules keeps serving tests, the CLI and browser mode.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { rankExtensionFileName } from '../db/rank/extension';

export function migrationsFolderFor(isPackaged: boolean, mainDir: string): string {
  return isPackaged ? join(process.resourcesPath, 'drizzle') : join(mainDir, '..', '..', 'drizzle');
}

export function electronNativeBinding(isPackaged: boolean, mainDir: string): string | undefined {
  const candidate = isPackaged
    ? join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : join(mainDir, '..', '..', 'native', 'electron', 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}

/**
 * The search ranking extension (an SQLite extension: no Node or Electron ABI, so the checkout's
 * build serves both). Packaged apps carry it in `resources/native/` (null when the package lacks
 * it); in development, undefined leaves openLibrary to its default, the checkout's native/sqlite/.
 */
export function electronRankExtension(isPackaged: boolean): string | null | undefined {
  if (!isPackaged) return undefined;
  const candidate = join(process.resourcesPath, 'native', rankExtensionFileName());
  return existsSync(candidate) ? candidate : null;
}
