import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncRun } from '../../../shared/sync';
import { createGate } from '../../ipc/gate';
import { hfDays } from '../../sync/testing/feeds';
import { startFixtureServer, type FixtureServer } from '../../sync/testing/fixtureServer';
import { createCore, type Core } from '../createCore';

let fx: FixtureServer;
let dir: string;
const DAYS = ['2026-11-10', '2026-11-11'];

beforeAll(async () => {
  fx = await startFixtureServer();
  fx.data.hf = hfDays(DAYS, 4);
  dir = mkdtempSync(join(tmpdir(), 'papershelf-sync-handlers-'));
});
afterAll(async () => {
  await fx.close();
  rmSync(dir, { recursive: true, force: true });
});

const open = () => createCore({ libraryDir: dir, env: { ...fx.env(), PAPERSHELF_HTTP_RETRY_MS: '5' }, transport: 'http' });
const finished = (core: Core, id: number) =>
  new Promise<SyncRun>((ok) => {
    const off = core.events.on('sync:runChanged', ({ run }) => {
      if (run.id === id && run.status !== 'running') {
        off();
        ok(run);
      }
    });
  });

describe('sync through the contract', () => {
  it('adds a source, runs it in the background, reports the run, and lists what is new', async () => {
    const core = open();
    const call = createGate(core.handlers);
    const bad = await call('sync:addSource', { spec: { kind: 'hf', params: { mode: 'week', week: '2026-47' } } });
    expect(bad).toMatchObject({ ok: false, error: { type: 'invalid-args', message: expect.stringContaining('expected an ISO week') } });
    const impossible = await call('sync:addSource', { spec: { kind: 'hf', params: { mode: 'range', from: '2026-11-11', to: '2026-11-10' } } });
    expect(impossible).toMatchObject({ ok: false, error: { type: 'bad-input', message: 'The range ends (2026-11-10) before it starts (2026-11-11)' } });
    const added = await call('sync:addSource', { spec: { kind: 'hf', params: { mode: 'range', from: DAYS[0], to: DAYS[1] } } });
    expect(added).toMatchObject({ ok: true, value: { id: 1, name: 'Hugging Face 2026-11-10 → 2026-11-11', lastRunAt: null } });
    const started = (await call('sync:run', { sourceId: 1 })) as { ok: true; value: SyncRun };
    expect(started.value).toMatchObject({ status: 'running', sourceId: 1 });
    const run = await finished(core, started.value.id);
    expect(run).toMatchObject({ status: 'done', newCount: 8 });
    expect(await call('sync:runs', {})).toMatchObject({ ok: true, value: [{ id: run.id, status: 'done' }] });
    expect(await call('sync:sources', {})).toMatchObject({ ok: true, value: [{ id: 1, lastRunAt: expect.any(String) }] });
    const digest = (await call('papers:newSinceLastSync', {})) as { ok: true; value: { total: number; rows: { upvotes: number }[] } };
    expect(digest.value.total).toBe(8);
    expect(digest.value.rows.map((r) => r.upvotes)).toEqual([4, 4, 3, 3, 2, 2, 1, 1]);
    expect(await call('sync:removeSource', { id: 1 })).toEqual({ ok: true, value: { removed: true } });
    await core.dispose();
  });

  it('closing the app mid-run leaves it interrupted; the next start resumes it from its cursor', async () => {
    fx.inject({ kind: 'stall' }, `date=${DAYS[1]}`, 1);
    let core = open();
    const call = createGate(core.handlers);
    const started = (await call('sync:run', { spec: { kind: 'hf', params: { mode: 'range', from: DAYS[0], to: DAYS[1] } } })) as {
      ok: true;
      value: SyncRun;
    };
    await expect.poll(() => fx.requests.some((r) => r.fault === 'stall')).toBe(true);
    await core.dispose();
    core = open();
    const again = createGate(core.handlers);
    const runs = (await again('sync:runs', {})) as { ok: true; value: SyncRun[] };
    const run = runs.value.find((r) => r.id === started.value.id)!;
    expect(run).toMatchObject({ status: 'interrupted', cursor: { unit: 0, p: 1 } });
    const done = finished(core, run.id);
    fx.requests.length = 0;
    expect(await again('sync:resume', { runId: run.id })).toMatchObject({ ok: true, value: { status: 'running' } });
    // Counts add up over both sittings; the resumed sitting did not fetch the first page again.
    expect(await done).toMatchObject({ status: 'done', unchangedCount: 8, error: null });
    expect(fx.requests.map((r) => `${r.query.get('date')}:${r.query.get('p')}`)).toEqual([`${DAYS[0]}:1`, `${DAYS[1]}:0`, `${DAYS[1]}:1`]);
    expect(await again('sync:cancel', { runId: run.id })).toEqual({ ok: true, value: { cancelled: false } });
    await core.dispose();
  });
});

describe('source URLs are settings under environment overrides', () => {
  it('saves, applies at once, survives a restart, and never beats the environment', async () => {
    const d = mkdtempSync(join(tmpdir(), 'papershelf-urls-'));
    const env = { PAPERSHELF_ARXIV_API_URL: 'http://127.0.0.1:9/api/query' };
    let core = createCore({ libraryDir: d, env, transport: 'http' });
    let call = createGate(core.handlers);
    expect(await call('sync:urls', {})).toMatchObject({
      ok: true,
      value: { urls: { hf: 'https://huggingface.co', arxivApi: 'http://127.0.0.1:9/api/query', arxivDelayMs: 3000 }, overridden: ['arxivApi'] },
    });
    const saved = await call('sync:setUrls', { hf: 'https://hf.example.org/', arxivApi: 'https://ignored.example.org', arxivDelayMs: 5000 });
    expect(saved).toMatchObject({ ok: true, value: { urls: { hf: 'https://hf.example.org', arxivApi: 'http://127.0.0.1:9/api/query', arxivDelayMs: 5000 } } });
    expect(core.urls.hf).toBe('https://hf.example.org');
    expect(await call('sync:setUrls', { hf: 'ftp://nope' })).toMatchObject({ ok: false, error: { type: 'invalid-args' } });
    expect(await call('sync:setUrls', { arxivDelayMs: 10 })).toMatchObject({ ok: false, error: { type: 'bad-input' } });
    await core.dispose();
    core = createCore({ libraryDir: d, env, transport: 'http' });
    call = createGate(core.handlers);
    expect(core.urls).toMatchObject({ hf: 'https://hf.example.org', arxivDelayMs: 5000 });
    await call('sync:setUrls', { hf: null });
    expect(core.urls.hf).toBe('https://huggingface.co');
    await core.dispose();
    rmSync(d, { recursive: true, force: true });
  });
});
