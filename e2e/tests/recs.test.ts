/**
 * Recommendations (#8) in the app: a small library of five research topics (three papers per
 * topic tagged and in the library, five per topic in the Inbox), seeded before the server starts.
 */
import { openLibrary } from '../../src/main/db/client';
import { seedTopicLibrary, TOPICS } from '../../src/main/recs/synthetic';
import { expect, startServer, stopServer, test as base } from '../fixtures';
import { RecsPom } from '../poms/recs-pom';

interface Seed {
  titleOf: Map<number, string>;
  topicOfTitle: Map<string, number>;
  tagged: number[][];
}

const test = base.extend<{ seed: Seed; recs: RecsPom }>({
  seed: async ({ libraryDir }, use) => {
    const lib = openLibrary(libraryDir);
    const s = seedTopicLibrary(lib.db, 8, 3, 5, 0.15);
    const titleOf = new Map<number, string>();
    const topicOfTitle = new Map<string, number>();
    for (const r of lib.sqlite.prepare('SELECT id, title FROM papers').all() as { id: number; title: string }[]) {
      titleOf.set(r.id, r.title);
      topicOfTitle.set(r.title, s.topicOf.get(r.id)!);
    }
    lib.close();
    await use({ titleOf, topicOfTitle, tagged: s.tagged });
  },
  server: async ({ libraryDir, seed, serverEnv }, use) => {
    void seed;
    const srv = await startServer(libraryDir, serverEnv);
    await use(srv);
    await stopServer(srv);
  },
  recs: async ({ page }, use) => use(new RecsPom(page)),
});

test('the detail pane lists similar papers with reasons; clicking one opens it', async ({ library, recs, seed }) => {
  const probe = seed.titleOf.get(seed.tagged[1]![0]!)!; // an RL paper
  await library.showView('Library');
  await library.selectPaper(probe);
  await expect(library.detail.getByRole('heading', { name: 'Similar papers' })).toBeVisible();
  await expect(recs.similarItems.first()).toBeVisible();
  const titles = await recs.similarItems.locator('.similar__title').allTextContents();
  expect(titles.length).toBeGreaterThanOrEqual(4);
  // Mostly the same topic, and never the paper itself.
  expect(titles).not.toContain(probe);
  expect(titles.slice(0, 4).filter((t) => seed.topicOfTitle.get(t) === 1).length).toBeGreaterThanOrEqual(3);
  await expect(recs.similarItems.first().getByTestId('rec-reason')).toContainText(/shared \S/);
  await expect(recs.similarItems.first()).toContainText(/Inbox|Library/);
  await recs.similar.scrollIntoViewIfNeeded();
  await library.snap('similar-papers');

  await recs.similarItems.first().getByRole('button').click();
  await expect(library.detail.getByRole('heading', { level: 1 })).toHaveText(titles[0]!);
  await library.snap('similar-paper-opened');
});

test('More like #tag ranks Inbox papers of the topic first, explains them, and triages', async ({ library, recs, seed, page }) => {
  await recs.openMoreLikeTag('speech');
  await expect(recs.summary).toContainText('3 papers tagged #speech');
  const titles = await recs.resultTitles();
  expect(titles.length).toBe(seed.titleOf.size - 15); // every Inbox paper, ranked
  expect(titles.slice(0, 5).filter((t) => seed.topicOfTitle.get(t) === 4).length).toBeGreaterThanOrEqual(4);
  const first = recs.results.first();
  await expect(first.getByTestId('rec-reason')).toContainText(/about \S/);
  await expect(first).toContainText(/like \S/);
  await expect(first).toContainText(/\d+%/);
  await library.snap('more-like-tag');

  // Open one in the detail pane, then keep it: it leaves the ranking (it is in the library now).
  await first.locator('.rec-row__title').click();
  await expect(library.detail.getByRole('heading', { level: 1 })).toHaveText(titles[0]!);
  await library.snap('more-like-tag-selected');
  await first.getByRole('button', { name: /Add .* to the library/ }).click();
  await expect.poll(() => recs.resultTitles()).not.toContain(titles[0]);
  await expect(library.detail.locator('.detail__badges').getByText('library', { exact: true })).toBeVisible();

  // Another tag re-ranks.
  await recs.openMoreLikeTag('graphs');
  expect((await recs.resultTitles()).slice(0, 5).filter((t) => seed.topicOfTitle.get(t) === 3).length).toBeGreaterThanOrEqual(4);

  // Everything tagged or starred: the 15 tagged papers, every topic ranked.
  await recs.tagPicker.selectOption('fit');
  await expect(recs.summary).toContainText('15 papers you tagged or starred');
  await expect(recs.results.first()).toBeVisible();
  await library.snap('for-you');

  // A library view leaves Discover.
  await library.showView('Inbox');
  await expect(recs.discover).toBeHidden();
  await expect(page.getByRole('grid', { name: 'Papers' })).toBeVisible();
});

test('reads well in the dark theme', async ({ library, recs, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await recs.openMoreLikeTag(TOPICS[0]!.tag);
  await recs.results.first().locator('.rec-row__title').click();
  await expect(recs.similarItems.first()).toBeVisible();
  await library.snap('more-like-tag-dark');
});

base('an empty library explains how to get recommendations', async ({ library, page }) => {
  const recs = new RecsPom(page);
  await page.getByRole('button', { name: 'More like #tag' }).click();
  await expect(recs.discover.getByText('Nothing to learn from yet')).toBeVisible();
  await library.snap('more-like-tag-no-tags');
});
