import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRetryAfter } from './downloadQueue';
import { hasEofMarker, notPdfReason, relPathFor, sha256OfBytes, storeBytes } from './storage';
import { filesIn, removeDir, storedFiles, tempDir } from './testing/harness';

let dir: string;
beforeEach(() => (dir = tempDir()));
afterEach(() => removeDir(dir));

const enc = (s: string) => new TextEncoder().encode(s);

describe('the PDF store', () => {
  it('writes bytes to their content address, leaving no temp file, and stores equal content once', async () => {
    const bytes = enc('%PDF-1.4\nhello\n%%EOF\n');
    const a = await storeBytes(dir, bytes);
    const sha = sha256OfBytes(bytes);
    expect(a).toEqual({ sha256: sha, path: relPathFor(sha), bytes: bytes.length });
    expect(a.path).toBe(`pdfs/${sha.slice(0, 2)}/${sha}.pdf`);
    expect(readFileSync(join(dir, a.path))).toEqual(Buffer.from(bytes));
    expect(await storeBytes(dir, bytes)).toEqual(a);
    expect(storedFiles(dir)).toEqual([`${sha.slice(0, 2)}/${sha}.pdf`]);
    expect(filesIn(join(dir, 'pdfs', '.tmp'))).toEqual([]);
    expect(existsSync(join(dir, a.path))).toBe(true);
  });

  it('says why bytes are not a PDF', () => {
    expect(notPdfReason(enc('%PDF-1.7 ...'), 'f')).toBeNull();
    expect(notPdfReason(enc('\n\n%PDF-1.7 ...'), 'f')).toBeNull();
    expect(notPdfReason(new Uint8Array(0), 'f.pdf')).toBe('f.pdf is empty (0 bytes), not a PDF.');
    expect(notPdfReason(enc('<html><head><title>Just a moment...</title>'), 'The download')).toBe(
      'The download is an HTML page ("Just a moment..."), not a PDF.',
    );
    expect(notPdfReason(enc('PK\x03\x04zip'), 'f')).toMatch(/does not start with %PDF- \(it starts with "PK\.\.zip"\)/);
    expect(hasEofMarker(enc('...\n%%EOF\n'))).toBe(true);
    expect(hasEofMarker(enc('...truncated'))).toBe(false);
  });

  it('reads Retry-After in seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-28T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sat, 28 Nov 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
