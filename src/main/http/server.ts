/**
 * The loopback HTTP transport ("browser mode"): the same gate as Electron IPC, served on
 * 127.0.0.1 only, with a per-launch token, Origin and Host checks (against DNS rebinding), and
 * server-sent events for pushes. It also serves the built renderer.
 *
 *   POST /api/invoke/<channel>   body: JSON args           → Envelope (JSON)
 *   GET  /api/events?token=…     text/event-stream of { event, payload }
 *   GET  /api/<kind>/<id>        a file from a `files` resolver (e.g. /api/pdf/<paperId>), streamed,
 *                                with Range support; token as Bearer header or ?token=
 *   GET  /*                      static files of the renderer build
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { AppError } from '../../shared/errors';
import type { EventBus } from '../core/events';
import type { Dispatch } from '../ipc/gate';

export interface LoopbackOptions {
  dispatch: Dispatch;
  events: EventBus;
  /** Folder with the renderer build (index.html); omit to serve the API only. */
  staticDir?: string;
  port?: number;
  token?: string;
  maxBodyBytes?: number;
  /** Binary files by kind (e.g. `pdf`): id → file on disk, or null; may throw AppError. */
  files?: Record<string, (id: string) => ServedFile | null>;
}

export interface ServedFile {
  path: string;
  size: number;
  contentType: string;
}

export interface LoopbackServer {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
};

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(data),
  });
  res.end(data);
}

function refuse(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { ok: false, error: { type: 'forbidden', message } });
}

function sameToken(a: string | null | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Stream a file, honouring one `Range: bytes=a-b` (206) as pdf.js and media elements send it. */
function serveFile(req: IncomingMessage, res: ServerResponse, resolveFile: () => ServedFile | null): void {
  let f: ServedFile | null;
  try {
    f = resolveFile();
  } catch (e) {
    const info = e instanceof AppError ? e.toInfo() : { type: 'internal', message: String(e) };
    return sendJson(res, info.type === 'not-found' ? 404 : 400, { ok: false, error: info });
  }
  if (!f) return refuse(res, 404, 'Not found');
  const headers = {
    'content-type': f.contentType,
    'cache-control': 'no-store',
    'accept-ranges': 'bytes',
    'x-content-type-options': 'nosniff',
  };
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  let start = 0;
  let end = f.size - 1;
  if (range && (range[1] || range[2])) {
    if (range[1]) {
      start = Number(range[1]);
      if (range[2]) end = Math.min(Number(range[2]), f.size - 1);
    } else {
      start = Math.max(0, f.size - Number(range[2]));
    }
    if (start > end || start >= f.size) {
      res.writeHead(416, { ...headers, 'content-range': `bytes */${f.size}` });
      return void res.end();
    }
    res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${f.size}`, 'content-length': end - start + 1 });
  } else {
    res.writeHead(200, { ...headers, 'content-length': f.size });
  }
  if (req.method === 'HEAD' || f.size === 0) return void res.end();
  const stream = createReadStream(f.path, { start, end });
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

export async function startLoopbackServer(opts: LoopbackOptions): Promise<LoopbackServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const maxBody = opts.maxBodyBytes ?? 256 * 1024 * 1024;
  const staticDir = opts.staticDir ? resolve(opts.staticDir) : undefined;
  let port = 0;
  const sseClients = new Set<ServerResponse>();

  const hostAllowed = (host: string | undefined) =>
    !!host && LOOPBACK_HOSTS.some((h) => host.toLowerCase() === `${h}:${port}`);
  const originAllowed = (origin: string | undefined) =>
    origin === undefined || LOOPBACK_HOSTS.some((h) => origin.toLowerCase() === `http://${h}:${port}`);

  const tokenOf = (req: IncomingMessage, url: URL) => {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) return auth.slice(7);
    return url.searchParams.get('token');
  };

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((ok, fail) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > maxBody) {
          fail(new Error('Request body too large'));
          req.destroy();
          return;
        }
        chunks.push(c);
      });
      req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
      req.on('error', fail);
    });

  const serveStatic = (res: ServerResponse, pathname: string) => {
    if (!staticDir) return refuse(res, 404, 'Not found');
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return refuse(res, 400, 'Bad path');
    }
    let file = normalize(join(staticDir, rel === '/' ? 'index.html' : rel));
    if (file !== staticDir && !file.startsWith(staticDir + sep)) return refuse(res, 403, 'Outside the app');
    if (!existsSync(file) || !statSync(file).isFile()) file = join(staticDir, 'index.html');
    if (!existsSync(file)) return refuse(res, 404, 'The renderer is not built: run `npm run build` first');
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'cache-control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
      'x-content-type-options': 'nosniff',
    });
    createReadStream(file).pipe(res);
  };

  const unsubscribe = opts.events.onAny((event, payload) => {
    const line = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const c of sseClients) c.write(line);
  });

  const server = createServer((req, res) => {
    void (async () => {
      // DNS rebinding: the Host must be loopback with our port; foreign pages: Origin must be ours.
      if (!hostAllowed(req.headers.host)) return refuse(res, 403, 'Host not allowed');
      if (!originAllowed(req.headers.origin)) return refuse(res, 403, 'Origin not allowed');
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      if (!url.pathname.startsWith('/api/')) {
        if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
        return serveStatic(res, url.pathname);
      }
      if (!sameToken(tokenOf(req, url), token)) return refuse(res, 401, 'Missing or wrong token');
      if (url.pathname === '/api/events' && req.method === 'GET') {
        res.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-store',
          connection: 'keep-alive',
        });
        res.write(': connected\n\n');
        sseClients.add(res);
        req.on('close', () => sseClients.delete(res));
        return;
      }
      const file = /^\/api\/(\w+)\/([\w.-]+)$/.exec(url.pathname);
      const resolveFile = file && opts.files && Object.hasOwn(opts.files, file[1]!) ? opts.files[file[1]!] : undefined;
      if (resolveFile && (req.method === 'GET' || req.method === 'HEAD')) {
        return serveFile(req, res, () => resolveFile(file![2]!));
      }
      const m = /^\/api\/invoke\/([\w:.-]+)$/.exec(url.pathname);
      if (!m || req.method !== 'POST') return refuse(res, 404, 'Not found');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendJson(res, 415, { ok: false, error: { type: 'invalid-args', message: 'Expected application/json' } });
      }
      let args: unknown;
      try {
        const body = await readBody(req);
        args = body ? JSON.parse(body) : {};
      } catch (e) {
        return sendJson(res, 400, { ok: false, error: { type: 'invalid-args', message: `Bad request body: ${(e as Error).message}` } });
      }
      const envelope = await opts.dispatch(m[1], args);
      sendJson(res, 200, envelope);
    })().catch((e) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { type: 'internal', message: String(e) } });
    });
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;
  const heartbeat = setInterval(() => {
    for (const c of sseClients) c.write(': ping\n\n');
  }, 15_000);
  heartbeat.unref();

  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((ok) => {
        clearInterval(heartbeat);
        unsubscribe();
        for (const c of sseClients) c.end();
        sseClients.clear();
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
