/**
 * One HTTP attempt at a PDF: resume with Range (and If-Range) when a partial file exists, abort
 * on a stall, classify failures as retryable (429, 5xx, dropped connection, stall, an HTML
 * interstitial) or not (404, over the size limit), and stream the body to the partial file, fsynced.
 */
import { existsSync } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import { parseArxivId } from '../../shared/arxivId';
import { notPdfReason, sizeLimitReason } from './storage';

export interface AttemptOptions {
  url: string;
  /** The partial file: appended to when the server resumes, rewritten otherwise. */
  part: string;
  /** The ETag seen when the partial file was started (sent as If-Range). */
  etag: string | null;
  signal: AbortSignal;
  maxBytes: number;
  fetch: typeof fetch;
  /** Abort when nothing arrives for this long. */
  idleTimeoutMs: number;
  saveEtag: (etag: string | null) => void;
  onProgress: (received: number, total: number | null, final: boolean) => void;
}

/** A failed attempt: retryable ones go back to the queue. */
export class AttemptError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

export function parseRetryAfter(v: string | null, now = Date.now()): number | null {
  if (!v) return null;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

function versionFromDisposition(v: string | null): number | null {
  const name = v ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(v)?.[1] : undefined;
  return name ? (parseArxivId(decodeURIComponent(name))?.version ?? null) : null;
}

/** One HTTP attempt, appending to `part` when the server honours our Range request. */
export async function fetchAttempt(o: AttemptOptions): Promise<{ version: number | null }> {
  const { url, part, etag, signal, maxBytes } = o;
  const have = existsSync(part) ? (await stat(part)).size : 0;
  const headers: Record<string, string> = { accept: 'application/pdf', 'user-agent': 'Papershelf (research paper library)' };
  if (have > 0) {
    headers.range = `bytes=${have}-`;
    if (etag) headers['if-range'] = etag;
  }
  const ac = new AbortController();
  const onOuter = () => ac.abort(signal.reason);
  signal.addEventListener('abort', onOuter, { once: true });
  let stalled = false;
  let idle: NodeJS.Timeout | null = null;
  const arm = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => {
      stalled = true;
      ac.abort(new Error('stalled'));
    }, o.idleTimeoutMs);
  };
  let fh: Awaited<ReturnType<typeof open>> | null = null;
  try {
    arm();
    const res = await o.fetch(url, { headers, signal: ac.signal, redirect: 'follow' });
    if (res.status === 429 || res.status >= 500) {
      await res.body?.cancel().catch(() => {});
      throw new AttemptError(
        `arXiv answered ${res.status}${res.status === 429 ? ' (too many requests)' : ''} for ${url}.`,
        true,
        parseRetryAfter(res.headers.get('retry-after')),
      );
    }
    if (res.status === 416) {
      await res.body?.cancel().catch(() => {});
      await rm(part, { force: true });
      throw new AttemptError(`The partial download of ${url} did not match the server's file; starting over.`, true);
    }
    if (res.status === 404) throw new AttemptError(`arXiv has no PDF at ${url} (404).`, false);
    if (!res.ok) throw new AttemptError(`arXiv answered ${res.status} for ${url}.`, false);
    const type = res.headers.get('content-type') ?? '';
    if (/text\/html/i.test(type)) {
      const text = (await res.text()).slice(0, 4096);
      // Usually an interstitial ("temporarily unavailable", a bot check): retried like a 5xx, and
      // refused with its reason if it persists.
      throw new AttemptError(notPdfReason(Buffer.from(text), `The download from ${url}`) ?? `${url} sent an HTML page, not a PDF.`, true);
    }
    let append = false;
    let total: number | null = null;
    const length = res.headers.get('content-length');
    if (res.status === 206) {
      const cr = /bytes (\d+)-(\d+)\/(\d+|\*)/.exec(res.headers.get('content-range') ?? '');
      if (!cr || Number(cr[1]) !== have) throw new AttemptError(`The server resumed ${url} at the wrong offset.`, true);
      append = true;
      total = cr[3] === '*' ? null : Number(cr[3]);
    } else {
      total = length ? Number(length) : null;
    }
    const newEtag = res.headers.get('etag');
    if (!append || newEtag !== etag) o.saveEtag(newEtag);
    if (total !== null) {
      const over = sizeLimitReason(total, maxBytes, `The PDF at ${url}`);
      if (over) throw new AttemptError(over, false);
    }
    fh = await open(part, append ? 'a' : 'w');
    let received = append ? have : 0;
    o.onProgress(received, total, false);
    if (res.body) {
      for await (const chunk of res.body) {
        arm();
        await fh.write(chunk);
        received += chunk.length;
        if (received > maxBytes) throw new AttemptError(sizeLimitReason(received, maxBytes, `The PDF at ${url}`)!, false);
        o.onProgress(received, total, false);
      }
    }
    await fh.sync();
    o.onProgress(received, total, true);
    if (total !== null && received !== total) {
      throw new AttemptError(`The connection closed after ${received} of ${total} bytes of ${url}.`, true);
    }
    return { version: versionFromDisposition(res.headers.get('content-disposition')) };
  } catch (e) {
    if (e instanceof AttemptError) throw e;
    if (stalled) throw new AttemptError(`The download of ${url} stalled (no data for ${o.idleTimeoutMs / 1000} s).`, true);
    if (signal.aborted) throw e;
    const cause = (e as { cause?: { message?: string } }).cause?.message;
    throw new AttemptError(`The download of ${url} was interrupted: ${(e as Error).message}${cause ? ` (${cause})` : ''}.`, true);
  } finally {
    if (idle) clearTimeout(idle);
    signal.removeEventListener('abort', onOuter);
    await fh?.close().catch(() => {});
  }
}
