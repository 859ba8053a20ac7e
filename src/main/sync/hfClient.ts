/**
 * Hugging Face `/api/daily_papers`: which requests a day, range, ISO week or month needs, and how
 * one page reads. A range is one request series per day; every series pages with `p` and `limit`
 * until an empty page. Formats: shared/formats/README.md §1.
 */
import { AppError } from '../../shared/errors';
import type { HfParams } from '../../shared/sync';
import { parseHfDailyPapers } from '../importers/hfDailyPapers';
import type { Listing } from '../library/listings';

/** HF's largest page. */
export const HF_PAGE_LIMIT = 100;
const MAX_RANGE_DAYS = 366;

export interface HfUnit {
  /** Query parameter and value: `date=2026-11-27`, `week=2026-W47`, `month=2026-11`. */
  param: 'date' | 'week' | 'month';
  value: string;
  /** paper_sources key. */
  sourceKey: string;
}

function checkDay(d: string): number {
  const t = Date.parse(`${d}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== d) throw new AppError('bad-input', `Not a calendar date: ${d}`);
  return t;
}

/** The request series a source needs, in order. */
export function hfUnits(p: HfParams): HfUnit[] {
  const unit = (param: HfUnit['param'], value: string): HfUnit => ({ param, value, sourceKey: `hf:${value}` });
  switch (p.mode) {
    case 'day':
      checkDay(p.date);
      return [unit('date', p.date)];
    case 'week': {
      const w = Number(p.week.slice(6));
      if (w < 1 || w > 53) throw new AppError('bad-input', `Not an ISO week: ${p.week}`);
      return [unit('week', p.week)];
    }
    case 'month': {
      const m = Number(p.month.slice(5));
      if (m < 1 || m > 12) throw new AppError('bad-input', `Not a month: ${p.month}`);
      return [unit('month', p.month)];
    }
    case 'range': {
      const from = checkDay(p.from);
      const to = checkDay(p.to);
      if (to < from) throw new AppError('bad-input', `The range ends (${p.to}) before it starts (${p.from})`);
      const days = (to - from) / 86_400_000 + 1;
      if (days > MAX_RANGE_DAYS) throw new AppError('bad-input', `A range covers at most ${MAX_RANGE_DAYS} days; use months instead`);
      return Array.from({ length: days }, (_, i) => unit('date', new Date(from + i * 86_400_000).toISOString().slice(0, 10)));
    }
  }
}

export function hfPageUrl(base: string, u: HfUnit, page: number, limit = HF_PAGE_LIMIT): string {
  return `${base}/api/daily_papers?${u.param}=${encodeURIComponent(u.value)}&p=${page}&limit=${limit}`;
}

export interface HfPage {
  listings: Listing[];
  /** Items in the response, readable or not: 0 means the series is over. */
  count: number;
}

/** Read one page. Throws a plain Error (retryable) for anything that is not a JSON array. */
export function parseHfPage(body: string): HfPage {
  try {
    const data: unknown = JSON.parse(body);
    const { listings } = parseHfDailyPapers(data);
    return { listings, count: (data as unknown[]).length };
  } catch (e) {
    const msg = (e as Error).message;
    throw new Error(e instanceof SyntaxError ? `Not valid JSON: ${msg}` : msg);
  }
}
