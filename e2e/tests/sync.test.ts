import { expect, test as base } from '../fixtures';
import { SyncPom } from '../poms/sync-pom';
import { hfDays, hfItem } from '../../src/main/sync/testing/feeds';
import { startFixtureServer, type FixtureServer } from '../../src/main/sync/testing/fixtureServer';

const DAYS = ['2026-11-20', '2026-11-21', '2026-11-22'];

/** One fixture server per worker; the app server is pointed at it through `serverEnv`. */
const test = base.extend<{ sync: SyncPom }, { fixture: FixtureServer }>({
  fixture: [
    async ({}, use) => {
      const fx = await startFixtureServer();
      await use(fx);
      await fx.close();
    },
    { scope: 'worker' },
  ],
  serverEnv: async ({ fixture }, use) => {
    fixture.clearFaults();
    fixture.data.hf = hfDays(DAYS, 30);
    fixture.data.hf.get(DAYS[1]!)!.unshift(
      hfItem({ id: '2611.09999', title: 'Video generation with world models', day: DAYS[1]!, upvotes: 412, authors: ['Mei Tanaka', 'Omar Haddad'] }),
    );
    await use({ ...fixture.env(), PAPERSHELF_HTTP_RETRY_MS: '20' });
  },
  sync: async ({ library }, use) => {
    await use(new SyncPom(library.page));
  },
});

test('add a Hugging Face source, run it with a progress bar, and see what arrived', async ({ library, sync, fixture }) => {
  await sync.open();
  await expect(sync.panel.getByText('No sources yet')).toBeVisible();
  await sync.tab('Watch rules');
  await sync.addRule('keyword', 'video generation', 'watch/video');
  await expect(sync.panel.getByRole('listitem', { name: 'video generation' })).toContainText('watch/video');
  await library.snap('sync-rules');

  await sync.tab('Sources');
  await sync.addHfRange(DAYS[0]!, DAYS[2]!, 'Three days on HF');
  fixture.inject({ kind: 'delay', ms: 2500 }, `date=${DAYS[1]}&p=0`);
  await sync.source('Three days on HF').getByRole('button', { name: 'Run' }).click();
  const bar = sync.source('Three days on HF').getByRole('progressbar', { name: 'Syncing Three days on HF' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuenow', /\d+/);
  await library.snap('sync-running');

  await expect(sync.source('Three days on HF').getByRole('button', { name: 'Run' })).toBeVisible({ timeout: 20_000 });
  await expect(sync.source('Three days on HF')).toContainText('last run');
  await sync.tab('Runs');
  const run = sync.runs.getByRole('row').nth(1);
  await expect(run).toContainText('done');
  await expect(run).toContainText('Hugging Face 2026-11-20 → 2026-11-22');
  await expect(run.getByRole('cell').nth(3)).toHaveText('91');
  await library.snap('sync-runs');
  await sync.close();

  await expect(library.count).toHaveText('91 papers');
  await library.page.getByRole('button', { name: 'New since last sync' }).click();
  await expect(sync.digestCount).toContainText('91 papers');
  const first = sync.digest.getByRole('listitem').first();
  await expect(first).toContainText('Video generation with world models');
  await expect(first).toContainText('watch/video');
  await expect(first).toContainText('412');
  await first.getByRole('button').click();
  await expect(library.detail.getByRole('heading', { level: 1 })).toHaveText('Video generation with world models');
  await library.snap('new-since-last-sync');

  // Next to trending, the digest sorts by fit to what the researcher tagged (here: the video rule's tags).
  await library.page.getByRole('radio', { name: 'Fit to my library' }).click();
  await expect(first).toContainText(/% fit/);
  const top = await sync.digest.getByRole('listitem').locator('.digest-row__title').allTextContents();
  expect(top.slice(0, 3).every((t) => /video/i.test(t))).toBe(true);
  await library.snap('new-since-last-sync-by-fit');
  await library.page.getByRole('radio', { name: 'Trending' }).click();
  await expect(first).toContainText('Video generation with world models');

  await library.showView('Inbox');
  await expect(library.count).toHaveText('91 papers');

  // A rule added after the sync tags the papers already in the library on request.
  await sync.open();
  await sync.tab('Watch rules');
  await sync.addRule('minUpvotes', '29', 'hot');
  const hot = sync.panel.getByRole('listitem', { name: '≥ 29 upvotes' });
  await hot.getByRole('button', { name: 'Apply to library' }).click();
  await expect(hot).toContainText('tagged 7');
  await sync.close();
  await expect(library.row('Multimodal language models 60: a study')).toContainText('hot');
  await expect(library.page.getByRole('button', { name: 'New since last sync' })).not.toHaveAttribute('aria-current', 'page');

  await library.page.getByRole('radio', { name: 'Dark theme' }).click();
  await sync.open();
  await library.snap('sync-panel-dark');
});

test('a failing source shows its error in the runs list and nothing half-written', async ({ library, sync, fixture }) => {
  await library.page.getByRole('button', { name: 'New since last sync' }).click();
  await expect(library.page.getByText('Nothing new yet')).toBeVisible();
  await library.snap('digest-empty');
  await sync.open();
  await sync.tab('Settings');
  const settings = sync.panel.getByRole('form', { name: 'Source addresses' });
  await expect(settings.getByLabel('Hugging Face')).toBeDisabled();
  await expect(settings).toContainText('set by PAPERSHELF_HF_URL');
  await library.snap('sync-settings');
  await sync.tab('Sources');
  await sync.addHfRange(DAYS[0]!, DAYS[1]!, 'Flaky');
  fixture.inject({ kind: 'status', status: 503 }, `date=${DAYS[1]}`, 100);
  await sync.source('Flaky').getByRole('button', { name: 'Run' }).click();
  await sync.tab('Runs');
  const run = sync.runs.getByRole('row').nth(1);
  await expect(run).toContainText('failed', { timeout: 20_000 });
  await expect(run).toContainText(/Could not get data from 127\.0\.0\.1:\d+ after 5 attempts: HTTP 503/);
  await expect(run.getByRole('cell').nth(3)).toHaveText('30');
  await library.snap('sync-failed-run');

  fixture.clearFaults();
  await run.getByRole('button', { name: 'Resume' }).click();
  await expect(run).toContainText('done', { timeout: 20_000 });
  await expect(run.getByRole('cell').nth(3)).toHaveText('61');
  await sync.close();
  // The open "New since last sync" view refreshed itself when the run finished.
  await expect(sync.digestCount).toContainText('61 papers');
  await library.showView('All papers');
  await expect(library.count).toHaveText('61 papers');
});
