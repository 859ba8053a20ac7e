#!/usr/bin/env node
// Build the search ranking extension (src/main/db/rank/papershelf_rank.c) into native/sqlite/.
// Runs after `npm ci` / `npm install` (postinstall) and as `npm run build:native`. It compiles
// against the SQLite headers better-sqlite3 ships, so it matches the SQLite the app runs. An
// SQLite extension does not depend on Node's or Electron's ABI: the same file serves tests, the
// CLI, browser mode and the desktop app. Without a C compiler it prints why and exits 0: search
// then ranks with SQLite's built-in bm25() (the same order and scores, slower).
import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src/main/db/rank/papershelf_rank.c');
const ext = { darwin: 'dylib', win32: 'dll' }[process.platform] ?? 'so';
const out = join(root, 'native/sqlite', `papershelf_rank.${ext}`);
const sqliteHeaders = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'deps/sqlite3');

const cc = process.env.CC || (process.platform === 'win32' ? 'gcc' : 'cc');
// Built beside the target and renamed over it: a running process that has the old file mapped
// keeps it intact.
const building = `${out}.${process.pid}.tmp`;
// ISO C without contracted multiply-adds, as better-sqlite3 builds SQLite: papershelf_bm25 must
// round exactly as bm25 does (GNU C may fuse a*b+c into one FMA, which rounds once).
const args = ['-std=c99', '-ffp-contract=off', '-O2', '-Wall', '-Wextra', '-fPIC', '-shared', '-I', sqliteHeaders, source, '-o', building];
if (process.platform === 'darwin') args.push('-undefined', 'dynamic_lookup');
if (process.platform !== 'win32') args.push('-lm');

mkdirSync(dirname(out), { recursive: true });
const r = spawnSync(cc, args, { stdio: ['ignore', 'inherit', 'inherit'] });
if (r.status === 0) {
  renameSync(building, out);
  console.log(`papershelf: built the search ranking extension ${out}`);
} else {
  rmSync(building, { force: true });
  const why = r.error ? r.error.message : `${cc} exited with ${r.status}`;
  console.warn(`papershelf: the search ranking extension was not built (${why}); search uses SQLite's bm25() instead: same results, slower.`);
}
