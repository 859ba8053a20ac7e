/**
 * The TF-IDF index: one sparse, L2-normalised vector per paper over a hashed feature space
 * (2^20 buckets, so there is no vocabulary to store or grow: new papers never need a rebuild to
 * be indexed). TF is sublinear (1 + ln count), IDF smoothed (ln((1+N)/(1+df)) + 1), as in
 * arxiv-sanity's scikit-learn setup. Rows are compact typed arrays; the building is a generator so
 * that the caller decides whether to run it at once (CLI, tests) or in chunks (the app).
 */
import { eachDocTerm, type DocText } from './tokenize';

export const DIM_BITS = 20;
export const DIM = 1 << DIM_BITS;
const MASK = DIM - 1;

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a over UTF-16 code units, continuing from `h` (unmasked). */
function fnv(s: string, h = FNV_OFFSET): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A term's feature; a bigram `a b` hashes exactly like the string "a b". */
export function hashTerm(s: string): number {
  return fnv(s) & MASK;
}

function textHash(d: DocText): number {
  return hashTerm(`${d.title}\u0000${d.abstract ?? ''}\u0000${d.authorsText}\u0000${d.keywords.join('\u0001')}`);
}

// Scratch space for counting one paper's features: a dense accumulator and the list of touched
// features, reset after each paper (much cheaper than a Map per paper).
const scratch = new Float32Array(DIM);
let touched = new Int32Array(4096);

/** Hashed weighted counts of one paper, sorted by feature (no bigram strings are built). */
export function hashedCounts(doc: DocText): { cols: Int32Array; counts: Float32Array } {
  let n = 0;
  const add = (h: number, w: number) => {
    if (scratch[h] === 0) {
      if (n === touched.length) {
        const grown = new Int32Array(n * 2);
        grown.set(touched);
        touched = grown;
      }
      touched[n++] = h;
    }
    scratch[h]! += w;
  };
  let prevKey = '';
  let prevRaw = 0;
  let curKey = '';
  let curRaw = 0;
  eachDocTerm(doc, (w) => ({
    word: (key) => {
      prevKey = curKey;
      prevRaw = curRaw;
      curKey = key;
      curRaw = fnv(key);
      add(curRaw & MASK, w);
    },
    pair: (pk, key) => add(fnv(key, fnv(' ', pk === prevKey ? prevRaw : fnv(pk))) & MASK, w),
  }));
  const cols = touched.slice(0, n).sort();
  const counts = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    counts[i] = scratch[cols[i]!]!;
    scratch[cols[i]!] = 0;
  }
  return { cols, counts };
}

export const PAPER_STATE_CODES = ['inbox', 'library', 'reading', 'read', 'dismissed'] as const;
export type StateCode = number;
export const INBOX = 0;
export const DISMISSED = 4;

export interface DocMeta {
  id: number;
  state: string;
  starred: boolean;
}

export interface IndexedDoc extends DocText, DocMeta {}

export class TfIdfIndex {
  /** Documents per feature. */
  readonly df = new Int32Array(DIM);
  /** Number of indexed papers. */
  n = 0;
  private readonly rowOf = new Map<number, number>();
  ids: number[] = [];
  cols: Int32Array[] = [];
  vals: Float32Array[] = [];
  /** Hash of each row's indexed text, to tell text edits from state or star changes. */
  textHashes: number[] = [];
  /** State code per row (see PAPER_STATE_CODES); -1 for a removed row. */
  states: Int8Array = new Int8Array(1024);
  starred: Uint8Array = new Uint8Array(1024);
  /** Bumped on every change, so cached models know when they are stale. */
  version = 0;
  /** Papers added or changed since the IDF was last recomputed for every row. */
  driftSinceRebuild = 0;

  idf(col: number): number {
    return Math.log((1 + this.n) / (1 + this.df[col]!)) + 1;
  }

  row(paperId: number): number | undefined {
    return this.rowOf.get(paperId);
  }

  get size(): number {
    return this.rowOf.size;
  }

  /** Turn raw counts into an L2-normalised TF-IDF vector, in place. */
  weigh(cols: Int32Array, counts: Float32Array): Float32Array {
    let norm = 0;
    for (let i = 0; i < cols.length; i++) {
      const v = (1 + Math.log(counts[i]!)) * this.idf(cols[i]!);
      counts[i] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < counts.length; i++) counts[i]! /= norm;
    return counts;
  }

  private ensureCapacity(n: number): void {
    if (n <= this.states.length) return;
    const cap = Math.max(n, this.states.length * 2);
    const s = new Int8Array(cap);
    s.set(this.states);
    const st = new Uint8Array(cap);
    st.set(this.starred);
    this.states = s;
    this.starred = st;
  }

  setMeta(paperId: number, state: string, starred: boolean): void {
    const r = this.rowOf.get(paperId);
    if (r === undefined) return;
    this.states[r] = Math.max(0, PAPER_STATE_CODES.indexOf(state as (typeof PAPER_STATE_CODES)[number]));
    this.starred[r] = starred ? 1 : 0;
  }

  /** Add or replace one paper with the current IDF (incremental path); in place when it exists. */
  upsert(doc: IndexedDoc): void {
    const { cols, counts } = hashedCounts(doc);
    const r = this.rowOf.get(doc.id);
    if (r !== undefined) {
      for (const c of this.cols[r]!) this.df[c]!--;
    } else {
      this.n++;
      this.driftSinceRebuild++;
    }
    for (const c of cols) this.df[c]!++;
    const vals = this.weigh(cols, counts);
    if (r === undefined) return this.place(doc, cols, vals, textHash(doc));
    this.cols[r] = cols;
    this.vals[r] = vals;
    this.textHashes[r] = textHash(doc);
    this.setMeta(doc.id, doc.state, doc.starred);
    this.version++;
  }

  /** Whether the paper's indexed text differs from `doc` (else only its state or star changed). */
  textChanged(doc: IndexedDoc): boolean {
    const r = this.rowOf.get(doc.id);
    return r === undefined || this.textHashes[r] !== textHash(doc);
  }

  /** Append a row as is (vectors already weighed): the build and the cache loader use it. */
  place(doc: DocMeta, cols: Int32Array, vals: Float32Array, th: number): void {
    const r = this.ids.length;
    this.ensureCapacity(r + 1);
    this.ids.push(doc.id);
    this.cols.push(cols);
    this.vals.push(vals);
    this.textHashes.push(th);
    this.rowOf.set(doc.id, r);
    this.setMeta(doc.id, doc.state, doc.starred);
    this.version++;
  }

  remove(paperId: number): void {
    const r = this.rowOf.get(paperId);
    if (r === undefined) return;
    for (const c of this.cols[r]!) this.df[c]!--;
    this.n--;
    this.rowOf.delete(paperId);
    this.cols[r] = new Int32Array(0);
    this.vals[r] = new Float32Array(0);
    this.states[r] = -1;
    this.version++;
  }

  /** Dot product of a row with a dense weight vector. */
  dot(r: number, w: Float32Array): number {
    const c = this.cols[r]!;
    const v = this.vals[r]!;
    let s = 0;
    for (let i = 0; i < c.length; i++) s += w[c[i]!]! * v[i]!;
    return s;
  }

  /** Cosine of two rows (both are unit length): a merge of two sorted sparse vectors. */
  cosine(a: number, b: number): number {
    const ca = this.cols[a]!;
    const va = this.vals[a]!;
    const cb = this.cols[b]!;
    const vb = this.vals[b]!;
    let i = 0;
    let j = 0;
    let s = 0;
    while (i < ca.length && j < cb.length) {
      const x = ca[i]!;
      const y = cb[j]!;
      if (x === y) s += va[i++]! * vb[j++]!;
      else if (x < y) i++;
      else j++;
    }
    return s;
  }

  /** Scatter a row into a dense vector (cleared again with `clearDense`). */
  scatter(r: number, dense: Float32Array, scale = 1): void {
    const c = this.cols[r]!;
    const v = this.vals[r]!;
    for (let i = 0; i < c.length; i++) dense[c[i]!]! += v[i]! * scale;
  }

  /** Memory held by the vectors, in bytes (for the benchmark). */
  bytes(): number {
    let b = this.df.byteLength + this.states.byteLength + this.starred.byteLength;
    for (let r = 0; r < this.cols.length; r++) b += this.cols[r]!.byteLength + this.vals[r]!.byteLength;
    return b;
  }

  /**
   * Build from scratch: pass one counts terms and document frequencies, pass two weighs every
   * row with the final IDF. Yields between chunks of `chunk` papers.
   */
  static *build(read: (afterId: number, limit: number) => IndexedDoc[], chunk = 500): Generator<void, TfIdfIndex> {
    const ix = new TfIdfIndex();
    const docs: (DocMeta & { th: number })[] = [];
    const raw: { cols: Int32Array; counts: Float32Array }[] = [];
    let after = 0;
    for (;;) {
      const batch = read(after, chunk);
      if (!batch.length) break;
      for (const d of batch) {
        const hc = hashedCounts(d);
        for (const c of hc.cols) ix.df[c]!++;
        ix.n++;
        docs.push({ id: d.id, state: d.state, starred: d.starred, th: textHash(d) });
        raw.push(hc);
      }
      after = batch[batch.length - 1]!.id;
      yield;
    }
    for (let i = 0; i < docs.length; i++) {
      const { cols, counts } = raw[i]!;
      ix.place(docs[i]!, cols, ix.weigh(cols, counts), docs[i]!.th);
      raw[i] = undefined as never;
      docs[i] = undefined as never;
      if (i % (chunk * 4) === chunk * 4 - 1) yield;
    }
    return ix;
  }
}

/** Run a generator to its end at once. */
export function drain<T>(gen: Generator<void, T>): T {
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
  }
}
