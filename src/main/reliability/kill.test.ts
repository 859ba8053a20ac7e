/**
 * Killed process: SIGKILL at random moments (seeded) while the core syncs, downloads PDFs, saves
 * notes and saves annotations. After each kill the library passes integrity_check, every save
 * acknowledged before the kill is there, no PDF is marked done without its file and hash, and
 * the next start recovers by itself (interrupted runs resume to the clean result).
 *
 * KILLS (default 50 in all, the minimum) can be raised: PAPERSHELF_KILLS=200 npm run test:unit
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../core/createCore';
import { openLibrary } from '../db/client';
import { hfDays } from '../sync/testing/feeds';
import { startFixtureServer, type FixtureServer } from '../sync/testing/fixtureServer';
import { snapshot } from '../sync/testing/harness';
import { PDF_PAPERS, SYNC_SPEC } from './testing/workloads';
import { makePdf } from '../pdfs/testing/makePdf';
import { startPdfServer, type PdfServer } from '../pdfs/testing/pdfServer';
import { prng as rng } from '../../shared/prng';

const ROOT = resolve(import.meta.dirname, '../../..');
const TARGET = join(import.meta.dirname, 'testing/killTarget.ts');
const TOTAL = Number(process.env.PAPERSHELF_KILLS ?? 50);

let fx: FixtureServer;
let pdfs: PdfServer;
beforeAll(async () => {
  pdfs = await startPdfServer();
  for (const [i, id] of PDF_PAPERS.entries()) {
    const words = Array.from({ length: 40 }, (_, k) => `line ${k} of paper ${i} about killing processes safely`);
    pdfs.files.set(id, { bytes: await makePdf({ title: `Paper ${i}`, pages: Array.from({ length: 3 }, () => words), padBytes: 150_000 }), version: 1 });
  }
  fx = await startFixtureServer();
  fx.data.hf = hfDays(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'], 120);
  fx.latencyMs = 15;
}, 60_000);
afterAll(async () => {
  await fx.close();
  await pdfs.close();
});


interface Outcome {
  acks: { kind: string; key: string; value: string }[];
  finished: boolean;
}

/** Start the target, SIGKILL it `killAfterMs` after it is ready (or let it finish if it is faster). */
function targetEnv(): NodeJS.ProcessEnv {
  return { ...process.env, ...fx.env(), PAPERSHELF_ARXIV_URL: pdfs.url, PAPERSHELF_PDF_BACKOFF_MS: '10' };
}

function runAndKill(dir: string, workload: string, killAfterMs: number, seed: number): Promise<Outcome> {
  return new Promise((ok, fail) => {
    // One process (node with tsx's loader, not the tsx wrapper), so SIGKILL hits the library's owner.
    const child = spawn(process.execPath, ['--import', 'tsx', TARGET, dir, workload, String(seed)], { cwd: ROOT, env: targetEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: Outcome['acks'] = [];
    let buf = '';
    let err = '';
    let finished = false;
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        if (line === 'READY') setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        else if (line === 'DONE') finished = true;
        else if (line.startsWith('ACK ')) {
          const [, kind, key, ...rest] = line.split(' ');
          acks.push({ kind: kind!, key: key!, value: rest.join(' ') });
        }
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) ok({ acks, finished });
      else fail(new Error(`target exited ${code}: ${err}`));
    });
  });
}

/** Everything that must hold after any kill. */
function checkAfterKill(dir: string, acks: Outcome['acks']): void {
  const lib = openLibrary(dir); // a crash leaves the open marker: this runs integrity_check
  try {
    expect(lib.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    for (const a of acks) {
      if (a.kind === 'note') {
        const row = lib.sqlite.prepare('SELECT body FROM notes WHERE paper_id = ?').get(Number(a.key)) as { body: string } | undefined;
        expect(row, `note ${a.key}`).toBeDefined();
        // A later save may have replaced it, never an earlier one: bodies carry increasing counters.
        expect(Number(/#(\d+)$/.exec(row!.body)![1])).toBeGreaterThanOrEqual(Number(/#(\d+)$/.exec(a.value)![1]));
      }
      if (a.kind === 'annotation') {
        const row = lib.sqlite.prepare('SELECT comment FROM annotations WHERE id = ?').get(a.key) as { comment: string } | undefined;
        expect(row, `annotation ${a.key}`).toBeDefined();
        expect(Number(/#(\d+)$/.exec(row!.comment)![1])).toBeGreaterThanOrEqual(Number(/#(\d+)$/.exec(a.value)![1]));
      }
    }
    const done = lib.sqlite.prepare(`SELECT path, sha256 FROM pdfs WHERE state = 'done'`).all() as { path: string; sha256: string }[];
    for (const p of done) {
      const file = join(dir, p.path);
      expect(existsSync(file), p.path).toBe(true);
      expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(p.sha256);
    }
  } finally {
    lib.close();
  }
}

async function cleanSyncSnapshot(): Promise<unknown> {
  const core = createCore({ libraryDir: mkdtempSync(join(tmpdir(), 'papershelf-kill-clean-')), transport: 'ipc', env: fx.env(), background: false });
  await core.sync.start({ spec: SYNC_SPEC }).done;
  const s = snapshot(core.library);
  await core.dispose();
  return s;
}

/** How the kills are shared between workloads. */
const SHARE = { sync: 0.3, pdf: 0.3, notes: 0.2, annotations: 0.2 };

describe('killed at random moments', () => {
  const killsFor = (share: number) => Math.max(1, Math.round(TOTAL * share));

  it(`during sync (${killsFor(SHARE.sync)} kills): intact, and the next start resumes to the clean result`, async () => {
    const expected = await cleanSyncSnapshot();
    const next = rng(1234);
    const verifyFinished = async (dir: string) => {
      const core = createCore({ libraryDir: dir, transport: 'ipc', env: fx.env(), background: false });
      expect(snapshot(core.library)).toEqual(expected);
      await core.dispose();
    };
    let dir = mkdtempSync(join(tmpdir(), 'papershelf-kill-sync-'));
    let kills = 0;
    let libraries = 1;
    while (kills < killsFor(SHARE.sync)) {
      const out = await runAndKill(dir, 'sync', 20 + Math.floor(next() * 500), kills);
      checkAfterKill(dir, out.acks);
      if (!out.finished) {
        kills++;
        continue;
      }
      // This library's sync completed across its kills: it must equal a clean run. Start another.
      await verifyFinished(dir);
      dir = mkdtempSync(join(tmpdir(), 'papershelf-kill-sync-'));
      libraries++;
    }
    // Whatever state the last kill left, one more start finishes the job by itself.
    const last = await runAndKill(dir, 'sync', 60_000, 0);
    expect(last.finished).toBe(true);
    await verifyFinished(dir);
    console.log(`[kill] sync: ${kills} kills over ${libraries} libraries, all recovered`);
  }, 600_000);

  it(`during PDF downloads (${killsFor(SHARE.pdf)} kills): no PDF done without its file, no partial file, the queue resumes`, async () => {
    const next = rng(99);
    let dir = mkdtempSync(join(tmpdir(), 'papershelf-kill-pdf-'));
    let kills = 0;
    const verifyFinished = (d: string) => {
      const lib = openLibrary(d);
      try {
        const rows = lib.sqlite.prepare(`SELECT state, count(*) AS n FROM pdfs GROUP BY state`).all();
        expect(rows).toEqual([{ state: 'done', n: PDF_PAPERS.length }]);
      } finally {
        lib.close();
      }
      checkStore(d);
    };
    while (kills < killsFor(SHARE.pdf)) {
      const out = await runAndKill(dir, 'pdf', 50 + Math.floor(next() * 900), kills);
      checkAfterKill(dir, out.acks);
      checkStore(dir);
      if (!out.finished) {
        kills++;
        continue;
      }
      verifyFinished(dir);
      dir = mkdtempSync(join(tmpdir(), 'papershelf-kill-pdf-'));
    }
    const last = await runAndKill(dir, 'pdf', 120_000, 0);
    expect(last.finished).toBe(true);
    verifyFinished(dir);
    console.log(`[kill] pdf: ${kills} kills, every queue resumed to ${PDF_PAPERS.length} good PDFs`);
  }, 600_000);

  it.each(['notes', 'annotations'] as const)('while saving %s: every acknowledged save survives the kill', async (workload) => {
    const next = rng(workload === 'notes' ? 7 : 8);
    const dir = mkdtempSync(join(tmpdir(), `papershelf-kill-${workload}-`));
    let kills = 0;
    let acked = 0;
    for (let seed = 0; kills < killsFor(SHARE[workload]); seed++) {
      const out = await runAndKill(dir, workload, 80 + Math.floor(next() * 900), seed);
      checkAfterKill(dir, out.acks);
      acked += out.acks.length;
      if (!out.finished) kills++;
    }
    expect(acked).toBeGreaterThan(kills);
    console.log(`[kill] ${workload}: ${kills} kills, ${acked} acknowledged saves, none lost`);
  }, 600_000);
});

/** Every file in the content-addressed store is whole: its name is its sha256. */
function checkStore(dir: string): void {
  const root = join(dir, 'pdfs');
  if (!existsSync(root)) return;
  for (const sub of readdirSync(root)) {
    const d = join(root, sub);
    if (!statSync(d).isDirectory() || sub.startsWith('.')) continue;
    for (const f of readdirSync(d)) {
      if (!f.endsWith('.pdf')) continue;
      expect(createHash('sha256').update(readFileSync(join(d, f))).digest('hex') + '.pdf', `${sub}/${f}`).toBe(f);
    }
  }
}