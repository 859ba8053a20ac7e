/** The recommendation service keeps its index current in the background as the library changes. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryLibrary, type Library } from '../db/client';
import { EventBus } from '../core/events';
import { upsertListings } from '../library/listings';
import { RecsService } from './service';
import { seedTopicLibrary, syntheticPapers, type SeededLibrary } from './synthetic';

let lib: Library;
let events: EventBus;
let svc: RecsService;
let seeded: SeededLibrary;

beforeEach(() => {
  lib = openMemoryLibrary();
  seeded = seedTopicLibrary(lib.db, 30, 10);
  events = new EventBus();
  svc = new RecsService(lib.db, { events });
});
afterEach(() => {
  svc.dispose();
  lib.close();
});

describe('RecsService', () => {
  it('builds the index in slices, letting other work run in between', async () => {
    let ticks = 0;
    let stop = false;
    const tick = () => {
      ticks++;
      if (!stop) setImmediate(tick);
    };
    // A bigger library so the build spans several slices.
    upsertListings(lib.db, syntheticPapers(3000, 9, 50_000).map((p) => p.listing), { sourceKey: 'test' });
    setImmediate(tick);
    svc.start();
    const ix = await svc.ready();
    stop = true;
    expect(ix.size).toBe(3150);
    expect(ticks).toBeGreaterThan(1);
  });

  it('trains in slices too: prepareTag lets other work run, and forTag then answers from the cache', async () => {
    upsertListings(lib.db, syntheticPapers(3000, 9, 50_000).map((p) => p.listing), { sourceKey: 'test' });
    await svc.ready();
    let ticks = 0;
    let stop = false;
    const tick = () => {
      ticks++;
      if (!stop) setImmediate(tick);
    };
    setImmediate(tick);
    await svc.prepareTag(seeded.tagIds[2]!);
    stop = true;
    expect(ticks).toBeGreaterThan(1);
    expect(svc.stats().models).toBe(1);
    const cached = svc.forTag(seeded.tagIds[2]!, { limit: 10 });
    expect(svc.stats().models).toBe(1);
    const fresh = new RecsService(lib.db);
    expect(fresh.forTag(seeded.tagIds[2]!, { limit: 10 })).toEqual(cached);
    fresh.dispose();
  });

  it('indexes papers that arrive after the build (papers:changed), without a rebuild', async () => {
    svc.start();
    await svc.ready();
    const before = svc.stats();
    const diffusion = syntheticPapers(5, 77, 90_000)[0]!; // topic 0: diffusion
    const r = upsertListings(lib.db, [diffusion.listing], { sourceKey: 'test' });
    events.emit('papers:changed', { ids: r.newIds });
    await svc.idle();
    expect(svc.stats().papers).toBe(before.papers + 1);
    expect(svc.stats().buildMs).toBe(before.buildMs);
    const sims = svc.similar(r.newIds[0]!, 5);
    expect(sims.filter((s) => seeded.topicOf.get(s.id) === 0).length).toBeGreaterThanOrEqual(3);
    // And it is now a candidate for "More like #diffusion".
    const ranked = svc.forTag(seeded.tagIds[0]!, { limit: 1000 });
    const rank = ranked.items.findIndex((p) => p.id === r.newIds[0]);
    expect(rank).toBeGreaterThanOrEqual(0);
    expect(rank).toBeLessThan(ranked.candidates / 4);
  });

  it('rebuilds in the background once many new papers shift the IDF, matching a fresh build', async () => {
    svc.start();
    await svc.ready();
    const firstBuild = svc.stats().buildMs;
    const r = upsertListings(lib.db, syntheticPapers(400, 55, 80_000).map((p) => p.listing), { sourceKey: 'test' });
    events.emit('papers:changed', { ids: r.newIds });
    await svc.idle();
    expect(svc.stats()).toMatchObject({ papers: 550, rebuilding: false });
    expect(svc.stats().buildMs).not.toBe(firstBuild);
    const probe = r.newIds[7]!;
    const mine = svc.similar(probe, 5);
    svc.dispose();
    const again = new RecsService(lib.db);
    expect(again.similar(probe, 5)).toEqual(mine);
    again.dispose();
  });

  it('follows state changes and deletions, and tag edits without any event', async () => {
    svc.start();
    await svc.ready();
    const tagId = seeded.tagIds[1]!;
    const top = svc.forTag(tagId, { limit: 3 }).items[0]!;
    lib.db.$client.prepare("UPDATE papers SET state = 'library' WHERE id = ?").run(top.id);
    events.emit('papers:changed', { ids: [top.id] });
    await svc.idle();
    expect(svc.forTag(tagId, { limit: 50 }).items.map((p) => p.id)).not.toContain(top.id);

    const gone = svc.similar(seeded.tagged[1]![0]!, 1)[0]!;
    lib.db.$client.prepare('DELETE FROM papers WHERE id = ?').run(gone.id);
    events.emit('papers:changed', { ids: [gone.id] });
    await svc.idle();
    expect(svc.similar(seeded.tagged[1]![0]!, 10).map((p) => p.id)).not.toContain(gone.id);

    const before = svc.forTag(tagId).positives;
    lib.db.$client.prepare('INSERT INTO paper_tags (paper_id, tag_id) VALUES (?, ?)').run(seeded.tagged[2]![0]!, tagId);
    expect(svc.forTag(tagId).positives).toBe(before + 1);
  });

  it('ranks only the latest sync session’s arrivals when asked', () => {
    const sqlite = lib.db.$client;
    const run = (at: string) =>
      Number(
        sqlite
          .prepare("INSERT INTO sync_runs (kind, params, status, started_at) VALUES ('hf', '{}', 'done', ?)")
          .run(at).lastInsertRowid,
      );
    const old = run('2026-01-01T08:00:00.000Z');
    upsertListings(lib.db, syntheticPapers(5, 31, 70_000).map((p) => p.listing), { sourceKey: 'hf:old', runId: old });
    const hf = run('2026-01-02T08:00:00.000Z');
    const arxiv = run('2026-01-02T08:20:00.000Z');
    const a = upsertListings(lib.db, syntheticPapers(5, 32, 71_000).map((p) => p.listing), { sourceKey: 'hf:new', runId: hf });
    const b = upsertListings(lib.db, syntheticPapers(5, 33, 72_000).map((p) => p.listing), { sourceKey: 'arxiv', runId: arxiv });
    const latest = new Set([...a.newIds, ...b.newIds]);
    const res = svc.forTag(seeded.tagIds[0]!, { scope: 'lastSync', limit: 100 });
    expect(res.candidates).toBe(10);
    expect(res.items.every((p) => latest.has(p.id))).toBe(true);
    expect(svc.forTag(seeded.tagIds[0]!, { limit: 1000 }).candidates).toBe(100 + 15);
  });

  it('counts papers under child tags as the parent’s', () => {
    const sqlite = lib.db.$client;
    const parent = seeded.tagIds[0]!;
    const child = Number(sqlite.prepare("INSERT INTO tags (name, path, parent_id) VALUES ('video', 'diffusion/video', ?)").run(parent).lastInsertRowid);
    sqlite.prepare('INSERT INTO paper_tags (paper_id, tag_id) VALUES (?, ?)').run(seeded.tagged[3]![0]!, child);
    expect(svc.forTag(parent).positives).toBe(11);
    expect(svc.forTag(child).positives).toBe(1);
  });

  it('reports a clear error for an unknown tag or paper', () => {
    expect(() => svc.forTag(9999)).toThrow(/no tag with id 9999/);
    expect(() => svc.similar(9999)).toThrow(/no paper with id 9999/);
  });
});
