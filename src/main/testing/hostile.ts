/**
 * Invalid payloads for every contract entry, derived from the contract's own zod schemas: values
 * of the wrong type, unknown keys, prototype-pollution keys, huge and nested junk. Only payloads
 * the schema really rejects are kept, so each one must come back as a typed error.
 */
import type { z } from 'zod';
import { contract, type Channel } from '../../shared/ipc/contract';
import { prng as rng } from '../../shared/prng';

const JUNK: unknown[] = [
  null,
  0,
  -1,
  1.5,
  1e308,
  -2147483649,
  '',
  'x',
  '1',
  '"; DROP TABLE papers; --',
  '../../../../etc/passwd',
  'a'.repeat(100_000),
  '\u0000\uffff\ud800',
  true,
  false,
  [],
  [1, 2, 3],
  ['x'],
  [[[[[[]]]]]],
  {},
  { id: 1 },
  { $where: 'sleep(1)' },
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown,
];

const TOP: unknown[] = [null, 42, 'papers:list', [], [{}], true, 'a'.repeat(10_000)];

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | null {
  const s = schema as unknown as { shape?: Record<string, z.ZodType> };
  return s.shape && typeof s.shape === 'object' ? s.shape : null;
}


/** A random JSON value: scalars, arrays and objects nested a few levels. */
function randomJson(next: () => number, depth = 0): unknown {
  const pick = Math.floor(next() * (depth > 2 ? 5 : 7));
  switch (pick) {
    case 0: return null;
    case 1: return Math.floor((next() - 0.5) * 1e6);
    case 2: return next() < 0.5;
    case 3: return String.fromCharCode(...Array.from({ length: Math.floor(next() * 12) }, () => Math.floor(next() * 0x2fff)));
    case 4: return next();
    case 5: return Array.from({ length: Math.floor(next() * 4) }, () => randomJson(next, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, (_, i) => [`k${i}${Math.floor(next() * 99)}`, randomJson(next, depth + 1)]));
  }
}

export function hostilePayloads(channel: Channel): unknown[] {
  const schema = contract[channel].args as z.ZodType;
  const shape = shapeOf(schema);
  const candidates: unknown[] = [...TOP];
  candidates.push(JSON.parse('{"__proto__": {"isAdmin": true}, "x": 1}'));
  candidates.push({ unexpectedKey: 1 });
  if (shape) {
    for (const key of Object.keys(shape)) {
      for (const v of JUNK) candidates.push({ [key]: v }, { [key]: [v] }, { [key]: { nested: v } });
    }
  }
  const next = rng([...channel].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7));
  for (let i = 0; i < 60; i++) candidates.push(randomJson(next));
  if (shape) {
    const keys = Object.keys(shape);
    for (let i = 0; i < 60; i++) {
      candidates.push(Object.fromEntries(keys.map((k) => [k, next() < 0.5 ? JUNK[Math.floor(next() * JUNK.length)] : randomJson(next)])));
    }
  }
  return candidates.filter((p) => !schema.safeParse(p).success);
}

export function allHostilePayloads(): { channel: Channel; payload: unknown }[] {
  return (Object.keys(contract) as Channel[]).flatMap((channel) => hostilePayloads(channel).map((payload) => ({ channel, payload })));
}
