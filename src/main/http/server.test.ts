import { request } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/ipc/contract';
import { createCore, type Core } from '../core/createCore';
import { createGate } from '../ipc/gate';
import { startLoopbackServer, type LoopbackServer } from './server';

interface Res {
  status: number;
  body: string;
}

function send(s: LoopbackServer, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Res> {
  return new Promise((ok, fail) => {
    const req = request(
      { host: '127.0.0.1', port: s.port, path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${s.port}`, ...opts.headers } },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', fail);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

describe('the loopback transport', () => {
  let core: Core;
  let server: LoopbackServer;
  const auth = () => ({ authorization: `Bearer ${server.token}`, 'content-type': 'application/json' });
  const invoke = (channel: string, args: unknown, headers: Record<string, string> = auth()) =>
    send(server, `/api/invoke/${channel}`, { method: 'POST', headers, body: JSON.stringify(args) });

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'papershelf-http-'));
    const staticDir = mkdtempSync(join(tmpdir(), 'papershelf-static-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Papershelf</title>');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    core = createCore({ libraryDir: dir, transport: 'http', env: {} });
    server = await startLoopbackServer({ dispatch: createGate(core.handlers, { log: () => {} }), events: core.events, staticDir });
  });
  afterAll(async () => {
    await server.close();
    await core.dispose();
  });

  it('listens on 127.0.0.1 only', () => {
    expect(server.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#token=`));
  });

  it('serves every contract entry through the gate', async () => {
    for (const channel of CHANNELS) {
      const res = await invoke(channel, {});
      expect(res.status, channel).toBe(200);
      const env = JSON.parse(res.body) as { ok: boolean; error?: { type: string } };
      // Either it ran, or the gate judged its arguments: never "unknown" or "not found".
      if (!env.ok) expect(['invalid-args', 'not-found', 'bad-input'], channel).toContain(env.error!.type);
    }
    const info = JSON.parse((await invoke('app:info', {})).body) as { value: { transport: string } };
    expect(info.value.transport).toBe('http');
  });

  it('refuses a missing or wrong token', async () => {
    expect((await invoke('app:info', {}, { 'content-type': 'application/json' })).status).toBe(401);
    expect((await invoke('app:info', {}, { authorization: 'Bearer nope', 'content-type': 'application/json' })).status).toBe(401);
    expect((await send(server, `/api/events?token=wrong`)).status).toBe(401);
  });

  it('refuses a foreign Origin', async () => {
    const res = await invoke('app:info', {}, { ...auth(), origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body).toContain('Origin not allowed');
    expect((await invoke('app:info', {}, { ...auth(), origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('refuses a Host header that is not loopback (DNS rebinding)', async () => {
    const res = await send(server, '/api/invoke/app:info', { method: 'POST', headers: { ...auth(), host: `evil.example:${server.port}` }, body: '{}' });
    expect(res.status).toBe(403);
    expect(res.body).toContain('Host not allowed');
    expect((await send(server, '/', { headers: { host: 'evil.example' } })).status).toBe(403);
  });

  it('answers an unknown channel and a bad body with typed errors', async () => {
    expect(JSON.parse((await invoke('fs:read', {})).body)).toMatchObject({ ok: false, error: { type: 'unknown-channel' } });
    const bad = await send(server, '/api/invoke/app:info', { method: 'POST', headers: auth(), body: '{"unbalanced' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { type: 'invalid-args' } });
  });

  it('serves the renderer but nothing outside it', async () => {
    expect((await send(server, '/')).body).toContain('<title>Papershelf</title>');
    const traversal = await send(server, '/..%2f..%2fetc%2fpasswd');
    expect(traversal.body).not.toContain('root:');
    expect([200, 403]).toContain(traversal.status);
  });

  it('pushes core events over server-sent events', async () => {
    const got = await new Promise<string>((ok, fail) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path: `/api/events?token=${server.token}`, headers: { host: `127.0.0.1:${server.port}` } },
        (res) => {
          let buf = '';
          res.on('data', (c: Buffer) => {
            buf += c.toString();
            if (buf.includes(': connected')) core.events.emit('papers:changed', { ids: [42] });
            const m = /data: (.*)\n\n/.exec(buf);
            if (m) {
              req.destroy();
              ok(m[1]!);
            }
          });
        },
      );
      req.on('error', fail);
      req.end();
    });
    expect(JSON.parse(got)).toEqual({ event: 'papers:changed', payload: { ids: [42] } });
  });
});
