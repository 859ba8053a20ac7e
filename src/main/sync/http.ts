/**
 * The one way sync talks to the network: a GET with a timeout (covering the whole body), retries
 * with exponential backoff that honours `Retry-After` for 429/5xx/timeouts/broken bodies, a
 * caller-supplied parser whose failures are retried too (a truncated or malformed page is a
 * transient fault until proven otherwise), cancellation by AbortSignal, and one clear `network`
 * AppError when the host cannot be reached.
 */
import { AppError } from '../../shared/errors';
import { getText, type TextResponse } from './httpGet';

export interface HttpOptions {
  /** Per attempt, headers and body included. */
  timeoutMs: number;
  /** Attempts after the first. */
  retries: number;
  /** First backoff; doubles each attempt (with jitter), capped by maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest Retry-After we agree to wait; longer ones fail the run with a clear message. */
  maxRetryAfterMs: number;
}

export const DEFAULT_HTTP: HttpOptions = {
  timeoutMs: 30_000,
  retries: 4,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 5 * 60_000,
};

/** Test and script overrides: PAPERSHELF_HTTP_TIMEOUT_MS, PAPERSHELF_HTTP_RETRY_MS, PAPERSHELF_HTTP_RETRIES. */
export function httpOptionsFromEnv(env: NodeJS.ProcessEnv): HttpOptions {
  const num = (v: string | undefined, d: number) => (v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Number(v) : d);
  return {
    ...DEFAULT_HTTP,
    timeoutMs: num(env.PAPERSHELF_HTTP_TIMEOUT_MS, DEFAULT_HTTP.timeoutMs),
    baseDelayMs: num(env.PAPERSHELF_HTTP_RETRY_MS, DEFAULT_HTTP.baseDelayMs),
    retries: num(env.PAPERSHELF_HTTP_RETRIES, DEFAULT_HTTP.retries),
  };
}

export interface FetchedText {
  status: number;
  body: string;
  contentType: string;
}

export interface GetOptions<T> {
  http: HttpOptions;
  signal?: AbortSignal;
  /** Turn a 2xx (or an accepted non-2xx) response into data. Throw an AppError for a definitive
   *  answer (e.g. arXiv rejected the query); any other throw means "unreadable, try again". */
  parse: (res: FetchedText) => T;
  /** Statuses that are answers rather than faults (e.g. arXiv's 400 error feed). */
  acceptStatus?: (status: number) => boolean;
  onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
}

/** A failure worth another attempt, with the server's requested wait when it gave one. */
class Transient extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | null = null,
    /** The host could not be reached at all (offline, DNS, refused): retried once only. */
    readonly unreachable = false,
  ) {
    super(message);
  }
}

export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const s = value.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Math.round(Number(s) * 1000);
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const cancelled = () => new AppError('cancelled', 'The sync was cancelled');

const host = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** Why a request failed, in words, and whether the host could not be reached at all. */
function describeRequestError(e: unknown): { message: string; unreachable: boolean } {
  const code = (e as { code?: string } | null)?.code ?? '';
  const unreachable = ['ENOTFOUND', 'ECONNREFUSED', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH'].includes(code);
  return { message: (e as Error)?.message ?? String(e), unreachable };
}

async function attempt<T>(url: string, opts: GetOptions<T>): Promise<T> {
  const timeout = AbortSignal.timeout(opts.http.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  let res: TextResponse;
  try {
    res = await getText(url, { accept: 'application/json, application/atom+xml, application/xml;q=0.9, */*;q=0.5' }, signal);
  } catch (e) {
    if (opts.signal?.aborted) throw cancelled();
    if (timeout.aborted) throw new Transient(`no complete answer within ${Math.round(opts.http.timeoutMs / 1000)} s`);
    const d = describeRequestError(e);
    throw new Transient(d.unreachable ? `unreachable (${d.message})` : d.message, null, d.unreachable);
  }
  const status = res.status;
  if (status === 429 || status >= 500) {
    throw new Transient(`HTTP ${status}`, parseRetryAfter(res.header('retry-after')));
  }
  if ((status < 200 || status >= 300) && !opts.acceptStatus?.(status)) {
    throw new AppError('network', `${host(url)} answered HTTP ${status} for ${url}`);
  }
  const fetched = { status, body: res.body, contentType: res.header('content-type') ?? '' };
  try {
    return opts.parse(fetched);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new Transient(`unreadable answer: ${(e as Error).message}`);
  }
}

/** GET `url` and parse it, retrying transient faults; throws AppError network/cancelled/bad-input. */
export async function getParsed<T>(url: string, opts: GetOptions<T>): Promise<T> {
  const { http } = opts;
  for (let i = 0; ; i++) {
    try {
      return await attempt(url, opts);
    } catch (e) {
      if (!(e instanceof Transient)) throw e;
      if (i >= (e.unreachable ? Math.min(1, http.retries) : http.retries)) {
        throw new AppError(
          'network',
          `Could not get data from ${host(url)} after ${i + 1} attempts: ${e.message}. ` +
            `Check your connection; nothing half-done was saved`,
        );
      }
      if (e.retryAfterMs !== null && e.retryAfterMs > http.maxRetryAfterMs) {
        throw new AppError('network', `${host(url)} asks to wait ${Math.round(e.retryAfterMs / 1000)} s (rate limit); try again later.`);
      }
      const backoff = Math.min(http.maxDelayMs, http.baseDelayMs * 2 ** i) * (0.75 + Math.random() * 0.5);
      const delayMs = Math.round(e.retryAfterMs ?? backoff);
      opts.onRetry?.({ attempt: i + 1, delayMs, reason: e.message });
      await sleep(delayMs, opts.signal);
    }
  }
}
