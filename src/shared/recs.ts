/** Recommendation results shared by the core, the CLI and the renderer (#8). Pure types. */
import type { PaperState } from './domain';

/** One recommended paper with the reason it was picked. */
export interface RecPaper {
  id: number;
  arxivId: string | null;
  title: string;
  authors: string[];
  state: PaperState;
  publishedAt: string | null;
  /** Cosine similarity (similar) or the classifier's probability (for a tag, fit), 0–1. */
  score: number;
  /**
   * For the meter, 0–1. Similar: the cosine. For a tag: the share of papers outside the tag that
   * score lower (probabilities learned from a handful of examples run low, ranks do not).
   */
  strength: number;
  /** Short human reason, e.g. `shared: diffusion, score matching · author: Song`. */
  reason: string;
  /** The terms that contributed most, as written in the paper. */
  terms: string[];
  /** Authors shared with the query paper (similar) or with the tag's papers (for a tag). */
  sharedAuthors: string[];
  /** For a tag: the tagged paper this one is most like. */
  nearest: { id: number; title: string } | null;
}

export interface RecTag {
  id: number;
  path: string;
  color: string | null;
  /** Papers under the tag, its children included. */
  count: number;
}

export interface RankResult {
  items: RecPaper[];
  /** Papers the model learned from (under the tag; or tagged + starred for "for you"). */
  positives: number;
  /** Papers that were ranked. */
  candidates: number;
}

export interface ForTagResult extends RankResult {
  tag: { id: number; path: string };
}

export interface FitScore {
  id: number;
  /** Fit to the researcher's tagged and starred papers, 0–1; null when there is nothing to learn from yet. */
  score: number | null;
}

/** The recommendation index: how many papers it holds and whether it is (re)building. */
export interface RecsStatus {
  papers: number;
  buildMs: number | null;
  /** The last build started from the cache file (reconciled with the library) rather than from scratch. */
  fromCache: boolean;
  rebuilding: boolean;
  models: number;
}
