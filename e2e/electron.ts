/**
 * Where the Electron binary exists, the same flows run in the desktop app through Playwright's
 * `_electron`. Here (no binary: it is downloaded from GitHub) those specs skip with one line why.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export function electronBinary(): string | null {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathTxt = join(dir, 'path.txt');
    if (!existsSync(pathTxt)) return null;
    const bin = join(dir, 'dist', readFileSync(pathTxt, 'utf8').trim());
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

export const NO_ELECTRON_REASON =
  'Electron binary not installed (it is downloaded from GitHub, unreachable here): desktop-app specs skipped; the same flows run in browser mode.';
