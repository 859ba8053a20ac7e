import { join } from 'node:path';
import { cli, expect, FORMATS, test } from '../fixtures';

const HF = join(FORMATS, 'hf_daily_papers.json');

test.describe('an empty library', () => {
  test('says how to get papers in', async ({ library }) => {
    await expect(library.count).toHaveText('0 papers');
    await expect(library.page.getByText('No papers here yet')).toBeVisible();
    await expect(library.page.getByText('No paper selected')).toBeVisible();
    await library.snap('empty-library');
  });
});

test.describe('papers imported from Hugging Face Daily Papers', () => {
  test.use({ seedHf: [HF] });

  test('are listed from SQLite with title, authors, date and upvotes, newest first', async ({ library }) => {
    await expect(library.count).toHaveText('3 papers');
    expect(await library.titles()).toEqual([
      'ClawGUI: A Unified Framework for Training, Evaluating, and Deploying GUI Agents',
      '3DTV: A Feedforward Interpolation Network for Real-Time View Synthesis',
      'Turing Test on Screen: A Benchmark for Mobile GUI Agent Humanization',
    ]);
    const first = library.row('ClawGUI');
    await expect(first).toContainText('Fei Tang et al.');
    await expect(first).toContainText('2026-04-13');
    await expect(first).toContainText('113');
    await library.snap('library-list');
  });

  test('sort by upvotes from the column header', async ({ library }) => {
    await library.table.getByRole('button', { name: 'Upvotes' }).click();
    await expect.poll(() => library.titles()).toEqual([
      'ClawGUI: A Unified Framework for Training, Evaluating, and Deploying GUI Agents',
      'Turing Test on Screen: A Benchmark for Mobile GUI Agent Humanization',
      '3DTV: A Feedforward Interpolation Network for Real-Time View Synthesis',
    ]);
    await library.table.getByRole('button', { name: 'Upvotes' }).click();
    await expect.poll(async () => (await library.titles())[0]).toContain('3DTV');
  });

  test('the detail pane shows the abstract, counts and links', async ({ library }) => {
    await library.selectPaper('ClawGUI');
    const d = library.detail;
    await expect(d).toContainText('GUI agents drive applications through their visual interfaces');
    await expect(d).toContainText('Zhejiang University');
    await expect(d.getByRole('link', { name: /arXiv/ })).toHaveAttribute('href', 'https://arxiv.org/abs/2604.11784');
    await expect(d.getByRole('link', { name: /Hugging Face/ })).toHaveAttribute('href', 'https://huggingface.co/papers/2604.11784');
    await expect(d.getByRole('link', { name: /Code/ })).toHaveAttribute('href', /github\.com/);
    await library.snap('detail-pane');
  });

  test('a newer capture updates counts and the open window refreshes', async ({ library, libraryDir, server }) => {
    await expect(library.row('ClawGUI')).toContainText('113');
    // The server holds the library's writer lock, so the update goes through the running core.
    const json = JSON.stringify(
      (JSON.parse((await import('node:fs')).readFileSync(HF, 'utf8')) as { paper: { upvotes: number } }[]).map((it) => ({
        ...it,
        paper: { ...it.paper, upvotes: it.paper.upvotes + 100 },
      })),
    );
    const res = await library.page.request.post(`${server.origin}/api/invoke/import:hfJson`, {
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      data: { json },
    });
    expect((await res.json()) as unknown).toEqual({ ok: true, value: { new: 0, updated: 3, unchanged: 0 } });
    await expect(library.row('ClawGUI')).toContainText('213');
    expect(libraryDir).toBeTruthy();
  });

  test('dark theme', async ({ library }) => {
    await library.page.getByRole('radio', { name: 'Dark theme' }).click();
    await expect(library.page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await library.selectPaper('3DTV');
    await library.snap('library-dark');
  });
});

test('a second process cannot open a library that is in use', async ({ server }) => {
  expect(() => cli(server.libraryDir, ['list'])).toThrow(/in use by another Papershelf process/);
});

test('the renderer reaches nothing but the contract: no Node, no other origins', async ({ library, server }) => {
  const page = library.page;
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  // The CSP allows connections to the app's own origin only: even a live server on another
  // origin (the app itself under the name localhost) is blocked, and the violation is reported.
  const other = server.origin.replace('127.0.0.1', 'localhost');
  const foreign = await page.evaluate(async (url) => {
    type Doc = { addEventListener(type: string, f: (e: { violatedDirective: string }) => void, o: { once: boolean }): void };
    const doc = (globalThis as unknown as { document: Doc }).document;
    const violated = new Promise<string>((ok) => doc.addEventListener('securitypolicyviolation', (e) => ok(e.violatedDirective), { once: true }));
    try {
      await fetch(url);
      return 'reached';
    } catch {
      return `blocked by ${await violated}`;
    }
  }, other);
  expect(foreign).toBe('blocked by connect-src');
  const file = await page.evaluate(async () => {
    try {
      await fetch('file:///etc/passwd');
      return 'reached';
    } catch (e) {
      return String(e);
    }
  });
  expect(file).not.toBe('reached');
  // The app's own API refuses a request that lacks the token even from the page itself.
  const status = await page.evaluate(async () => (await fetch('/api/invoke/app:info', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status);
  expect(status).toBe(401);
  expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
});
