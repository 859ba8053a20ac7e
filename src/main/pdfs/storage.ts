/**
 * The PDF store: content-addressed files under `<library>/pdfs/<first2>/<sha256>.pdf`, written
 * through a temporary file in the same folder tree, fsynced, then renamed into place (atomic on
 * one filesystem), so a crash never leaves a half-written file under its final name.
 *
 * Validation happens before anything is stored: the `%PDF-` header, the size limit, and a clear
 * reason when a server (or a user) hands us an HTML page instead of a PDF.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PDF_DIR } from '../library/home';

/** Temporary files (imports being copied) and partial downloads live under the library's pdf folder. */
export const TMP_DIR = '.tmp';
export const PARTIAL_DIR = '.partial';

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

export interface StoredPdf {
  sha256: string;
  /** Relative to the library folder: `pdfs/ab/ab12….pdf`. */
  path: string;
  bytes: number;
}

export function relPathFor(sha256: string): string {
  return `${PDF_DIR}/${sha256.slice(0, 2)}/${sha256}.pdf`;
}

export function tmpDir(libraryDir: string): string {
  const d = join(libraryDir, PDF_DIR, TMP_DIR);
  mkdirSync(d, { recursive: true });
  return d;
}

export function partialDir(libraryDir: string): string {
  const d = join(libraryDir, PDF_DIR, PARTIAL_DIR);
  mkdirSync(d, { recursive: true });
  return d;
}

const HTML_START = /^\s*(<!doctype\s+html|<html|<head|<body|<\?xml[^>]*>\s*<html|<!--)/i;

/**
 * Why these first bytes are not a PDF, or null when they are. `head` is the first KB or so of the
 * file; `what` names it in the message ("The download", "paper.pdf").
 */
export function notPdfReason(head: Uint8Array, what: string): string | null {
  if (head.length === 0) return `${what} is empty (0 bytes), not a PDF.`;
  const text = Buffer.from(head.subarray(0, 1024)).toString('latin1');
  // The spec allows a little junk before the header; real files start with it.
  if (text.includes('%PDF-')) return null;
  if (HTML_START.test(text) || /<html[\s>]/i.test(text)) {
    const title = /<title[^>]*>([^<]{1,120})/i.exec(text)?.[1]?.trim();
    return `${what} is an HTML page${title ? ` ("${title}")` : ''}, not a PDF.`;
  }
  const shown = text.slice(0, 16).replace(/[^\x20-\x7e]/g, '.');
  return `${what} is not a PDF: it does not start with %PDF- (it starts with "${shown}").`;
}

/** True when the last bytes carry the `%%EOF` marker every complete PDF ends with. */
export function hasEofMarker(tail: Uint8Array): boolean {
  return Buffer.from(tail).toString('latin1').includes('%%EOF');
}

/** Read the first and last `n` bytes of a file. */
export function headAndTail(file: string, n = 4096): { head: Buffer; tail: Buffer; size: number } {
  const size = statSync(file).size;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(Math.min(n, size));
    readSync(fd, head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(n, size));
    readSync(fd, tail, 0, tail.length, Math.max(0, size - tail.length));
    return { head, tail, size };
  } finally {
    closeSync(fd);
  }
}

export function sizeLimitReason(bytes: number, maxBytes: number, what: string): string | null {
  if (bytes <= maxBytes) return null;
  const mb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);
  return `${what} is ${mb(bytes)}, over the ${mb(maxBytes)} limit (setting pdf.maxBytes).`;
}

export function sha256OfBytes(buf: Uint8Array): string {
  return createHash('sha256').update(buf).digest('hex');
}

export function sha256OfFile(file: string): Promise<string> {
  return new Promise((ok, fail) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (c) => h.update(c))
      .on('end', () => ok(h.digest('hex')))
      .on('error', fail);
  });
}

async function fsyncDir(dir: string): Promise<void> {
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic.
  }
}

/**
 * Move a complete, fsynced file (in the library's tmp or partial folder) to its content address.
 * When the store already holds that content, the source is removed and the existing file kept.
 * Asynchronous throughout: fsync can take long on a busy disk and must not stall the UI thread.
 */
export async function adoptFile(libraryDir: string, source: string, sha256: string, bytes: number): Promise<StoredPdf> {
  const path = relPathFor(sha256);
  const dest = join(libraryDir, path);
  if (existsSync(dest) && statSync(dest).size === bytes) {
    await rm(source, { force: true });
    return { sha256, path, bytes };
  }
  const dir = join(libraryDir, PDF_DIR, sha256.slice(0, 2));
  await mkdir(dir, { recursive: true });
  await rename(source, dest);
  await fsyncDir(dir);
  return { sha256, path, bytes };
}

/** Write bytes to a new file in the library's tmp folder, fsynced; returns its path. */
export async function writeTemp(libraryDir: string, buf: Uint8Array): Promise<string> {
  const tmp = join(tmpDir(libraryDir), `${randomBytes(8).toString('hex')}.tmp`);
  try {
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(buf);
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  return tmp;
}

/** Write bytes into the store: temp file, fsync, atomic rename. */
export async function storeBytes(libraryDir: string, buf: Uint8Array): Promise<StoredPdf> {
  const sha256 = sha256OfBytes(buf);
  const dest = join(libraryDir, relPathFor(sha256));
  if (existsSync(dest) && statSync(dest).size === buf.length) return { sha256, path: relPathFor(sha256), bytes: buf.length };
  const tmp = await writeTemp(libraryDir, buf);
  try {
    return await adoptFile(libraryDir, tmp, sha256, buf.length);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/**
 * Start-up clean-up: temp files of imports a crash interrupted, and partial downloads whose job
 * is no longer open (`<paperId>-<jobId>.part`). Returns how many files were removed.
 */
export function removeStaleFiles(libraryDir: string, openJobIds: Set<number>): number {
  let n = 0;
  for (const f of readdirSync(tmpDir(libraryDir))) {
    rmSync(join(tmpDir(libraryDir), f), { force: true });
    n++;
  }
  for (const f of readdirSync(partialDir(libraryDir))) {
    const job = /^\d+-(\d+)\.part$/.exec(f)?.[1];
    if (job && openJobIds.has(Number(job))) continue;
    rmSync(join(partialDir(libraryDir), f), { force: true });
    n++;
  }
  return n;
}

/** The absolute path of a stored file, when it exists and still has the recorded hash's size. */
export function storedFile(libraryDir: string, relPath: string): string | null {
  const abs = join(libraryDir, relPath);
  return existsSync(abs) ? abs : null;
}
