import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/errors';
import { CHANNELS, type Handlers } from '../../shared/ipc/contract';
import { createGate } from './gate';

function handlersWith(overrides: Partial<Handlers>): Handlers {
  const all = Object.fromEntries(CHANNELS.map((c) => [c, vi.fn(() => ({ from: c }))])) as unknown as Handlers;
  return { ...all, ...overrides };
}

describe('the gate', () => {
  const log = vi.fn();

  it('refuses a channel that is not in the contract and logs it', async () => {
    const gate = createGate(handlersWith({}), { log });
    expect(await gate('fs:readFile', { path: '/etc/passwd' })).toEqual({
      ok: false,
      error: { type: 'unknown-channel', message: 'Unknown call: fs:readFile' },
    });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('unknown channel'));
  });

  it('validates arguments with the contract schema before the handler runs', async () => {
    const get = vi.fn();
    const gate = createGate(handlersWith({ 'papers:get': get }), { log });
    const r = await gate('papers:get', { id: 'one' });
    expect(r).toMatchObject({ ok: false, error: { type: 'invalid-args' } });
    expect((r as { error: { message: string } }).error.message).toMatch(/^papers:get: id:/);
    expect(await gate('papers:get', { id: 1, extra: true })).toMatchObject({ ok: false, error: { type: 'invalid-args' } });
    expect(get).not.toHaveBeenCalled();
  });

  it('applies defaults and passes the parsed arguments', async () => {
    const list = vi.fn(() => ({ rows: [], total: 0 }));
    const gate = createGate(handlersWith({ 'papers:list': list }), { log });
    expect(await gate('papers:list', undefined)).toEqual({ ok: true, value: { rows: [], total: 0 } });
    expect(list).toHaveBeenCalledWith(expect.objectContaining({ view: 'all', offset: 0, limit: 200 }));
  });

  it('turns AppErrors into typed errors and anything else into internal', async () => {
    const gate = createGate(
      handlersWith({
        'papers:get': () => {
          throw new AppError('not-found', 'No paper with id 9');
        },
        'app:info': () => {
          throw new TypeError('boom');
        },
      }),
      { log },
    );
    expect(await gate('papers:get', { id: 9 })).toEqual({ ok: false, error: { type: 'not-found', message: 'No paper with id 9' } });
    expect(await gate('app:info', {})).toEqual({ ok: false, error: { type: 'internal', message: 'boom' } });
  });
});
