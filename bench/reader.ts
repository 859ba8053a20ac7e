/**
 * Reader benchmark (browser mode, Debian Chromium): time from pressing "Open PDF" until the first
 * page is painted, for a 30-page PDF carrying 1,000 annotations. Both ends are marks the app
 * emits itself (`papershelf:reader:open` when the tab opens, `papershelf:reader:first-page` on the
 * first `pagerendered`), read with the Performance API; nothing is guessed with timeouts.
 */
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANNOTATION_COLORS, type AnnotationInput } from '../src/shared/annotations';
import { startWeb } from '../src/main/web/serve';
import { makeArticle } from '../e2e/support/pdfs';
import { seedPapers } from '../e2e/support/seed';
import { median, percentile, type BenchRow } from './table';

const RUNS = 7;
const GOAL_MS = 800;

function annotations(paperId: number, n: number, pages: number): AnnotationInput[] {
  return Array.from({ length: n }, (_, i) => {
    const pageIndex = i % pages;
    const line = Math.floor(i / pages) % 24;
    const y = 680 - line * 16 - Math.floor(line / 6) * 12;
    const kind = i % 10 === 9 ? 'note' : i % 10 === 8 ? 'underline' : 'highlight';
    const rect = kind === 'note' ? [520, y - 4, 542, y + 18] : [72, y - 3, 300 + (i % 7) * 30, y + 10];
    return {
      id: `bench-${i}`,
      paperId,
      kind,
      color: ANNOTATION_COLORS[i % ANNOTATION_COLORS.length]!.hex,
      pageIndex,
      rects: [rect],
      text: kind === 'note' ? null : `Annotated line ${i}`,
      comment: i % 3 === 0 ? `Comment number ${i}` : null,
      tags: i % 5 === 0 ? ['bench'] : [],
      sortIndex: `${String(pageIndex).padStart(5, '0')}|${String(line * 80).padStart(6, '0')}|${String(Math.floor(792 - y)).padStart(5, '0')}`,
    };
  });
}

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-bench-reader-'));
  const pdf = await makeArticle({ pages: 30, title: 'Benchmark paper' });
  seedPapers(dir, [{ title: 'Benchmark paper', pdf, pages: 30, annotations: (id) => annotations(id, 1000, 30) }]);
  const app = await startWeb({ libraryDir: dir, env: {} });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
      const page = await context.newPage();
      await page.goto(app.server.url);
      await page.getByRole('grid', { name: 'Papers' }).getByText('Benchmark paper').click();
      await page.getByRole('button', { name: /Open PDF/ }).click();
      await page.locator('.reader__viewer[data-first-page="painted"]').waitFor({ timeout: 30_000 });
      const ms = await page.evaluate(() => {
        const open = performance.getEntriesByName('papershelf:reader:open').at(-1)!;
        const painted = performance.getEntriesByName('papershelf:reader:first-page').at(-1)!;
        return painted.startTime - open.startTime;
      });
      const drawn = await page.locator('.page[data-page-number="1"] .ps-highlight').count();
      if (drawn === 0) throw new Error('bench: annotations were not drawn on page 1');
      times.push(ms);
      await context.close();
    }
    const p50 = median(times);
    return [
      { suite: 'reader', measure: 'open → first page painted, 30 pages + 1,000 annotations (median of 7)', value: Math.round(p50), unit: 'ms', goal: `≤ ${GOAL_MS} ms`, ok: p50 <= GOAL_MS },
      { suite: 'reader', measure: 'same, worst of 7 (first run includes worker start)', value: Math.round(percentile(times, 100)), unit: 'ms' },
    ];
  } finally {
    await browser.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
