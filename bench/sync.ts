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
import { spawn } from 'node:child_process';
import { hfDays } from '../src/main/sync/testing/feeds';
import { FixtureServer } from '../src/main/sync/testing/fixtureServer';
import { citationKeyBase, uniqueCitationKey } from '../src/shared/citekey';
import { median, type BenchRow } from './table';

const DAYS = Array.from({ length: 20 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);
const PER_DAY = 500;
const PAGE = 100;
const ROUNDS = 3;

interface RawItem {
  paper: {
    id: string; title: string; summary: string; authors: { name: string }[]; publishedAt: string; upvotes: number;
    submittedOnDailyAt: string; githubRepo?: string; githubStars?: number; projectPage?: string; ai_summary?: string;
    ai_keywords?: string[]; organization?: { fullname?: string };
  };
  numComments: number;
}

/**
 * The baseline: JSON.parse each page and INSERT with prepared statements in one transaction. It does
 * the work every stored paper needs, as the product does: papers row (FTS index via its trigger),
 * authors + paper_authors, paper_sources, and a real citation key (the product's rule: base from
 * first author, year and title, made unique against the keys already stored).
 */
function rawInsert(lib: Library, pages: { day: string; body: string }[]): void {
  const db = lib.sqlite;
  const paper = db.prepare(
    `INSERT INTO papers (arxiv_id, title, abstract, authors_text, published_at, year, hf_upvotes, hf_comments, hf_featured_on,
       hf_github_repo, hf_github_stars, hf_project_page, hf_ai_summary, hf_ai_keywords, hf_organization, citation_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const author = db.prepare('INSERT INTO authors (name) VALUES (?) ON CONFLICT(name) DO UPDATE SET name = excluded.name RETURNING id');
  const link = db.prepare('INSERT INTO paper_authors (paper_id, position, author_id) VALUES (?, ?, ?)');
  const source = db.prepare('INSERT INTO paper_sources (paper_id, source_key) VALUES (?, ?)');
  const keysFrom = db.prepare(`SELECT citation_key FROM papers WHERE citation_key >= ? AND citation_key < ? || '{'`).pluck();
  db.transaction(() => {
    for (const { day, body } of pages) {
      for (const it of JSON.parse(body) as RawItem[]) {
        const p = it.paper;
        const names = p.authors.map((a) => a.name);
        const year = Number(p.publishedAt.slice(0, 4));
        const base = citationKeyBase(names[0], year, p.title);
        const taken = new Set(keysFrom.all(base, base));
        const key = uniqueCitationKey(base, (k) => taken.has(k));
        const { id } = paper.get(p.id, p.title, p.summary, names.join(', '), p.publishedAt, year, p.upvotes, it.numComments,
          p.submittedOnDailyAt.slice(0, 10), p.githubRepo ?? null, p.githubStars ?? null, p.projectPage ?? null,
          p.ai_summary ?? null, JSON.stringify(p.ai_keywords ?? []), p.organization?.fullname ?? null, key) as { id: number };
        names.forEach((n, i) => link.run(id, i, (author.get(n) as { id: number }).id));
        source.run(id, `hf:${day}`);
      }
    }
  })();
}

/** Wall time and this process's CPU time (user + system), in ms. */
async function timeIt(fn: (lib: Library) => Promise<void> | void): Promise<{ wall: number; cpu: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-bench-sync-'));
  const lib = openLibrary(dir);
  try {
    const t = performance.now();
    const c = process.cpuUsage();
    await fn(lib);
    const used = process.cpuUsage(c);
    return { wall: performance.now() - t, cpu: (used.user + used.system) / 1000 };
  } finally {
    lib.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The fixture server runs in its own process so it does not share the event loop with the sync. */
async function startServerProcess(): Promise<{ env: Record<string, string>; close: () => Promise<void> }> {
  const tsx = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, [join(import.meta.dirname, 'syncFixtureProcess.ts'), JSON.stringify(DAYS), String(PER_DAY)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((ok, fail) => {
    child.stdout.once('data', (d: Buffer) => ok(d.toString().trim()));
    child.once('exit', (code) => fail(new Error(`fixture server exited (${code})`)));
  });
  const env = Object.assign(new FixtureServer(), { url }).env();
  return { env, close: () => new Promise((ok) => (child.once('exit', () => ok()), child.stdin.end())) };
}

export async function run(): Promise<BenchRow[]> {
  const fx = await startServerProcess();
  const data = hfDays(DAYS, PER_DAY);
  const pages = DAYS.flatMap((day) =>
    Array.from({ length: PER_DAY / PAGE }, (_, p) => ({ day, body: JSON.stringify(data.get(day)!.slice(p * PAGE, (p + 1) * PAGE)) })),
  );
  const sync: { wall: number; cpu: number }[] = [];
  const raw: { wall: number; cpu: number }[] = [];
  try {
    for (let i = 0; i < ROUNDS; i++) {
      raw.push(await timeIt((lib) => rawInsert(lib, pages)));
      sync.push(
        await timeIt(async (lib) => {
          const service = new SyncService({ library: lib, urls: sourceUrlsFromEnv(fx.env), events: new EventBus(), http: DEFAULT_HTTP });
          const r = await service.start({ spec: { kind: 'hf', params: { mode: 'range', from: DAYS[0]!, to: DAYS[19]! } } }).done;
          if (r.newCount !== DAYS.length * PER_DAY) throw new Error(`bench sync got ${r.newCount} papers: ${r.error}`);
        }),
      );
    }
  } finally {
    await fx.close();
  }
  const [sw, bw] = [median(sync.map((x) => x.wall)), median(raw.map((x) => x.wall))];
  const [sc, bc] = [median(sync.map((x) => x.cpu)), median(raw.map((x) => x.cpu))];
  return [
    { suite: 'sync', measure: 'raw baseline: parse + insert 10,000 HF items incl. authors, FTS, citation keys (wall)', value: bw, unit: 'ms' },
    { suite: 'sync', measure: 'sync 10,000 HF items, 20 days × 500, over HTTP (wall)', value: sw, unit: 'ms' },
    { suite: 'sync', measure: 'sync / raw baseline (wall)', value: sw / bw, unit: '×', goal: '≤ 1.5×', ok: sw / bw <= 1.5 },
    { suite: 'sync', measure: 'raw baseline (CPU of this process)', value: bc, unit: 'ms' },
    { suite: 'sync', measure: 'sync (CPU of this process; server in another)', value: sc, unit: 'ms' },
    { suite: 'sync', measure: 'sync / raw baseline (CPU)', value: sc / bc, unit: '×', goal: '≤ 1.5×', ok: sc / bc <= 1.5 },
  ];
}
