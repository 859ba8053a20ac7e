/**
 * Hugging Face `/api/daily_papers` items → Listings. Format notes: shared/formats/README.md §1.
 * The day a paper was featured is `paper.submittedOnDailyAt` (the top-level `publishedAt` is an
 * ET-shifted arXiv date, not the Daily Papers day).
 */
import { z } from 'zod';
import { parseArxivId } from '../../shared/arxivId';
import { AppError } from '../../shared/errors';
import type { Listing } from '../library/listings';

const str = z.string();
const optStr = z.string().nullish();
const optNum = z.number().nullish();

const HfAuthor = z.object({ name: str, hidden: z.boolean().nullish() }).loose();
const HfOrg = z.object({ name: optStr, fullname: optStr }).loose();

const HfPaper = z
  .object({
    id: str,
    title: optStr,
    summary: optStr,
    authors: z.array(HfAuthor).nullish(),
    publishedAt: optStr,
    submittedOnDailyAt: optStr,
    upvotes: optNum,
    projectPage: optStr,
    githubRepo: optStr,
    githubStars: optNum,
    ai_summary: optStr,
    ai_keywords: z.array(str).nullish(),
    organization: HfOrg.nullish(),
  })
  .loose();

export const HfDailyItem = z
  .object({
    paper: HfPaper,
    title: optStr,
    summary: optStr,
    publishedAt: optStr,
    numComments: optNum,
    organization: HfOrg.nullish(),
  })
  .loose();
export type HfDailyItem = z.infer<typeof HfDailyItem>;

// ── Fast path: the same checks as the schemas above, by hand, for the sync hot path. An item that
// fails any of them goes through zod, which gives the error message. Keep in step with the schemas.
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isOptStr = (v: unknown) => v === undefined || v === null || typeof v === 'string';
const isOptNum = (v: unknown) => v === undefined || v === null || (typeof v === 'number' && Number.isFinite(v));
const isOptOrg = (v: unknown) => v === undefined || v === null || (isObj(v) && isOptStr(v.name) && isOptStr(v.fullname));
const isAuthor = (a: unknown) => isObj(a) && typeof a.name === 'string' && (a.hidden === undefined || a.hidden === null || typeof a.hidden === 'boolean');
const isOptArray = (v: unknown, each: (x: unknown) => boolean) => v === undefined || v === null || (Array.isArray(v) && v.every(each));

/** `raw` itself when it is a valid HfDailyItem (zod would accept it unchanged), else null. */
export function checkHfDailyItem(raw: unknown): HfDailyItem | null {
  if (!isObj(raw) || !isOptStr(raw.title) || !isOptStr(raw.summary) || !isOptStr(raw.publishedAt)) return null;
  if (!isOptNum(raw.numComments) || !isOptOrg(raw.organization)) return null;
  const p = raw.paper;
  if (!isObj(p) || typeof p.id !== 'string') return null;
  for (const k of ['title', 'summary', 'publishedAt', 'submittedOnDailyAt', 'projectPage', 'githubRepo', 'ai_summary']) {
    if (!isOptStr(p[k])) return null;
  }
  if (!isOptNum(p.upvotes) || !isOptNum(p.githubStars) || !isOptOrg(p.organization)) return null;
  if (!isOptArray(p.authors, isAuthor) || !isOptArray(p.ai_keywords, (k) => typeof k === 'string')) return null;
  return raw as HfDailyItem;
}

export interface ParsedHf {
  listings: Listing[];
  /** Items that could not be read, with their position and why. */
  errors: string[];
}

const squash = (s: string | null | undefined) => (s ? s.replace(/\s+/g, ' ').trim() : null);

export function hfItemToListing(item: HfDailyItem): Listing | null {
  const p = item.paper;
  const parsed = parseArxivId(p.id);
  if (!parsed) return null;
  const title = squash(p.title ?? item.title);
  if (!title) return null;
  const org = p.organization ?? item.organization;
  const day = p.submittedOnDailyAt ?? null;
  return {
    arxivId: parsed.id,
    version: parsed.version,
    title,
    abstract: (p.summary ?? item.summary ?? '').trim() || null,
    authors: (p.authors ?? []).map((a) => ({ name: a.name.trim() })).filter((a) => a.name),
    publishedAt: p.publishedAt ?? null,
    hf: {
      upvotes: p.upvotes ?? null,
      comments: item.numComments ?? null,
      organization: org ? (org.fullname ?? org.name ?? null) : null,
      githubRepo: p.githubRepo ?? null,
      githubStars: p.githubStars ?? null,
      projectPage: p.projectPage ?? null,
      aiSummary: p.ai_summary ?? null,
      aiKeywords: p.ai_keywords ?? undefined,
      featuredOn: day ? day.slice(0, 10) : null,
    },
    authoritative: false,
  };
}

/** Parse the body of a `/api/daily_papers` response. Throws `bad-input` when it is not a list. */
export function parseHfDailyPapers(body: string | unknown): ParsedHf {
  let data: unknown = body;
  if (typeof body === 'string') {
    try {
      data = JSON.parse(body);
    } catch (e) {
      throw new AppError('bad-input', `Not valid JSON: ${(e as Error).message}`);
    }
  }
  if (!Array.isArray(data)) {
    throw new AppError('bad-input', 'Expected a JSON array of Hugging Face daily papers');
  }
  const listings: Listing[] = [];
  const errors: string[] = [];
  data.forEach((raw, i) => {
    let item = checkHfDailyItem(raw);
    if (!item) {
      const r = HfDailyItem.safeParse(raw);
      if (!r.success) {
        errors.push(`item ${i}: ${r.error.issues[0]?.path.join('.') || 'item'}: ${r.error.issues[0]?.message}`);
        return;
      }
      item = r.data;
    }
    const l = hfItemToListing(item);
    if (!l) {
      errors.push(`item ${i}: no valid arXiv id or title (${JSON.stringify(item.paper.id)})`);
      return;
    }
    listings.push(l);
  });
  return { listings, errors };
}
