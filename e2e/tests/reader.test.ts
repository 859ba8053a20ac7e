import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startServer, stopServer } from '../fixtures';
import { expect, test } from '../reader-fixtures';
import { ReaderPom } from '../poms/reader-pom';
import { BROKEN, makeArticle, makeBook, SENTENCE } from '../support/pdfs';

/** SIGKILL the server and the node process tsx runs it in: nothing gets to clean up. */
function killTree(pid: number): void {
  const kids = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  for (const k of kids) killTree(Number(k));
  process.kill(pid, 'SIGKILL');
}

const TITLE = 'Attention over long documents';
const article = async () => [{ title: TITLE, pdf: await makeArticle({ pages: 6, title: TITLE }) }];

test.describe('reading and annotating a PDF', () => {
  test.use({ pdfPapers: { make: article } });

  test('highlight a sentence, comment on it, and find it over the same words after a reload and a zoom', async ({ reader, page }) => {
    await reader.openFromLibrary(TITLE);
    await reader.waitForFirstPage();
    await expect(reader.toolbar.getByTestId('page-count')).toHaveText('/ 6');
    await reader.snap('opened');

    await reader.selectText(SENTENCE);
    await expect(reader.selectionPopup).toBeVisible();
    await reader.snap('selection-popup');
    await reader.selectionPopup.getByRole('button', { name: 'Highlight', exact: true }).click();
    await expect(reader.highlights()).toHaveCount(1);
    await reader.expectHighlightOver(SENTENCE);

    await expect(reader.annotationPopup).toBeVisible();
    await reader.annotationPopup.getByRole('textbox', { name: 'Comment' }).fill('The central claim');
    await reader.annotationPopup.getByRole('radio', { name: 'Green' }).click();
    await expect(reader.saveStatus).toHaveText('Saved');
    await expect(reader.annotationCards()).toHaveCount(1);
    await expect(reader.annotationCards().first()).toContainText(SENTENCE);
    await expect(reader.annotationCards().first()).toContainText('The central claim');
    await reader.snap('highlight-with-comment');

    await page.reload();
    await reader.waitForFirstPage();
    await expect(reader.highlights()).toHaveCount(1);
    await reader.expectHighlightOver(SENTENCE);
    const card = reader.annotationCards().first();
    await expect(card).toContainText('The central claim');
    await expect(reader.highlights().first()).toHaveCSS('background-color', 'rgb(95, 178, 54)');
    await reader.snap('after-reload');

    await reader.zoomIn();
    await reader.zoomIn();
    await reader.expectHighlightOver(SENTENCE);
    await reader.snap('zoomed-in');

    await reader.tool('Dark reading mode').click();
    await expect(reader.reader.locator('.reader__main')).toHaveClass(/is-dark/);
    await reader.snap('dark-reading-mode');
    await reader.tool('Dark reading mode').click();

    // The library stays one click away, and its detail pane counts the annotation.
    await reader.tabs.getByRole('tab', { name: 'Library' }).click();
    await page.getByRole('grid', { name: 'Papers' }).getByText(TITLE).click();
    await expect(page.getByRole('button', { name: /Open PDF/ })).toContainText('1 annotation');
    await reader.snap('library-with-tabs');
  });

  test('find a word: every match counted and highlighted, next and previous', async ({ reader }) => {
    await reader.openFromLibrary(TITLE);
    await reader.waitForFirstPage();
    const bar = await reader.find('quadratic');
    await expect(bar.getByTestId('find-count')).toHaveText('1 of 24');
    await expect(reader.viewer.locator('.textLayer .highlight').first()).toBeVisible();
    await bar.getByRole('button', { name: 'Next match' }).click();
    await expect(bar.getByTestId('find-count')).toHaveText('2 of 24');
    await bar.getByRole('button', { name: 'Previous match' }).click();
    await expect(bar.getByTestId('find-count')).toHaveText('1 of 24');
    await reader.snap('find');
    await bar.getByRole('textbox', { name: 'Find' }).fill('no-such-word');
    await expect(bar.getByTestId('find-count')).toHaveText('No matches');
  });

  test('jump through the outline, thumbnails and internal links', async ({ reader }) => {
    await reader.openFromLibrary(TITLE);
    await reader.waitForFirstPage();
    await reader.showSidebar('Outline');
    const outline = reader.sidebar.getByRole('tree', { name: 'Outline' });
    await expect(outline.getByRole('button')).toHaveText(['1. Introduction', '2. Related work', '3. Method', '4. Experiments', '5. Results']);
    // Section N starts on page N + 1.
    await outline.getByRole('button', { name: '4. Experiments' }).click();
    await expect(reader.pageNumber).toHaveValue('5');
    await reader.snap('outline');
    await outline.getByRole('button', { name: '2. Related work' }).click();
    await expect(reader.pageNumber).toHaveValue('3');

    await reader.showSidebar('Thumbnails');
    await reader.sidebar.getByRole('button', { name: 'Page 6' }).click();
    await expect(reader.pageNumber).toHaveValue('6');
    await reader.snap('thumbnails');

    await reader.goToPage(1);
    await reader.pageDiv(1).locator('.annotationLayer a[href="#"], .annotationLayer a:not([href^="http"])').first().click();
    await expect(reader.pageNumber).toHaveValue('6');
    await expect(reader.pageDiv(1).locator('.annotationLayer a[href="https://arxiv.org/abs/1706.03762"]')).toHaveAttribute('target', '_blank');
  });

  test('zoom with the keyboard, Ctrl+wheel and the fit presets', async ({ reader, page }) => {
    await reader.openFromLibrary(TITLE);
    await reader.waitForFirstPage();
    const zoom = reader.toolbar.getByTestId('zoom-value');
    const width = async () => (await reader.pageDiv(1).boundingBox())!.width;
    const w0 = await width();
    await reader.viewer.click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+=');
    await expect.poll(width).toBeGreaterThan(w0 * 1.05);
    await page.keyboard.press('Control+-');
    await page.keyboard.press('Control+-');
    await expect.poll(width).toBeLessThan(w0);
    const w1 = await width();
    await reader.viewer.hover();
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -120);
    await page.keyboard.up('Control');
    await expect.poll(width).toBeGreaterThan(w1 * 1.05);
    await zoom.click();
    await page.getByRole('menuitem', { name: 'Fit page' }).click();
    await expect(zoom).toHaveText('Fit page');
    const viewerBox = (await reader.viewer.boundingBox())!;
    expect((await reader.pageDiv(1).boundingBox())!.height).toBeLessThanOrEqual(viewerBox.height);
    await reader.snap('fit-page');
  });

  test('a selection over two lines is highlighted line by line', async ({ reader, page }) => {
    await reader.openFromLibrary(TITLE);
    await reader.waitForFirstPage();
    const from = (await reader.textSpan(SENTENCE).boundingBox())!;
    const to = (await reader.textSpan('The reader must keep highlights').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 6 });
    await page.mouse.up();
    await reader.selectionPopup.getByRole('radio', { name: 'Orange' }).click();
    await expect(reader.highlights()).toHaveCount(2);
    const [a, b] = await reader.highlights().evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as { top: number; left: number }));
    expect(b!.top - a!.top).toBeGreaterThan(from.height * 0.8);
    expect(Math.abs(b!.left - to.x)).toBeLessThan(2);
    await expect(reader.annotationCards().first()).toContainText('without quadratic cost. The reader must');
    await reader.snap('two-line-highlight');
  });

  test('last page and zoom come back when the paper is reopened', async ({ reader }) => {
    await reader.openFromLibrary(TITLE);
    await reader.waitForFirstPage();
    await reader.zoomIn();
    const zoom = await reader.toolbar.getByTestId('zoom-value').textContent();
    await reader.goToPage(5);
    // The position is saved a second after scrolling stops, and when the tab closes.
    await reader.tabs.getByRole('button', { name: `Close ${TITLE}` }).click();
    await expect(reader.tabs).toBeHidden();
    await reader.openFromLibrary(TITLE);
    await reader.waitForFirstPage();
    await expect(reader.pageNumber).toHaveValue('5');
    await expect(reader.toolbar.getByTestId('zoom-value')).toHaveText(zoom!);
  });

  test('notes, areas, colours, tags, filters, delete and undo', async ({ reader, page }) => {
    await reader.openFromLibrary(TITLE);
    await reader.waitForFirstPage();
    const page1 = reader.pageDiv(1);
    const box = (await page1.boundingBox())!;

    await reader.tool('Add note').click();
    await page.mouse.click(box.x + box.width - 60, box.y + 120);
    await expect(page1.locator('.ps-note')).toHaveCount(1);
    await reader.annotationPopup.getByRole('textbox', { name: 'Comment' }).fill('Check the appendix');

    await reader.tool('Select area').click();
    await page.mouse.move(box.x + 60, box.y + 60);
    await page.mouse.down();
    await page.mouse.move(box.x + 300, box.y + 200, { steps: 5 });
    await page.mouse.up();
    await expect(page1.locator('.ps-area')).toHaveCount(1);
    const popup = reader.annotationPopup;
    await popup.getByRole('textbox', { name: 'Comment' }).fill('Figure to redo');
    await popup.getByRole('textbox', { name: 'Add tags' }).fill('figures');
    await popup.getByRole('textbox', { name: 'Add tags' }).press('Enter');
    await popup.getByRole('radio', { name: 'Blue' }).click();
    await reader.snap('area-and-note');

    // Moving the area keeps its comment.
    await reader.tool('Select text').click();
    const area = page1.locator('.ps-area');
    await expect(area).toBeVisible();
    const a = (await area.boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(a.x + a.width / 2 + 40, a.y + a.height / 2 + 30, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await area.boundingBox())!.x).toBeGreaterThan(a.x + 30);
    await expect(reader.saveStatus).toHaveText('Saved');
    await expect(reader.annotationCards()).toHaveCount(2);
    await expect(reader.annotationCards().filter({ hasText: 'Figure to redo' })).toContainText('figures');

    // Filter by colour and by tag.
    await reader.sidebar.getByRole('button', { name: 'Show blue only' }).click();
    await expect(reader.annotationCards()).toHaveCount(1);
    await reader.sidebar.getByRole('button', { name: 'Show blue only' }).click();
    await reader.sidebar.getByRole('group', { name: 'Filter annotations' }).getByRole('button', { name: 'figures' }).click();
    await expect(reader.annotationCards()).toHaveCount(1);
    await reader.snap('filtered');
    await reader.sidebar.getByRole('group', { name: 'Filter annotations' }).getByRole('button', { name: 'figures' }).click();
    await reader.sidebar.getByRole('searchbox', { name: 'Search annotations' }).fill('appendix');
    await expect(reader.annotationCards()).toHaveCount(1);
    await expect(reader.annotationCards()).toContainText('Check the appendix');
    await reader.sidebar.getByRole('searchbox', { name: 'Search annotations' }).fill('');

    // Recolour from the card's context menu: the comment stays.
    await reader.annotationCards().filter({ hasText: 'Figure to redo' }).click({ button: 'right' });
    await page.getByRole('menu', { name: 'Annotation actions' }).getByRole('menuitem', { name: 'Purple' }).click();
    await expect(page1.locator('.ps-area')).toHaveCSS('border-top-color', 'rgb(162, 138, 229)');
    await expect(reader.annotationCards().filter({ hasText: 'Figure to redo' })).toHaveCount(1);

    // Delete, then undo from the toast.
    await reader.annotationCards().filter({ hasText: 'Check the appendix' }).click();
    await reader.annotationPopup.getByRole('button', { name: 'Delete annotation' }).click();
    await expect(reader.annotationCards()).toHaveCount(1);
    await page.getByRole('status').filter({ hasText: 'Annotation deleted' }).getByRole('button', { name: 'Undo' }).click();
    await expect(reader.annotationCards()).toHaveCount(2);
    await expect(reader.annotationCards().filter({ hasText: 'Check the appendix' })).toHaveCount(1);
    await expect(reader.saveStatus).toHaveText('Saved');
    await page.reload();
    await reader.waitForFirstPage();
    await expect(reader.annotationCards()).toHaveCount(2);
    await expect(reader.annotationCards().filter({ hasText: 'Figure to redo' })).toContainText('figures');
  });

  test('an acknowledged save survives the server being killed', async ({ reader, page, server, libraryDir }) => {
    await reader.openFromLibrary(TITLE);
    await reader.waitForFirstPage();
    await reader.selectText(SENTENCE);
    await reader.selectionPopup.getByRole('button', { name: 'Underline', exact: true }).click();
    await reader.annotationPopup.getByRole('textbox', { name: 'Comment' }).fill('Must survive');
    await expect(reader.saveStatus).toHaveText('Saved');
    const exited = new Promise((ok) => server.proc.once('exit', ok));
    killTree(server.proc.pid!);
    await exited;
    const again = await startServer(libraryDir);
    try {
      await page.goto(again.url);
      const r = new ReaderPom(page, reader.testInfo);
      await r.openFromLibrary(TITLE);
      await r.waitForFirstPage();
      await expect(r.annotationCards()).toHaveCount(1);
      await expect(r.annotationCards().first()).toContainText('Must survive');
      await expect(r.pageDiv(1).locator('.ps-underline')).toHaveCount(1);
    } finally {
      await stopServer(again);
    }
  });
});

test.describe('files that are not readable PDFs', () => {
  test.use({
    pdfPapers: {
      make: async () => [
      { title: 'Zero byte paper', pdf: BROKEN.zeroBytes },
      { title: 'HTML instead of PDF', pdf: BROKEN.notPdf },
      { title: 'Truncated download', pdf: await BROKEN.truncated() },
      { title: 'A locked paper', pdf: new Uint8Array(readFileSync(join(ROOT, 'e2e', 'data', 'encrypted.pdf'))) },
      ],
    },
  });

  test('show a clear message and leave the app usable', async ({ reader, library }) => {
    await reader.openFromLibrary('Zero byte paper');
    await expect(reader.reader.getByRole('alert')).toContainText('The PDF file is empty');
    await reader.snap('zero-bytes');

    await reader.tabs.getByRole('tab', { name: 'Library' }).click();
    await reader.openFromLibrary('HTML instead of PDF');
    await expect(reader.reader.getByRole('alert')).toContainText('damaged or is not a PDF');
    await reader.snap('not-a-pdf');

    await reader.tabs.getByRole('tab', { name: 'Library' }).click();
    await reader.openFromLibrary('Truncated download');
    await expect(reader.reader.getByRole('alert')).toContainText('This PDF cannot be shown');
    await reader.snap('truncated');

    // The library still works: switch back, change view, close the broken tabs.
    await reader.tabs.getByRole('tab', { name: 'Library' }).click();
    await library.selectPaper('A locked paper');
    await reader.tabs.getByRole('button', { name: 'Close Truncated download' }).click();
    await expect(library.count).toHaveText('4 papers');
  });

  test('an encrypted PDF asks for its password', async ({ reader }) => {
    await reader.openFromLibrary('A locked paper');
    const form = reader.reader.getByRole('form', { name: 'PDF password' });
    await form.getByLabel('Password').fill('wrong');
    await form.getByRole('button', { name: 'Open' }).click();
    await expect(form).toContainText('That password is not right');
    await reader.snap('password');
    await form.getByLabel('Password').fill('papershelf');
    await form.getByRole('button', { name: 'Open' }).click();
    await reader.waitForFirstPage();
    await expect(reader.textSpan('A locked paper')).toBeVisible();
  });
});

test.describe('a 1,000-page PDF', () => {
  test.use({
    pdfPapers: {
      make: async () => [
        {
          title: 'A very long book',
          pdf: await makeBook(1000),
          pages: 1000,
          annotations: (paperId: number) => [
            {
              id: 'deep-in-the-book',
              paperId,
              kind: 'highlight' as const,
              color: '#a28ae5',
              pageIndex: 899,
              rects: [[72, 716, 250, 738]],
              text: 'Chapter page 900',
              comment: 'Remember this one',
              sortIndex: '00899|000000|00054',
            },
          ],
        },
      ],
    },
  });

  test('opens, scrolls and jumps without rendering every page', async ({ reader }) => {
    await reader.openFromLibrary('A very long book');
    await reader.waitForFirstPage();
    await expect(reader.toolbar.getByTestId('page-count')).toHaveText('/ 1000');
    await reader.goToPage(800);
    await expect(reader.textSpan('Chapter page 800', 800)).toBeVisible();
    await reader.viewer.hover();
    for (let i = 0; i < 10; i++) await reader.page.mouse.wheel(0, 1500);
    await expect.poll(async () => Number(await reader.pageNumber.inputValue())).toBeGreaterThan(800);
    // Only pages near the viewport have canvases.
    expect(await reader.viewer.locator('.page canvas').count()).toBeLessThan(30);
    await reader.snap('page-800');

    // A click on an annotation in the sidebar scrolls to it.
    await reader.annotationCards().filter({ hasText: 'Remember this one' }).click();
    await expect(reader.pageNumber).toHaveValue('900');
    await expect(reader.highlights(900)).toBeVisible();
    await expect(reader.annotationPopup.getByRole('textbox', { name: 'Comment' })).toHaveValue('Remember this one');
    await reader.snap('annotation-on-page-900');
  });
});

test.describe('the keyboard and the reader', () => {
  test.use({ pdfPapers: { make: article } });

  test('Enter opens the focused paper’s PDF; library keys do nothing while a reader tab is in front', async ({ reader, page }) => {
    const grid = page.getByRole('grid', { name: 'Papers' });
    await grid.getByText(TITLE).click();
    await page.keyboard.press('Enter');
    await reader.waitForFirstPage();
    await expect(reader.tabs.getByRole('tab', { name: new RegExp(TITLE) })).toHaveAttribute('aria-selected', 'true');
    // 's' would star and 'e' would dismiss the paper under the list's cursor.
    await page.keyboard.press('s');
    await page.keyboard.press('e');
    await reader.tabs.getByRole('tab', { name: 'Library' }).click();
    const row = grid.locator('[role=row][data-paper-id]').filter({ hasText: TITLE });
    await expect(row.getByLabel('Starred')).toHaveCount(0);
    await expect(row).toContainText(/inbox/i);
  });
});
