/**
 * The renderer's one typed `api`, chosen once at start-up: the preload bridge in the desktop app,
 * the loopback HTTP transport in browser mode. Calls resolve to values or throw `ApiError`.
 */
import type { Envelope, ErrorInfo } from '@shared/errors';
import type { Api, ArgsOf, Channel, EventName, MainEvents, ResultOf } from '@shared/ipc/contract';

export class ApiError extends Error implements ErrorInfo {
  constructor(
    readonly type: ErrorInfo['type'],
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function unwrap<T>(env: Envelope<T>): T {
  if (env.ok) return env.value;
  throw new ApiError(env.error.type, env.error.message);
}

function bridgeApi(bridge: NonNullable<Window['papershelf']>): Api {
  return {
    invoke: async <K extends Channel>(channel: K, args: ArgsOf<K>) =>
      unwrap((await bridge.invoke(channel, args)) as Envelope<ResultOf<K>>),
    on: (event, listener) => bridge.on(event, listener),
  };
}

export function tokenFromLocation(loc: Pick<Location, 'hash' | 'search'>): string | null {
  const fromHash = new URLSearchParams(loc.hash.replace(/^#/, '')).get('token');
  return fromHash ?? new URLSearchParams(loc.search).get('token');
}

function httpApi(base: string, token: string): Api {
  type AnyListener = (payload: unknown) => void;
  const listeners = new Map<EventName, Set<AnyListener>>();
  let source: EventSource | null = null;
  const ensureSource = () => {
    if (source) return;
    source = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (m) => {
      const { event, payload } = JSON.parse(m.data as string) as { event: EventName; payload: unknown };
      listeners.get(event)?.forEach((l) => l(payload));
    };
  };
  return {
    invoke: async <K extends Channel>(channel: K, args: ArgsOf<K>) => {
      let res: Response;
      try {
        res = await fetch(`${base}/api/invoke/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(args ?? {}),
        });
      } catch (e) {
        throw new ApiError('network', `Papershelf is not reachable: ${(e as Error).message}`);
      }
      return unwrap((await res.json()) as Envelope<ResultOf<K>>);
    },
    on: <E extends EventName>(event: E, listener: (payload: MainEvents[E]) => void) => {
      ensureSource();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as AnyListener);
      return () => set.delete(listener as AnyListener);
    },
  };
}

function pickTransport(): Api {
  if (window.papershelf) return bridgeApi(window.papershelf);
  const token = tokenFromLocation(window.location);
  if (token) {
    // Keep the token for reloads, but out of the address bar and history.
    sessionStorage.setItem('papershelf-token', token);
    history.replaceState(null, '', window.location.pathname);
  }
  const t = token ?? sessionStorage.getItem('papershelf-token');
  if (!t) throw new ApiError('forbidden', 'Open the address printed by `npm run web` (it carries the access token).');
  http = { base: window.location.origin, token: t };
  return httpApi(window.location.origin, t);
}

/** Browser mode's base and token (null in the desktop app). */
let http: { base: string; token: string } | null = null;

async function httpError(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as { error?: ErrorInfo } | null;
  return new ApiError(body?.error?.type ?? 'internal', body?.error?.message ?? `HTTP ${res.status}`);
}

/**
 * A paper's PDF bytes, over whichever transport is in use: IPC (`reader:bytes`, a structured
 * clone of a Uint8Array) in the desktop app, the streaming `GET /api/pdf/<id>` in browser mode.
 */
export async function fetchPdf(paperId: number): Promise<Uint8Array> {
  const a = api();
  if (!http) return a.invoke('reader:bytes', { paperId });
  let res: Response;
  try {
    res = await fetch(`${http.base}/api/pdf/${paperId}`, { headers: { authorization: `Bearer ${http.token}` } });
  } catch (e) {
    throw new ApiError('network', `Papershelf is not reachable: ${(e as Error).message}`);
  }
  if (!res.ok) throw await httpError(res);
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * A call that must outlive the page (tab or window closing): in browser mode a `keepalive` fetch
 * (the sendBeacon equivalent, bodies up to 64 KB); IPC messages are sent before the page unloads.
 */
export async function invokeKeepalive<K extends Channel>(channel: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  const a = api();
  if (!http) return a.invoke(channel, args);
  const body = JSON.stringify(args ?? {});
  const res = await fetch(`${http.base}/api/invoke/${channel}`, {
    method: 'POST',
    keepalive: body.length < 60_000,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${http.token}` },
    body,
  });
  return unwrap((await res.json()) as Envelope<ResultOf<K>>);
}

let instance: Api | null = null;
/** The api, created on first use. */
export function api(): Api {
  return (instance ??= pickTransport());
}

/** Tests replace the transport. */
export function setApi(a: Api | null): void {
  instance = a;
}
