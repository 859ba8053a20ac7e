/**
 * The index on disk, so a restart (or a CLI command) need not re-tokenise the whole library:
 * `<library>/cache/recs-index.bin`, a derived file that may be deleted at any time (backups can
 * skip it). Loading reconciles with SQLite: papers whose text changed are re-indexed, new ones
 * added, deleted ones dropped, states and stars refreshed; only the text of each paper is
 * hashed, not tokenised. Written atomically (temp file + rename).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DIM, DIM_BITS, PAPER_STATE_CODES, TfIdfIndex, type IndexedDoc } from './vectors';

const MAGIC = 0x49525350; // "PSRI"
const VERSION = 1;
const HEADER_WORDS = 8;

/** Serialise the live rows (removed ones are compacted away). */
export function saveIndex(ix: TfIdfIndex, file: string): void {
  const rows: number[] = [];
  let nnz = 0;
  for (let r = 0; r < ix.ids.length; r++) {
    if (ix.states[r]! < 0) continue;
    rows.push(r);
    nnz += ix.cols[r]!.length;
  }
  const n = rows.length;
  const words = HEADER_WORDS + DIM + n * 4 + (n + 1) + nnz * 2;
  const buf = new ArrayBuffer(words * 4);
  const u32 = new Uint32Array(buf);
  const i32 = new Int32Array(buf);
  const f32 = new Float32Array(buf);
  u32.set([MAGIC, VERSION, DIM_BITS, n, nnz, ix.n, ix.driftSinceRebuild, 0]);
  let o = HEADER_WORDS;
  i32.set(ix.df, o);
  o += DIM;
  const meta = o;
  rows.forEach((r, k) => {
    i32[meta + k] = ix.ids[r]!;
    i32[meta + n + k] = ix.states[r]!;
    i32[meta + 2 * n + k] = ix.starred[r]!;
    u32[meta + 3 * n + k] = ix.textHashes[r]! >>> 0;
  });
  o += 4 * n;
  const ptr = o;
  o += n + 1;
  let at = 0;
  rows.forEach((r, k) => {
    i32[ptr + k] = at;
    i32.set(ix.cols[r]!, o + at);
    f32.set(ix.vals[r]!, o + nnz + at);
    at += ix.cols[r]!.length;
  });
  i32[ptr + n] = at;
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, new Uint8Array(buf));
  renameSync(tmp, file);
}

/** The cached index, or null when there is none or it is unusable (then build from scratch). */
export function readIndex(file: string): TfIdfIndex | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  if (bytes.byteLength < HEADER_WORDS * 4 || bytes.byteLength % 4 !== 0) return null;
  const buf = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(buf).set(bytes);
  const u32 = new Uint32Array(buf);
  const i32 = new Int32Array(buf);
  const f32 = new Float32Array(buf);
  const [magic, version, bits, n, nnz, docs, drift] = u32;
  if (magic !== MAGIC || version !== VERSION || bits !== DIM_BITS) return null;
  if (u32.length !== HEADER_WORDS + DIM + n! * 4 + (n! + 1) + nnz! * 2) return null;
  const ix = new TfIdfIndex();
  ix.df.set(i32.subarray(HEADER_WORDS, HEADER_WORDS + DIM));
  ix.n = docs!;
  ix.driftSinceRebuild = drift!;
  const meta = HEADER_WORDS + DIM;
  const ptr = meta + 4 * n!;
  const cols = ptr + n! + 1;
  const vals = cols + nnz!;
  for (let k = 0; k < n!; k++) {
    const a = i32[ptr + k]!;
    const b = i32[ptr + k + 1]!;
    ix.place(
      { id: i32[meta + k]!, state: PAPER_STATE_CODES[i32[meta + n! + k]!] ?? 'inbox', starred: i32[meta + 2 * n! + k] === 1 },
      i32.subarray(cols + a, cols + b),
      f32.subarray(vals + a, vals + b),
      u32[meta + 3 * n! + k]!,
    );
  }
  return ix;
}

/**
 * Bring a cached index up to date with the library, `chunk` papers at a time (yielding between
 * chunks, like the build): re-index changed or new papers, refresh state and star, drop the rest.
 */
export function* reconcile(
  ix: TfIdfIndex,
  read: (afterId: number, limit: number) => IndexedDoc[],
  chunk = 1000,
): Generator<void, TfIdfIndex> {
  const seen = new Set<number>();
  let after = 0;
  for (;;) {
    const batch = read(after, chunk);
    if (!batch.length) break;
    for (const d of batch) {
      seen.add(d.id);
      if (ix.textChanged(d)) ix.upsert(d);
      else ix.setMeta(d.id, d.state, d.starred);
    }
    after = batch[batch.length - 1]!.id;
    yield;
  }
  for (const id of [...ix.ids]) if (!seen.has(id)) ix.remove(id);
  return ix;
}
