/** The index cache: a restart reuses it, reconciled with whatever changed in the library meanwhile. */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../db/client';
import { upsertListings } from '../library/listings';
import { RecsService, recsCacheFile } from './service';
import { seedTopicLibrary, syntheticPapers, type SeededLibrary } from './synthetic';

let dir: string;
let lib: Library;
let seeded: SeededLibrary;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'papershelf-recs-cache-'));
  lib = openLibrary(dir);
  seeded = seedTopicLibrary(lib.db, 20, 5);
  file = recsCacheFile(dir);
});
afterEach(() => {
  lib.close();
  rmSync(dir, { recursive: true, force: true });
});

function answers(svc: RecsService) {
  return {
    similar: svc.similar(seeded.tagged[0]![1]!, 6),
    forTag: svc.forTag(seeded.tagIds[2]!, { limit: 8 }),
    papers: svc.stats().papers,
  };
}

describe('recommendation index cache', () => {
  it('is written after a build and reused, reconciled with edits, arrivals, deletions and triage', () => {
    const first = new RecsService(lib.db, { cacheFile: file });
    first.index();
    expect(first.stats().fromCache).toBe(false);
    expect(statSync(file).size).toBeGreaterThan(4 * 1024 * 1024);
    first.dispose();

    // While the app was closed: a title edit, a deletion, new papers, a paper kept.
    const sqlite = lib.sqlite;
    const edited = seeded.tagged[3]![0]!;
    sqlite.prepare("UPDATE papers SET title = 'Graph Neural Networks for Speech Recognition' WHERE id = ?").run(edited);
    const deleted = [...seeded.topicOf.keys()].find((id) => !seeded.tagged.flat().includes(id))!;
    sqlite.prepare('DELETE FROM papers WHERE id = ?').run(deleted);
    upsertListings(lib.db, syntheticPapers(7, 99, 60_000).map((p) => p.listing), { sourceKey: 'test' });
    const kept = [...seeded.topicOf].find(([id, t]) => t === 2 && !seeded.tagged.flat().includes(id) && id !== deleted)![0];
    sqlite.prepare("UPDATE papers SET state = 'library' WHERE id = ?").run(kept);

    const again = new RecsService(lib.db, { cacheFile: file });
    const cachedAnswers = answers(again);
    expect(again.stats().fromCache).toBe(true);
    again.dispose();
    rmSync(file);
    const scratch = new RecsService(lib.db, { cacheFile: file });
    const scratchAnswers = answers(scratch);
    expect(scratch.stats().fromCache).toBe(false);
    scratch.dispose();

    expect(cachedAnswers.papers).toBe(100 - 1 + 7);
    expect(cachedAnswers.forTag.items.map((p) => p.id)).not.toContain(kept);
    expect(cachedAnswers.similar.map((p) => p.id)).not.toContain(deleted);
    // Same papers as a build from scratch (scores differ slightly: re-indexed rows use the cached IDF).
    expect(new Set(cachedAnswers.forTag.items.map((p) => p.id))).toEqual(new Set(scratchAnswers.forTag.items.map((p) => p.id)));
    expect(cachedAnswers.similar.map((p) => p.id).slice(0, 3)).toEqual(scratchAnswers.similar.map((p) => p.id).slice(0, 3));
  });

  it('falls back to a full build when the cache file is damaged', () => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, 'not an index');
    const svc = new RecsService(lib.db, { cacheFile: file });
    expect(svc.stats().papers).toBe(0);
    expect(svc.similar(seeded.tagged[1]![0]!, 3)).toHaveLength(3);
    expect(svc.stats()).toMatchObject({ papers: 100, fromCache: false });
    svc.dispose();
  });
});
