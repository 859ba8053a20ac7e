/**
 * Where the Electron binary exists, the same flows run in the desktop app through Playwright's
 * `_electron`. Here (no binary: it is downloaded from GitHub) those specs skip with one line why.
 */
export { electronBinary } from '../scripts/electron-binary.mjs';

export const NO_ELECTRON_REASON =
  'Electron binary not installed (it is downloaded from GitHub, unreachable here): desktop-app specs skipped; the same flows run in browser mode.';
