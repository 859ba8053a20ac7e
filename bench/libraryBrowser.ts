/** Browser-mode figures: load → first rows visible, and DOM row counts (bounded by virtualisation). */
import { chromium } from 'playwright';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { BenchRow } from './table';

const ROOT = resolve(import.meta.dirname, '..');

export async function measureBrowser(libraryDir: string, suite: string): Promise<BenchRow[]> {
  const proc = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src/main/web/cli.ts'), '--library', libraryDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    const url = await new Promise<string>((ok, fail) => {
      let out = '';
      const timer = setTimeout(() => fail(new Error(`server did not start: ${stderr}`)), 60_000);
      proc.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /PAPERSHELF_READY (.*)/.exec(out);
        if (m) {
          clearTimeout(timer);
          ok((JSON.parse(m[1]!) as { url: string }).url);
        }
      });
      proc.on('exit', (c) => fail(new Error(`server exited ${c}: ${stderr}`)));
    });
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const rowSel = '[role=grid] [role=row][data-paper-id]';
      const loads: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        await page.goto(url);
        await page.locator(rowSel).first().waitFor({ state: 'visible' });
        loads.push(performance.now() - t);
      }
      const cold = loads[0]!;
      const firstRows = [...loads].sort((a, b) => a - b)[1]!;
      const domTop = await page.locator('[role=grid] [role=row]').count();
      await page.locator('.table__body').evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
      // Wait until the rows around the new position are loaded (no skeleton rows left).
      for (let i = 0; i < 200 && (await page.locator('[role=grid] [role=row][aria-busy]').count()) > 0; i++)
        await page.waitForTimeout(50);
      const domMid = await page.locator('[role=grid] [role=row]').count();
      const total = await page.getByTestId('paper-count').textContent();
      return [
        { suite, measure: 'browser: first load (cold cache) → first rows visible', value: cold, unit: 'ms', goal: '≤ 1500 ms', ok: cold <= 1500 },
        { suite, measure: 'browser: reload → first rows visible (median of 3)', value: firstRows, unit: 'ms', goal: '≤ 1500 ms', ok: firstRows <= 1500 },
        { suite, measure: `browser: rows in DOM at top (${total})`, value: domTop, unit: 'rows', goal: '≤ 80', ok: domTop <= 80 },
        { suite, measure: 'browser: rows in DOM scrolled to the middle', value: domMid, unit: 'rows', goal: '≤ 80', ok: domMid <= 80 },
      ];
    } finally {
      await browser.close();
    }
  } finally {
    proc.kill('SIGTERM');
  }
}
