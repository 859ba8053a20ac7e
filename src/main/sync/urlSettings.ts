/**
 * Source base URLs as settings (`settings` key `sources.urls`), under the environment overrides
 * (PAPERSHELF_HF_URL, …) that tests and scripts use: env > setting > default.
 */
import { AppError } from '../../shared/errors';
import type { SourceUrlSettings, SourceUrlsInfo } from '../../shared/sync';
import { sourceUrlsFromEnv, type SourceUrls } from '../core/config';
import type { ReadDb, WriteDb } from '../db/client';

const KEY = 'sources.urls';

export const URL_ENV: Record<keyof SourceUrls, string> = {
  hf: 'PAPERSHELF_HF_URL',
  arxivApi: 'PAPERSHELF_ARXIV_API_URL',
  arxivRss: 'PAPERSHELF_ARXIV_RSS_URL',
  arxiv: 'PAPERSHELF_ARXIV_URL',
  arxivDelayMs: 'PAPERSHELF_ARXIV_DELAY_MS',
};

export function readUrlSettings(db: ReadDb): SourceUrlSettings {
  const row = db.$client.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  try {
    return row ? (JSON.parse(row.value) as SourceUrlSettings) : {};
  } catch {
    return {};
  }
}

const overriddenBy = (env: NodeJS.ProcessEnv) =>
  (Object.keys(URL_ENV) as (keyof SourceUrls)[]).filter((k) => (env[URL_ENV[k]] ?? '') !== '');

/** The URLs in force: defaults, then saved settings, then the environment. */
export function effectiveUrls(db: ReadDb, env: NodeJS.ProcessEnv): SourceUrls {
  const saved = readUrlSettings(db);
  const fromSettings = sourceUrlsFromEnv(
    Object.fromEntries(
      (Object.keys(URL_ENV) as (keyof SourceUrls)[])
        .filter((k) => saved[k] !== undefined && saved[k] !== null)
        .map((k) => [URL_ENV[k], String(saved[k])]),
    ),
  );
  const fromEnv = sourceUrlsFromEnv(env);
  const out = { ...fromSettings };
  for (const k of overriddenBy(env)) (out as Record<string, unknown>)[k] = fromEnv[k];
  return out;
}

/** Refresh `urls` in place (every service holds this object). */
export function applyUrlSettings(urls: SourceUrls, db: ReadDb, env: NodeJS.ProcessEnv): void {
  Object.assign(urls, effectiveUrls(db, env));
}

export function urlsInfo(urls: SourceUrls, db: ReadDb, env: NodeJS.ProcessEnv): SourceUrlsInfo {
  return { urls: { ...urls }, saved: readUrlSettings(db), overridden: overriddenBy(env) };
}

/** Save settings (null clears one back to its default) and apply them. */
export function saveUrlSettings(urls: SourceUrls, db: WriteDb, env: NodeJS.ProcessEnv, patch: SourceUrlSettings): SourceUrlsInfo {
  const next: SourceUrlSettings = { ...readUrlSettings(db) };
  for (const [k, v] of Object.entries(patch) as [keyof SourceUrlSettings, string | number | null][]) {
    if (v === null || v === '') delete next[k];
    else (next as Record<string, unknown>)[k] = v;
  }
  if (next.arxivDelayMs !== undefined && next.arxivDelayMs !== null && next.arxivDelayMs < 1000) {
    throw new AppError('bad-input', 'arXiv asks for at least one second between requests (3 s recommended)');
  }
  db.$client
    .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(KEY, JSON.stringify(next));
  applyUrlSettings(urls, db, env);
  return urlsInfo(urls, db, env);
}
