#!/usr/bin/env node
// `npm start`: build, then launch the desktop app. Where the Electron binary cannot be obtained
// (it is downloaded from GitHub on first use), stop with a clear message that names browser mode.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function electronBinary() {
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

const bin = process.env.ELECTRON_OVERRIDE_DIST_PATH ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron') : electronBinary();
if (!bin || !existsSync(bin)) {
  console.error(
    [
      'papershelf: the Electron binary is not installed, so the desktop app cannot start here.',
      '  (npm downloads it from GitHub on first use; that download failed or is not allowed on this machine.)',
      '',
      '  Use browser mode instead — the same app in your browser, on 127.0.0.1:',
      '      npm run web',
      '',
      '  Or install Electron where GitHub is reachable: node node_modules/electron/install.js',
    ].join('\n'),
  );
  process.exit(1);
}

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync('npx', ['electron-vite', 'preview', '--skipBuild'], { stdio: 'inherit' });
process.exit(run.status ?? 0);
