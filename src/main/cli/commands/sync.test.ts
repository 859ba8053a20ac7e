import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hfDays } from '../../sync/testing/feeds';
import { startFixtureServer, type FixtureServer } from '../../sync/testing/fixtureServer';

const ROOT = resolve(__dirname, '..', '..', '..', '..');
let fx: FixtureServer;
let dir: string;

/** Run the CLI asynchronously (the fixture server lives in this process). */
function papershelf(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    const p = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src/main/cli/index.ts'), '--library', dir, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...fx.env(), PAPERSHELF_HTTP_RETRY_MS: '5', ...env },
    });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('close', (code) => ok({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  fx = await startFixtureServer();
  fx.data.hf = hfDays(['2026-11-01', '2026-11-02'], 3);
  dir = mkdtempSync(join(tmpdir(), 'papershelf-cli-sync-'));
});
afterAll(async () => {
  await fx.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('papershelf sync', () => {
  it('syncs an HF range with progress on stderr and a summary on stdout; list --json shows the papers', async () => {
    const r = await papershelf(['sync', 'hf', '--from', '2026-11-01', '--to', '2026-11-02']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Synced Hugging Face 2026-11-01 → 2026-11-02: 6 new, 0 updated, 0 unchanged (run 1)\n');
    expect(r.stderr).toContain('sync 50% 2026-11-02 · page 1 · 6 papers');
    const list = await papershelf(['list', '--json']);
    const items = JSON.parse(list.stdout) as Record<string, unknown>[];
    expect(items).toHaveLength(6);
    expect(Object.keys(items[0]!)).toEqual(expect.arrayContaining(['arxivId', 'version', 'title', 'authors', 'publishedAt', 'upvotes', 'tags', 'pdf']));
    expect(items[0]).toMatchObject({ authors: ['Ada Lovelace', 'Alan Turing'], upvotes: expect.any(Number) });
  });

  it('exits non-zero with the reason on stderr', async () => {
    const bad = await papershelf(['sync', 'hf', '--week', '2026-47']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('papershelf: week: expected an ISO week YYYY-Www');
    fx.inject({ kind: 'status', status: 503 }, /.*/, 100);
    const down = await papershelf(['sync', 'hf', '--date', '2026-11-01']);
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/papershelf: Sync failed: Could not get data from 127\.0\.0\.1:\d+ after 5 attempts: HTTP 503.*resume with: papershelf sync resume 2/);
    fx.clearFaults();
    const resumed = await papershelf(['sync', 'resume', '2']);
    expect(resumed.stdout).toBe('Synced Hugging Face 2026-11-01: 0 new, 0 updated, 3 unchanged (run 2)\n');
  });
});
