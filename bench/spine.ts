/** Spine figures: opening a library (migrations included) and importing the HF sample. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openLibrary } from '../src/main/db/client';
import { parseHfDailyPapers } from '../src/main/importers/hfDailyPapers';
import { upsertListings } from '../src/main/library/listings';
import type { BenchRow } from './table';

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-bench-'));
  try {
    let t = performance.now();
    const lib = openLibrary(dir);
    const openMs = performance.now() - t;
    const json = readFileSync(resolve(import.meta.dirname, '..', '..', 'shared', 'formats', 'hf_daily_papers.json'), 'utf8');
    t = performance.now();
    upsertListings(lib.db, parseHfDailyPapers(json).listings, { sourceKey: 'bench' });
    const importMs = performance.now() - t;
    lib.close();
    return [
      { suite: 'spine', measure: 'create + migrate a new library', value: openMs, unit: 'ms' },
      { suite: 'spine', measure: 'import HF sample (3 papers)', value: importMs, unit: 'ms' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
