/**
 * Sync throughput: 10,000 HF items (20 days × 500) synced from the fixture HTTP server through
 * the real runner (HTTP, paging, parsing, upsert, rules, run bookkeeping), side by side with a
 * raw baseline that parses the same JSON pages and inserts them in one transaction with
 * prepared statements into the same tables. Goal: within 1.5× of the baseline.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sourceUrlsFromEnv } from '../src/main/core/config';
import { EventBus } from '../src/main/core/events';
import { openLibrary, type Library } from '../src/main/db/client';
import { DEFAULT_HTTP } from '../src/main/sync/http';
import { SyncService } from '../src/main/sync/service';
import { hfDays } from '../src/main/sync/testing/feeds';
import { startFixtureServer } from '../src/main/sync/testing/fixtureServer';
import { median, type BenchRow } from './table';

const DAYS = Array.from({ length: 20 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);
const PER_DAY = 500;
const PAGE = 100;
const ROUNDS = 3;

interface RawItem {
  paper: { id: string; title: string; summary: string; authors: { name: string }[]; publishedAt: string; upvotes: number; submittedOnDailyAt: string };
  numComments: number;
}

/** The baseline: JSON.parse each page and INSERT with prepared statements in one transaction. */
function rawInsert(lib: Library, pages: { day: string; body: string }[]): void {
  const db = lib.sqlite;
  const paper = db.prepare(
    `INSERT INTO papers (arxiv_id, title, abstract, authors_text, published_at, year, hf_upvotes, hf_comments, hf_featured_on, citation_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const author = db.prepare('INSERT INTO authors (name) VALUES (?) ON CONFLICT(name) DO UPDATE SET name = excluded.name RETURNING id');
  const link = db.prepare('INSERT INTO paper_authors (paper_id, position, author_id) VALUES (?, ?, ?)');
  const source = db.prepare('INSERT INTO paper_sources (paper_id, source_key) VALUES (?, ?)');
  db.transaction(() => {
    for (const { day, body } of pages) {
      for (const it of JSON.parse(body) as RawItem[]) {
        const p = it.paper;
        const names = p.authors.map((a) => a.name);
        const { id } = paper.get(p.id, p.title, p.summary, names.join(', '), p.publishedAt, 2026, p.upvotes, it.numComments,
          p.submittedOnDailyAt.slice(0, 10), p.id) as { id: number };
        names.forEach((n, i) => link.run(id, i, (author.get(n) as { id: number }).id));
        source.run(id, `hf:${day}`);
      }
    }
  })();
}

async function timeIt(fn: (lib: Library) => Promise<void> | void): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-bench-sync-'));
  const lib = openLibrary(dir);
  try {
    const t = performance.now();
    await fn(lib);
    return performance.now() - t;
  } finally {
    lib.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchRow[]> {
  const fx = await startFixtureServer();
  fx.data.hf = hfDays(DAYS, PER_DAY);
  const pages = DAYS.flatMap((day) =>
    Array.from({ length: PER_DAY / PAGE }, (_, p) => ({ day, body: JSON.stringify(fx.data.hf.get(day)!.slice(p * PAGE, (p + 1) * PAGE)) })),
  );
  const sync: number[] = [];
  const raw: number[] = [];
  try {
    for (let i = 0; i < ROUNDS; i++) {
      raw.push(await timeIt((lib) => rawInsert(lib, pages)));
      sync.push(
        await timeIt(async (lib) => {
          const service = new SyncService({ library: lib, urls: sourceUrlsFromEnv(fx.env()), events: new EventBus(), http: DEFAULT_HTTP });
          const r = await service.start({ spec: { kind: 'hf', params: { mode: 'range', from: DAYS[0]!, to: DAYS[19]! } } }).done;
          if (r.newCount !== DAYS.length * PER_DAY) throw new Error(`bench sync got ${r.newCount} papers: ${r.error}`);
        }),
      );
    }
  } finally {
    await fx.close();
  }
  const s = median(sync);
  const b = median(raw);
  return [
    { suite: 'sync', measure: 'raw baseline: parse + insert 10,000 HF items', value: b, unit: 'ms' },
    { suite: 'sync', measure: 'sync 10,000 HF items (20 days × 500) over HTTP', value: s, unit: 'ms' },
    { suite: 'sync', measure: 'sync / raw baseline', value: s / b, unit: '×', goal: '≤ 1.5×', ok: s / b <= 1.5 },
  ];
}
