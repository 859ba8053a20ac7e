/**
 * The bridge the preload exposes as `window.papershelf`: exactly the contract's channels and
 * events, never raw ipcRenderer. Built from an injected ipcRenderer so tests can drive it.
 */
import type { Envelope } from '../shared/errors';
import { isChannel, isEventName, type EventName, type MainEvents } from '../shared/ipc/contract';

export const EVENT_CHANNEL = 'papershelf:event';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** The raw bridge: calls return envelopes; the renderer's client unwraps them. */
export interface Bridge {
  invoke(channel: string, args: unknown): Promise<Envelope<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: MainEvents[E]) => void): () => void;
}

export function createBridge(ipc: IpcRendererLike): Bridge {
  return {
    invoke: (channel, args) => {
      if (!isChannel(channel)) {
        return Promise.resolve({ ok: false, error: { type: 'unknown-channel', message: `Unknown call: ${String(channel)}` } });
      }
      return ipc.invoke(channel, args) as Promise<Envelope<unknown>>;
    },
    on: (event, listener) => {
      if (!isEventName(event)) throw new Error(`Unknown event: ${String(event)}`);
      const wrapped = (_e: unknown, name: unknown, payload: unknown) => {
        if (name === event) listener(payload as MainEvents[typeof event]);
      };
      ipc.on(EVENT_CHANNEL, wrapped as (event: unknown, ...args: unknown[]) => void);
      return () => {
        ipc.removeListener(EVENT_CHANNEL, wrapped as (event: unknown, ...args: unknown[]) => void);
      };
    },
  };
}
