/**
 * A real HTTP server on 127.0.0.1 that speaks the sources' wire formats — HF `/api/daily_papers`
 * (date/week/month, p/limit paging), the arXiv query API (start/max_results) and arXiv RSS —
 * with injectable faults: 429 + Retry-After, 5xx, a stall past the client's timeout, a truncated
 * body, malformed JSON/XML, an empty page, HTML where data was expected. Used by the sync tests,
 * the e2e spec, the benchmark and the reliability (#7) fault tests.
 *
 * Point the app at it with `fixture.env()` (PAPERSHELF_HF_URL, PAPERSHELF_ARXIV_API_URL, …).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { atomFeed, rssFeed, type AtomEntrySpec, type RssItemSpec } from './feeds';
import { prng } from '../../../shared/prng';

export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'stall' }
  | { kind: 'truncate' }
  | { kind: 'malformed' }
  | { kind: 'empty' }
  | { kind: 'html' }
  /** A slow but correct answer. */
  | { kind: 'delay'; ms: number }
  /** Any canned answer, e.g. arXiv's HTTP 400 error feed. */
  | { kind: 'body'; status: number; body: string; type?: string };

export interface FixtureData {
  /** HF items by featured day (YYYY-MM-DD). */
  hf: Map<string, unknown[]>;
  /** Every arXiv query answers with these entries (paged). */
  arxiv: AtomEntrySpec[];
  /** RSS items by the `+`-joined category path (`cs.LG+cs.AI`); unknown paths get an empty feed. */
  rss: Map<string, RssItemSpec[]>;
}

interface PendingFault {
  fault: Fault;
  match: (pathAndQuery: string) => boolean;
  remaining: number;
}

export interface RequestLog {
  path: string;
  query: URLSearchParams;
  at: number;
  /** The fault served, if any. */
  fault: Fault['kind'] | null;
}

type Body = { status: number; type: string; body: string };

/** ISO week `YYYY-Www` → its seven days (Monday first). */
export function isoWeekDays(week: string): string[] {
  const [y, w] = [Number(week.slice(0, 4)), Number(week.slice(6))];
  const jan4 = Date.UTC(y, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000 + (w - 1) * 7 * 86_400_000;
  return Array.from({ length: 7 }, (_, i) => new Date(monday + i * 86_400_000).toISOString().slice(0, 10));
}

export class FixtureServer {
  readonly data: FixtureData = { hf: new Map(), arxiv: [], rss: new Map() };
  readonly requests: RequestLog[] = [];
  private faults: PendingFault[] = [];
  private readonly sockets = new Set<Socket>();
  private server: Server | null = null;
  url = '';

  async start(port = 0): Promise<this> {
    const server = createServer((req, res) => this.handle(req, res));
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
  }

  /** Environment that points Papershelf at this server. */
  env(arxivDelayMs = 0): Record<string, string> {
    return {
      PAPERSHELF_HF_URL: this.url,
      PAPERSHELF_ARXIV_API_URL: `${this.url}/api/query`,
      PAPERSHELF_ARXIV_RSS_URL: this.url,
      PAPERSHELF_ARXIV_URL: this.url,
      PAPERSHELF_ARXIV_DELAY_MS: String(arxivDelayMs),
    };
  }

  /** Serve `fault` to the next `times` requests whose path+query matches. */
  inject(fault: Fault, match: string | RegExp = /.*/, times = 1): void {
    const test = typeof match === 'string' ? (p: string) => p.includes(match) : (p: string) => match.test(p);
    this.faults.push({ fault, match: test, remaining: times });
  }

  clearFaults(): void {
    this.faults = [];
    this.random = null;
  }

  private random: { rate: number; next: () => number; faults: Fault[] } | null = null;

  /** Besides injected faults, answer a share of all requests with a fault drawn by a seeded PRNG. */
  randomFaults(rate: number, seed: number, faults: Fault[]): void {
    this.random = { rate, next: prng(seed), faults };
  }

  private takeFault(pathAndQuery: string): Fault | null {
    const f = this.faults.find((x) => x.remaining > 0 && x.match(pathAndQuery));
    if (!f) {
      const r = this.random;
      if (r && r.next() < r.rate) return r.faults[Math.floor(r.next() * r.faults.length)]!;
      return null;
    }
    f.remaining--;
    return f.fault;
  }

  /** Delay before every answer, so a run lasts long enough to be interrupted. */
  latencyMs = 0;

  private handle(req: IncomingMessage, res: ServerResponse): void {
    if (this.latencyMs > 0) {
      setTimeout(() => this.answer(req, res), this.latencyMs);
      return;
    }
    this.answer(req, res);
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fixture');
    const fault = this.takeFault(url.pathname + url.search);
    this.requests.push({ path: url.pathname, query: url.searchParams, at: Date.now(), fault: fault?.kind ?? null });
    const answer = this.route(url, fault?.kind === 'empty');
    if (!fault || fault.kind === 'empty') return send(res, answer);
    switch (fault.kind) {
      case 'status':
        res.writeHead(fault.status, { 'content-type': 'text/plain', ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}) });
        res.end(`fixture fault: HTTP ${fault.status}`);
        return;
      case 'stall':
        res.writeHead(200, { 'content-type': answer.type });
        res.write(answer.body.slice(0, 10)); // …and never finish
        return;
      case 'truncate':
        res.writeHead(answer.status, { 'content-type': answer.type, 'content-length': Buffer.byteLength(answer.body) });
        res.write(answer.body.slice(0, Math.floor(answer.body.length / 2)), () => res.destroy());
        return;
      case 'malformed':
        return send(res, { ...answer, body: malform(answer) });
      case 'delay':
        setTimeout(() => send(res, answer), fault.ms);
        return;
      case 'body':
        return send(res, { status: fault.status, type: fault.type ?? 'application/atom+xml', body: fault.body });
      case 'html':
        return send(res, { status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><html><body><h1>We are down for maintenance</h1></body></html>' });
    }
  }

  private route(url: URL, empty: boolean): Body {
    const q = url.searchParams;
    if (url.pathname === '/api/daily_papers') {
      const days = q.get('date') ? [q.get('date')!] : q.get('week') ? isoWeekDays(q.get('week')!) : q.get('month')
        ? [...this.data.hf.keys()].filter((d) => d.startsWith(q.get('month')!)).sort()
        : [];
      const all = days.flatMap((d) => this.data.hf.get(d) ?? []);
      const limit = Number(q.get('limit') ?? 50);
      const p = Number(q.get('p') ?? 0);
      const page = empty ? [] : all.slice(p * limit, (p + 1) * limit);
      return { status: 200, type: 'application/json; charset=utf-8', body: JSON.stringify(page) };
    }
    if (url.pathname === '/api/query') {
      const start = Number(q.get('start') ?? 0);
      const max = Number(q.get('max_results') ?? 10);
      const entries = empty ? [] : this.data.arxiv.slice(start, start + max);
      const body = atomFeed(entries, { query: q.get('search_query') ?? '', start, total: this.data.arxiv.length });
      return { status: 200, type: 'application/atom+xml; charset=utf-8', body };
    }
    const rss = /^\/rss\/(.+)$/.exec(url.pathname);
    if (rss) {
      const cats = decodeURIComponent(rss[1]!);
      return { status: 200, type: 'application/rss+xml; charset=utf-8', body: rssFeed(cats, empty ? [] : (this.data.rss.get(cats) ?? [])) };
    }
    return { status: 404, type: 'text/plain', body: 'not found' };
  }
}

function send(res: ServerResponse, b: Body): void {
  res.writeHead(b.status, { 'content-type': b.type, 'content-length': Buffer.byteLength(b.body) });
  res.end(b.body);
}

/** Well delivered, badly formed: a JSON array cut short, XML with a closing tag missing. */
function malform(b: Body): string {
  if (b.type.includes('json')) return b.body.slice(0, Math.max(1, b.body.length - 3));
  const i = b.body.lastIndexOf('</');
  return i > 0 ? b.body.slice(0, i) + b.body.slice(b.body.indexOf('>', i) + 1) : '<feed';
}

export async function startFixtureServer(port = 0): Promise<FixtureServer> {
  return new FixtureServer().start(port);
}
