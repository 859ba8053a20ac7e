import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './http';

describe('Retry-After', () => {
  const now = Date.parse('2026-11-28T01:00:00Z');
  it('reads delta-seconds and HTTP dates, and ignores junk', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter('Sat, 28 Nov 2026 01:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sat, 28 Nov 2026 00:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
