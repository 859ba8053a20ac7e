/**
 * Recommendations (#8): a 100,000-paper library (90,000 in the library, 10,000 in the Inbox),
 * seeded with generated topical text through prepared statements in one transaction; then the
 * index build, "More like #tag" over the 10,000 Inbox papers, similar papers and fit scores.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openMemoryLibrary } from '../src/main/db/client';
import { saveIndex } from '../src/main/recs/cache';
import { docsByIds } from '../src/main/recs/queries';
import { RecsService } from '../src/main/recs/service';
import { syntheticPapers, TOPICS } from '../src/main/recs/synthetic';
import { median, type BenchRow } from './table';

const LIBRARY = 90_000;
const INBOX = 10_000;

/** Wall time, and CPU time of this process (the figure to trust on a busy machine). */
function timed<T>(fn: () => T): [T, number, number] {
  const c = process.cpuUsage();
  const t = performance.now();
  const r = fn();
  const cpu = process.cpuUsage(c);
  return [r, performance.now() - t, (cpu.user + cpu.system) / 1000];
}

export async function run(): Promise<BenchRow[]> {
  const lib = openMemoryLibrary();
  const sqlite = lib.db.$client;
  const papers = syntheticPapers(LIBRARY + INBOX, 2026);
  const ins = sqlite.prepare(
    `INSERT INTO papers (arxiv_id, title, abstract, authors_text, hf_ai_keywords, published_at, state)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const tagIds = TOPICS.map(
    (t) => Number(sqlite.prepare('INSERT INTO tags (name, path) VALUES (?, ?)').run(t.tag, t.tag).lastInsertRowid),
  );
  const insTag = sqlite.prepare('INSERT INTO paper_tags (paper_id, tag_id) VALUES (?, ?)');
  const [, seedMs] = timed(() =>
    sqlite.transaction(() => {
      papers.forEach(({ listing: l, topic }, i) => {
        const inbox = i >= LIBRARY;
        const id = Number(
          ins.run(l.arxivId, l.title, l.abstract, l.authors.map((a) => a.name).join(', '),
            JSON.stringify(l.hf?.aiKeywords ?? []), l.publishedAt, inbox ? 'inbox' : 'library').lastInsertRowid,
        );
        // One library paper in twenty carries its topic's tag (~3,600 per tag).
        if (!inbox && i % 20 < 5) insTag.run(id, tagIds[topic]!);
      });
    })(),
  );
  const svc = new RecsService(lib.db);
  const [, buildMs, buildCpu] = timed(() => svc.index());
  const ix = svc.index();
  // The on-disk cache: write it, then start again from it (load + reconcile with SQLite).
  const cacheDir = mkdtempSync(join(tmpdir(), 'papershelf-bench-recs-'));
  const cacheFile = join(cacheDir, 'recs-index.bin');
  const [, saveMs] = timed(() => saveIndex(ix, cacheFile));
  const cacheMb = statSync(cacheFile).size / 1024 / 1024;
  const restarted = new RecsService(lib.db, { cacheFile });
  const [, loadMs, loadCpu] = timed(() => restarted.index());
  const fromCache = restarted.stats().fromCache;
  restarted.dispose();
  rmSync(cacheDir, { recursive: true, force: true });
  const rankCold: number[] = [];
  const rankColdCpu: number[] = [];
  const rankWarm: number[] = [];
  let candidates = 0;
  for (const tagId of tagIds.slice(0, 3)) {
    const [res, cold, coldCpu] = timed(() => svc.forTag(tagId, { limit: 50 }));
    candidates = res.candidates;
    rankCold.push(cold);
    rankColdCpu.push(coldCpu);
    for (let k = 0; k < 3; k++) rankWarm.push(timed(() => svc.forTag(tagId, { limit: 50 }))[1]);
  }
  const simMs: number[] = [];
  for (const id of [1, 5000, 50_000, 99_000]) simMs.push(timed(() => svc.similar(id, 10))[1]);
  const inboxIds = sqlite.prepare("SELECT id FROM papers WHERE state = 'inbox'").pluck().all() as number[];
  sqlite.prepare('UPDATE papers SET starred = 1 WHERE id % 97 = 0').run();
  const [, fitMs] = timed(() => svc.fitScores(inboxIds));
  // Incremental: 500 new papers arrive.
  const more = syntheticPapers(500, 77, 500_000);
  const newIds = sqlite.transaction(() =>
    more.map(({ listing: l }) =>
      Number(ins.run(l.arxivId, l.title, l.abstract, l.authors.map((a) => a.name).join(', '), '[]', l.publishedAt, 'inbox').lastInsertRowid),
    ),
  )();
  const [, incMs] = timed(() => {
    for (const d of docsByIds(lib.db, newIds)) ix.upsert(d);
  });
  const memMb = ix.bytes() / 1024 / 1024;
  svc.dispose();
  lib.close();
  const suite = 'recommendations';
  const rankMs = median(rankCold);
  return [
    { suite, measure: `seed ${LIBRARY + INBOX} papers (one transaction)`, value: seedMs, unit: 'ms' },
    { suite, measure: `index build, ${LIBRARY + INBOX} papers (TF-IDF, uni+bigrams)`, value: buildMs, unit: 'ms' },
    { suite, measure: '  same, CPU time', value: buildCpu, unit: 'ms' },
    { suite, measure: 'index memory (vectors + df)', value: Math.round(memMb), unit: 'MB' },
    { suite, measure: `write index cache (${Math.round(cacheMb)} MB)`, value: saveMs, unit: 'ms' },
    { suite, measure: `restart from cache, reconciled with SQLite${fromCache ? '' : ' (CACHE NOT USED)'}`, value: loadMs, unit: 'ms' },
    { suite, measure: '  same, CPU time', value: loadCpu, unit: 'ms' },
    // The goal is judged on CPU time: the bench machine is shared, so wall time measures the load.
    { suite, measure: `rank ${candidates} Inbox papers for a tag, model trained (median of 3 tags), wall`, value: rankMs, unit: 'ms' },
    {
      suite,
      measure: '  same, CPU time',
      value: median(rankColdCpu),
      unit: 'ms',
      goal: '≤ 500 ms',
      ok: median(rankColdCpu) <= 500,
    },
    { suite, measure: `rank ${candidates} Inbox papers for a tag, cached model`, value: median(rankWarm), unit: 'ms' },
    { suite, measure: 'similar papers for one paper (top 10 of 100k)', value: median(simMs), unit: 'ms' },
    { suite, measure: `fit scores for ${inboxIds.length} Inbox papers (model trained)`, value: fitMs, unit: 'ms' },
    { suite, measure: 'index 500 new papers incrementally', value: incMs, unit: 'ms' },
  ];
}
