/**
 * Hostile callers: well over 1,000 invalid payloads across every contract entry, over the gate,
 * the Electron IPC transport (electron's ipcMain mocked) and the loopback HTTP transport. Every one
 * gets a typed error, and the library is byte-for-byte the same afterwards.
 */
import { request } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/ipc/contract';
import { createCore, type Core } from '../core/createCore';
import { registerIpc } from '../electron/ipc';
import { startLoopbackServer, type LoopbackServer } from '../http/server';
import { createGate, type Dispatch } from '../ipc/gate';
import { parseHfDailyPapers } from '../importers/hfDailyPapers';
import { upsertListings } from '../library/listings';
import { allHostilePayloads } from '../testing/hostile';
import { dumpData } from './dump';

const SAMPLE = readFileSync(join(import.meta.dirname, '../../../../shared/formats/hf_daily_papers.json'), 'utf8');
const cases = allHostilePayloads();

function post(s: LoopbackServer, channel: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: s.port,
        path: `/api/invoke/${channel}`,
        method: 'POST',
        headers: { host: `127.0.0.1:${s.port}`, authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
      },
      (res) => {
        let b = '';
        res.on('data', (c: Buffer) => (b += c.toString()));
        res.on('end', () => ok({ status: res.statusCode ?? 0, body: b }));
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

describe('hostile callers', () => {
  let core: Core;
  let gate: Dispatch;
  let server: LoopbackServer;
  let before: unknown;
  const log: string[] = [];

  beforeAll(async () => {
    core = createCore({ libraryDir: mkdtempSync(join(tmpdir(), 'papershelf-hostile-')), transport: 'http', env: {} });
    upsertListings(core.library.db, parseHfDailyPapers(SAMPLE).listings, { sourceKey: 'seed' });
    gate = createGate(core.handlers, { log: (m) => log.push(m) });
    server = await startLoopbackServer({ dispatch: gate, events: core.events });
    before = dumpData(core.library.sqlite).tables;
  });
  afterAll(async () => {
    await server.close();
    await core.dispose();
  });

  it('covers every contract entry with at least 1,000 invalid payloads in all', () => {
    expect(cases.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(cases.map((c) => c.channel))).toEqual(new Set(CHANNELS));
  });

  it('the gate answers each with a typed error', async () => {
    for (const { channel, payload } of cases) {
      const r = await gate(channel, payload);
      expect(r, `${channel} ${JSON.stringify(payload)?.slice(0, 80)}`).toMatchObject({ ok: false, error: { type: 'invalid-args' } });
    }
  });

  it('the Electron IPC transport answers each with a typed error', async () => {
    const handlers = new Map<string, (e: unknown, a: unknown) => Promise<unknown>>();
    const appUrl = 'file:///app/out/renderer/index.html';
    registerIpc({ handle: (c: string, f: (e: unknown, a: unknown) => Promise<unknown>) => handlers.set(c, f), removeHandler: () => {} } as never, gate, appUrl);
    const trusted = { senderFrame: { url: appUrl, parent: null }, sender: {} };
    for (const { channel, payload } of cases) {
      expect(await handlers.get(channel)!(trusted, payload)).toMatchObject({ ok: false, error: { type: 'invalid-args' } });
    }
  });

  it('the loopback HTTP transport answers each with a typed error', async () => {
    for (const { channel, payload } of cases) {
      const r = await post(server, channel, JSON.stringify(payload) ?? 'null');
      expect(r.status).toBe(200);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { type: 'invalid-args' } });
    }
  });

  it('nothing changed, nothing was polluted, nothing crashed', () => {
    expect(dumpData(core.library.sqlite).tables).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(core.library.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(log.filter((l) => l.includes('failed'))).toEqual([]);
  });
});
