/**
 * The one gate every call passes through, whatever its transport: the channel must be in the
 * contract, its arguments must parse with the contract's zod schema, and the handler's outcome is
 * wrapped in a typed envelope. Handlers throw `AppError`s; anything else becomes `internal`.
 */
import { type z } from 'zod';
import { AppError, type Envelope } from '../../shared/errors';
import { contract, isChannel, type Channel, type Handlers, type ResultOf } from '../../shared/ipc/contract';

export type Dispatch = (channel: unknown, args: unknown) => Promise<Envelope<unknown>>;

export interface GateOptions {
  log?: (message: string) => void;
}

function describeZodError(e: z.ZodError): string {
  return e.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : 'arguments'}: ${i.message}`)
    .join('; ');
}

export function createGate(handlers: Handlers, opts: GateOptions = {}): Dispatch {
  const log = opts.log ?? ((m: string) => console.warn(m));
  return async (channel, args) => {
    if (!isChannel(channel)) {
      log(`[gate] refused unknown channel ${JSON.stringify(String(channel)).slice(0, 100)}`);
      return { ok: false, error: { type: 'unknown-channel', message: `Unknown call: ${String(channel).slice(0, 100)}` } };
    }
    // A call without arguments means "no arguments"; null or anything else is judged by the schema.
    const parsed = contract[channel].args.safeParse(args === undefined ? {} : args);
    if (!parsed.success) {
      return { ok: false, error: { type: 'invalid-args', message: `${channel}: ${describeZodError(parsed.error)}` } };
    }
    try {
      const handler = handlers[channel] as (a: unknown) => Promise<ResultOf<Channel>> | ResultOf<Channel>;
      const value = await handler(parsed.data);
      return { ok: true, value };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toInfo() };
      log(`[gate] ${channel} failed: ${(e as Error)?.stack ?? String(e)}`);
      return { ok: false, error: { type: 'internal', message: (e as Error)?.message ?? String(e) } };
    }
  };
}
