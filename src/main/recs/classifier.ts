/**
 * A per-tag linear classifier over the TF-IDF rows: L2-regularised logistic regression trained
 * by SGD, class-balanced (a tag with 12 papers against 2,000 negatives still learns), with the
 * weight-scaling trick so regularisation costs O(1) per step over a 2^20-wide dense vector.
 * Deterministic: the sample and the shuffle use a seeded PRNG.
 */
import { DIM, drain, type TfIdfIndex } from './vectors';
import { prng } from '../../shared/prng';
export { prng };

export interface LinearModel {
  w: Float32Array;
  b: number;
  positives: number;
  negatives: number;
}


/** Up to `k` items of `xs`, chosen uniformly with a seeded PRNG (partial Fisher–Yates). */
export function sample<T>(xs: readonly T[], k: number, rand: () => number): T[] {
  if (xs.length <= k) return [...xs];
  const a = [...xs];
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rand() * (a.length - i));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, k);
}

export interface TrainOptions {
  epochs?: number;
  lambda?: number;
  seed?: number;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Train on rows of the index: `pos` are the tag's papers, `neg` the others. */
export function train(ix: TfIdfIndex, pos: number[], neg: number[], opts: TrainOptions = {}): LinearModel {
  return drain(trainSteps(ix, pos, neg, opts));
}

/** The same training as a generator that yields every 2,000 SGD steps (for sliced background work). */
export function* trainSteps(ix: TfIdfIndex, pos: number[], neg: number[], opts: TrainOptions = {}): Generator<void, LinearModel> {
  // About 20,000 SGD steps in all: small training sets get more passes, big ones at least 8.
  const epochs = opts.epochs ?? Math.min(100, Math.max(8, Math.ceil(20_000 / Math.max(1, pos.length + neg.length))));
  const lambda = opts.lambda ?? 1e-3;
  const rand = prng(opts.seed ?? 42);
  const v = new Float32Array(DIM);
  let s = 1;
  let b = 0;
  const examples = [...pos.map((r) => [r, 1] as const), ...neg.map((r) => [r, 0] as const)];
  // Balance the classes: each side carries half of the total weight.
  const wPos = pos.length ? examples.length / (2 * pos.length) : 0;
  const wNeg = neg.length ? examples.length / (2 * neg.length) : 0;
  const eta0 = 0.5;
  let t = 0;
  for (let e = 0; e < epochs; e++) {
    for (let i = examples.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [examples[i], examples[j]] = [examples[j]!, examples[i]!];
    }
    for (const [r, y] of examples) {
      const lr = eta0 / (1 + lambda * eta0 * t++);
      const z = s * ix.dot(r, v) + b;
      const g = (sigmoid(z) - y) * (y ? wPos : wNeg);
      s *= 1 - lr * lambda;
      if (g !== 0) ix.scatter(r, v, (-lr * g) / s);
      b -= lr * g * 0.1;
      if (s < 1e-4) {
        for (let k = 0; k < DIM; k++) v[k]! *= s;
        s = 1;
      }
      if (t % 2000 === 0) yield;
    }
  }
  if (s !== 1) for (let k = 0; k < DIM; k++) v[k]! *= s;
  return { w: v, b, positives: pos.length, negatives: neg.length };
}

export function score(ix: TfIdfIndex, m: LinearModel, r: number): number {
  return sigmoid(ix.dot(r, m.w) + m.b);
}
