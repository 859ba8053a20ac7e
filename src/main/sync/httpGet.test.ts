import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getText } from './httpGet';

const PAGE = JSON.stringify([{ paper: { id: '2611.00001', title: 'Ünïcode “quotes”' } }]);

describe('getText', () => {
  let server: Server;
  let base: string;
  const never = new AbortController().signal;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '';
      if (path === '/plain') return res.writeHead(200, { 'content-type': 'application/json' }).end(PAGE);
      if (path === '/bom') return res.writeHead(200).end(`\uFEFF${PAGE}`);
      if (path === '/gzip') return res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(PAGE));
      if (path === '/br') return res.writeHead(200, { 'content-encoding': 'br' }).end(brotliCompressSync(PAGE));
      if (path === '/moved') return res.writeHead(301, { location: '/hop' }).end();
      if (path === '/hop') return res.writeHead(307, { location: `${base}/gzip` }).end();
      if (path === '/loop') return res.writeHead(302, { location: '/loop' }).end();
      if (path === '/cut') {
        res.writeHead(200, { 'content-length': String(PAGE.length * 2) });
        return res.write(PAGE, () => res.destroy());
      }
      if (path === '/stall') return; // never answers
      res.writeHead(404, { 'retry-after': '5' }).end('not here');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
  });

  it('reads the body as text, with status and headers', async () => {
    const r = await getText(`${base}/plain`, {}, never);
    expect(r.status).toBe(200);
    expect(r.header('content-type')).toBe('application/json');
    expect(JSON.parse(r.body)).toEqual(JSON.parse(PAGE));
    const missing = await getText(`${base}/nothing`, {}, never);
    expect([missing.status, missing.body, missing.header('retry-after'), missing.header('x-none')]).toEqual([404, 'not here', '5', null]);
  });

  it('decodes gzip and brotli bodies and drops a byte-order mark', async () => {
    for (const path of ['/gzip', '/br', '/bom']) expect((await getText(`${base}${path}`, {}, never)).body).toBe(PAGE);
  });

  it('follows relative and absolute redirects, but not for ever', async () => {
    const r = await getText(`${base}/moved`, {}, never);
    expect([r.status, r.body]).toEqual([200, PAGE]);
    await expect(getText(`${base}/loop`, {}, never)).rejects.toThrow(/redirects/);
  });

  it('refuses a body the server cut short', async () => {
    await expect(getText(`${base}/cut`, {}, never)).rejects.toThrow();
  });

  it('stops waiting when its signal aborts, with the signal’s reason', async () => {
    const c = new AbortController();
    const pending = getText(`${base}/stall`, {}, c.signal);
    setTimeout(() => c.abort(new Error('gave up')), 50);
    await expect(pending).rejects.toThrow('gave up');
  });

  it('says why a host cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((ok) => closed.close(ok));
    await expect(getText(`http://127.0.0.1:${port}/`, {}, never)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
