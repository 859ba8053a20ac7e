#!/usr/bin/env node
// `npm start`: build, then launch the desktop app. Where the Electron binary cannot be obtained
// (it is downloaded from GitHub on first use), stop with a clear message that names browser mode.
import { spawnSync } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';

if (!electronBinary()) {
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
