import type { Page, TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Save a screenshot of what the test sees under test-results/screenshots/<test>/<name>.png. */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<string> {
  const slug = testInfo.titlePath.slice(1).join('-').replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  const dir = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'test-results', 'screenshots', slug);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
