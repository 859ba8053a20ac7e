import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENT_NAMES } from '../shared/ipc/contract';
import { createBridge, EVENT_CHANNEL } from './bridge';

const h = vi.hoisted(() => ({ exposed: new Map<string, unknown>() }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (k: string, v: unknown) => h.exposed.set(k, v) },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
}));

function fakeIpc() {
  const listeners = new Set<(e: unknown, ...a: unknown[]) => void>();
  return {
    invoke: vi.fn((channel: string, args: unknown) => Promise.resolve({ ok: true, value: { channel, args } })),
    on: vi.fn((_c: string, l: (e: unknown, ...a: unknown[]) => void) => listeners.add(l)),
    removeListener: vi.fn((_c: string, l: (e: unknown, ...a: unknown[]) => void) => listeners.delete(l)),
    emit: (...a: unknown[]) => listeners.forEach((l) => l({}, ...a)),
    listeners,
  };
}

describe('the preload bridge', () => {
  it('exposes exactly invoke and on as window.papershelf', async () => {
    await import('./index');
    const api = h.exposed.get('papershelf') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect([...h.exposed.keys()]).toEqual(['papershelf']);
  });

  it('forwards every contract entry to its own IPC channel', async () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc);
    for (const channel of CHANNELS) {
      expect(await bridge.invoke(channel, { x: 1 })).toEqual({ ok: true, value: { channel, args: { x: 1 } } });
    }
    expect(ipc.invoke).toHaveBeenCalledTimes(CHANNELS.length);
  });

  it('refuses channels outside the contract without touching IPC', async () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc);
    expect(await bridge.invoke('shell:openPath', {})).toMatchObject({ ok: false, error: { type: 'unknown-channel' } });
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('delivers contract events and unsubscribes', () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc);
    const got: unknown[] = [];
    const off = bridge.on('papers:changed', (p) => got.push(p));
    expect(ipc.on).toHaveBeenCalledWith(EVENT_CHANNEL, expect.any(Function));
    ipc.emit('papers:changed', { ids: [1] });
    ipc.emit('sync:progress', { runId: 1 });
    expect(got).toEqual([{ ids: [1] }]);
    off();
    expect(ipc.listeners.size).toBe(0);
    expect(() => bridge.on('evil' as never, () => {})).toThrow(/Unknown event/);
    expect(EVENT_NAMES).toContain('papers:changed');
  });
});
