/** The desktop app itself: launch the built main process with an isolated library. */
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, FORMATS, cli } from '../fixtures';
import { electronBinary, NO_ELECTRON_REASON } from '../electron';
import { LibraryPom } from '../poms/library-pom';

const bin = electronBinary();

test.describe('desktop app (Electron)', () => {
  test.skip(!bin, NO_ELECTRON_REASON);

   
  test('opens the library window on the same renderer, sandboxed', async ({}, testInfo) => {
    const home = mkdtempSync(join(tmpdir(), 'papershelf-electron-e2e-'));
    cli(home, ['import', 'hf-json', join(FORMATS, 'hf_daily_papers.json')]);
    const app = await electron.launch({ executablePath: bin!, args: [join(ROOT, 'out/main/index.js')], env: { ...process.env, PAPERSHELF_HOME: home } });
    const page = await app.firstWindow();
    const lib = new LibraryPom(page, testInfo);
    await expect(lib.count).toHaveText('3 papers');
    expect(await page.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => Object.keys((globalThis as unknown as { papershelf: object }).papershelf).sort())).toEqual(['invoke', 'on']);
    await lib.snap('electron-library');
    await app.close();
  });
});
