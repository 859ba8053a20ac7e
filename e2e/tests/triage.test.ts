import { join } from 'node:path';
import { cli, expect, ROOT, test } from '../fixtures';

const DAYS = join(ROOT, 'e2e', 'data', 'library_days.json');

test.use({ seedHf: [DAYS] });

test.describe('triage, tags and search', () => {
  test('a triage pass: Inbox → tag → star → mark read, from the keyboard', async ({ library }) => {
    await library.showView('Inbox');
    await expect(library.count).toHaveText('24 papers');
    await library.snap('01-inbox');

    await library.key('j');
    const first = (await library.titles())[0]!;
    await expect(library.detail.getByRole('heading', { level: 1 })).toHaveText(first);

    await library.key('t');
    await expect(library.tagInput).toBeFocused();
    await library.tagInput.fill('ml/llm');
    await library.tagInput.press('Enter');
    await expect(library.detail.getByRole('button', { name: 'Remove tag ml/llm' })).toBeVisible();
    await library.tagInput.press('Escape');

    await library.key('s');
    await expect(library.detail.getByRole('button', { name: 'Unstar' })).toHaveAttribute('aria-pressed', 'true');
    await expect(library.row(first)).toContainText('llm');
    await library.snap('02-tagged-and-starred');

    await library.key('r');
    await expect(library.count).toHaveText('23 papers');
    await expect(library.row(first)).toHaveCount(0);
    // The next paper is current, ready for the next decision.
    await expect(library.detail.getByRole('heading', { level: 1 })).toHaveText((await library.titles())[0]!);

    await library.showView('Read');
    await expect(library.row(first)).toBeVisible();
    await expect(library.row(first).getByLabel('Starred')).toBeVisible();
    await expect(library.tag('ml')).toContainText('1');
    await library.snap('03-read-view');

    await library.key('?');
    await expect(library.dialog.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible();
    await expect(library.dialog).toContainText('Mark read');
    await library.snap('04-shortcuts');
  });

  test('search shows highlighted snippets and where they matched; odd input is safe', async ({ library, libraryDir, server }) => {
    expect(server.url).toBeTruthy();
    await library.search('diffusion');
    await expect(library.count).toHaveText('2 papers');
    await expect(library.snippets().first()).toBeVisible();
    await expect(library.snippets().first().locator('mark').first()).toHaveText(/diffusion/i);
    await expect(library.snippets().first()).toContainText('Abstract');
    await library.snap('05-search-snippets');

    await library.search('author:lovelace');
    await expect(library.count).toHaveText('1 paper');
    await expect(library.rows.first()).toContainText('Offline Reinforcement Learning');

    for (const odd of ['"unbalanced (', 'NEAR(a*', '-', '***', 'title: OR AND']) {
      await library.search(odd);
      await expect(library.page.getByRole('alert')).toHaveCount(0);
    }
    await library.search('zzqx');
    await expect(library.page.getByText('No papers match')).toBeVisible();
    await library.snap('06-search-empty');
    expect(libraryDir).toBeTruthy();
  });

  test('bulk tagging of a selection with shift- and ctrl-click', async ({ library }) => {
    await library.rows.nth(0).click();
    await library.rows.nth(3).click({ modifiers: ['Shift'] });
    await library.rows.nth(6).click({ modifiers: ['ControlOrMeta'] });
    await expect(library.selectedRows()).toHaveCount(5);
    await expect(library.bulkBar.getByTestId('selection-count')).toHaveText('5 selected');
    await library.bulkBar.getByRole('button', { name: 'Tag…' }).click();
    const input = library.page.getByRole('combobox', { name: 'Tag the selection' });
    await input.fill('reading-group');
    await library.snap('07-bulk-tag-popover');
    await input.press('Enter');
    await expect(library.tag('reading-group')).toContainText('5');
    await expect(library.rows.nth(6)).toContainText('reading-group');
    await expect(library.bulkBar.getByRole('button', { name: 'Untag' })).toBeEnabled();
    await library.snap('08-bulk-tagged');

    await library.bulkBar.getByRole('button', { name: 'Star', exact: true }).click();
    await library.showView('Starred');
    await expect(library.count).toHaveText('5 papers');

    await library.key('ControlOrMeta+a');
    await library.bulkBar.getByRole('button', { name: 'Delete…' }).click();
    await expect(library.dialog).toContainText('Delete 5 papers?');
    await library.snap('09-delete-confirm');
    await library.dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(library.count).toHaveText('5 papers');
  });

  test('renaming and merging tags', async ({ library, server }) => {
    await server.proc.pid; // the server owns the library; tags are set through the app
    await library.rows.nth(0).click();
    await library.addTagInDetail('nlp');
    await library.rows.nth(1).click();
    await library.addTagInDetail('language');
    await library.addTagInDetail('ml/vision');
    await library.snap('10-tags-sidebar');

    await library.tagAction('nlp', 'Rename…');
    await library.dialog.getByLabel('New name').fill('ml/nlp');
    await library.snap('11-rename-dialog');
    await library.dialog.getByRole('button', { name: 'Rename' }).click();
    await expect(library.tagList).toContainText('nlp');
    await expect(library.tag('ml')).toContainText('2');

    await library.tagAction('language', 'Merge into…');
    await library.dialog.getByLabel('Merge into').selectOption({ label: 'ml/nlp (1)' });
    await library.snap('12-merge-dialog');
    await library.dialog.getByRole('button', { name: 'Merge' }).click();
    await expect(library.tag('language')).toHaveCount(0);
    await expect(library.tag('nlp')).toContainText('2');

    await library.tag('nlp').click();
    await expect(library.count).toHaveText('2 papers');
    await library.snap('13-tag-view');

    await library.tagAction('ml', 'Delete…');
    await expect(library.dialog).toContainText('removed from 2 papers');
    await library.dialog.getByRole('button', { name: 'Delete tag' }).click();
    await expect(library.page.getByText('No tags yet. Press t to tag a paper.')).toBeVisible();
  });

  test('the Daily view browses one HF day by upvotes with previous and next day', async ({ library }) => {
    await library.view('Daily papers').click();
    await expect(library.page.getByTestId('daily-day')).toContainText('Nov 27, 2026');
    await expect(library.count).toHaveText('8 papers');
    const upvotes = await library.rows.locator('.col-upvotes').allTextContents();
    const nums = upvotes.map((u) => Number(u.trim()));
    expect(nums).toEqual([...nums].sort((a, b) => b - a));
    await expect(library.page.getByRole('button', { name: 'Next day' })).toBeDisabled();
    await library.snap('14-daily');
    await library.page.getByRole('button', { name: 'Previous day' }).click();
    await expect(library.page.getByTestId('daily-day')).toContainText('Nov 26, 2026');
    await library.page.getByRole('button', { name: 'Previous day' }).click();
    await expect(library.page.getByTestId('daily-day')).toContainText('Nov 25, 2026');
    await expect(library.page.getByRole('button', { name: 'Previous day' })).toBeDisabled();
  });

  test('dark theme with a selection and the detail pane', async ({ library }) => {
    await library.page.getByRole('radio', { name: 'Dark theme' }).click();
    await library.rows.nth(0).click();
    await library.addTagInDetail('to-read');
    await library.rows.nth(2).click({ modifiers: ['Shift'] });
    await library.snap('15-dark-selection');
    await library.search('reasoning');
    await library.selectPaper('Sparse Mixture-of-Experts');
    // Inline TeX in the abstract is typeset, not shown as $…$ source.
    await expect(library.detail.locator('.katex').first()).toBeVisible();
    await expect(library.detail.getByText('$k=2$')).toHaveCount(0);
    await library.snap('16-dark-search');
  });
});

test('the CLI tags, stars, sets state and searches with the same engine', async ({ libraryDir }) => {
  cli(libraryDir, ['import', 'hf-json', DAYS]);
  expect(cli(libraryDir, ['tag', 'add', 'ml/rl', '2611.10008', '2611.10001'])).toContain('tagged 2 papers');
  expect(cli(libraryDir, ['tag', 'rename', 'ml/rl', 'ml/reinforcement'])).toContain('renamed ml/rl to ml/reinforcement');
  const tags = JSON.parse(cli(libraryDir, ['tags', '--json'])) as { path: string; count: number }[];
  expect(tags).toEqual([
    expect.objectContaining({ path: 'ml', count: 2 }),
    expect.objectContaining({ path: 'ml/reinforcement', count: 2 }),
  ]);
  expect(cli(libraryDir, ['state', '2611.10008', 'read'])).toContain('1 paper now read');
  expect(cli(libraryDir, ['star', '2611.10008'])).toContain('starred 1 paper');
  // Stray operators are ignored rather than failing the search.
  const hits = JSON.parse(cli(libraryDir, ['search', 'preferences', '"(', 'NEAR', '--json'])) as { arxivId: string }[];
  expect(hits).toEqual([]);
  expect(JSON.parse(cli(libraryDir, ['search', 'preferences', '"(', '--json']))).toHaveLength(1);
  const hits2 = JSON.parse(cli(libraryDir, ['search', 'human preferences', '--json'])) as { arxivId: string; where: string; snippet: string; score: number }[];
  expect(hits2[0]).toMatchObject({ arxivId: '2611.10008', where: 'abstract' });
  expect(hits2[0]!.snippet).toContain('preferences');
  expect(() => cli(libraryDir, ['state', '2611.99999', 'read'])).toThrow(/No paper with id 2611.99999/);
});
