/**
 * A small fixture HTTP server on 127.0.0.1 that answers `/pdf/<arXiv id>[vN]` like arxiv.org,
 * with Range support and scripted faults per id: 429 + Retry-After, 500, 404, a truncated body
 * (connection dropped mid-file), an HTML page, a stall.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArxivId } from '../../../shared/arxivId';

/**
 * truncate: full Content-Length promised, half sent, connection dropped (resumable with Range);
 * short: no Content-Length (chunked), half sent, then a clean end (only the missing %%EOF tells).
 */
export type Fault = 'ok' | '429' | '500' | '404' | 'truncate' | 'short' | 'html' | 'stall';

export interface PdfServer {
  url: string;
  /** id (no version) → file bytes and the version it is. */
  files: Map<string, { bytes: Uint8Array; version: number }>;
  /** Faults for the next requests of an id, consumed in order; then 'ok'. */
  plan(id: string, faults: Fault[]): void;
  /** Every request: the id, its Range header, the fault served, when it arrived (ms since epoch). */
  requests: { id: string; range: string | null; fault: Fault; at: number }[];
  close(): Promise<void>;
}

const HTML = `<!DOCTYPE html><html><head><title>arXiv is temporarily unavailable</title></head>
<body><h1>Please try again later</h1></body></html>`;

export async function startPdfServer(opts: { retryAfterSeconds?: number } = {}): Promise<PdfServer> {
  const files = new Map<string, { bytes: Uint8Array; version: number }>();
  const plans = new Map<string, Fault[]>();
  const requests: PdfServer['requests'] = [];

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const m = /^\/pdf\/(.+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    const parsed = m ? parseArxivId(decodeURIComponent(m[1]!)) : null;
    const file = parsed ? files.get(parsed.id) : undefined;
    const fault = (parsed && plans.get(parsed.id)?.shift()) || 'ok';
    const range = req.headers.range ?? null;
    requests.push({ id: parsed?.id ?? '?', range, fault, at: Date.now() });
    if (fault === '429') {
      res.writeHead(429, { 'retry-after': String(opts.retryAfterSeconds ?? 1), 'content-type': 'text/plain' });
      return res.end('rate limited');
    }
    if (fault === '500') {
      res.writeHead(500, { 'content-type': 'text/plain' });
      return res.end('server error');
    }
    if (fault === 'html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(HTML);
    }
    if (!parsed || !file || fault === '404') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    const version = parsed.version ?? file.version;
    const total = file.bytes.length;
    const r = range ? /^bytes=(\d+)-$/.exec(range) : null;
    const start = r ? Number(r[1]) : 0;
    if (start >= total) {
      res.writeHead(416, { 'content-range': `bytes */${total}` });
      return res.end();
    }
    const body = Buffer.from(file.bytes.subarray(start));
    const headers: Record<string, string | number> = {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${parsed.id}v${version}.pdf"`,
      'content-length': body.length,
      etag: `"${parsed.id}v${version}-${total}"`,
      'accept-ranges': 'bytes',
    };
    if (r) headers['content-range'] = `bytes ${start}-${total - 1}/${total}`;
    if (fault === 'short') {
      delete headers['content-length'];
      res.writeHead(200, headers);
      return res.end(body.subarray(0, Math.floor(body.length / 2)));
    }
    res.writeHead(r ? 206 : 200, headers);
    if (fault === 'truncate') {
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
      return;
    }
    if (fault === 'stall') {
      res.write(body.subarray(0, Math.min(1000, body.length)));
      return; // never finishes; closed with the server
    }
    res.end(body);
  };

  const server = createServer(handle);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    files,
    plan: (id, faults) => plans.set(id, [...faults]),
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
