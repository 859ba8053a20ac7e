/** Page object for the PDF reader: tabs, toolbar, pages, annotations, sidebar, find bar. */
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { snap } from './screens';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class ReaderPom {
  readonly tabs: Locator;
  readonly reader: Locator;
  readonly toolbar: Locator;
  readonly viewer: Locator;
  readonly sidebar: Locator;
  readonly annotationPopup: Locator;
  readonly selectionPopup: Locator;
  readonly pageNumber: Locator;
  readonly saveStatus: Locator;

  constructor(
    readonly page: Page,
    readonly testInfo: TestInfo,
  ) {
    this.tabs = page.getByRole('tablist', { name: 'Open tabs' });
    this.reader = page.locator('section.reader:not([hidden])');
    this.toolbar = this.reader.getByRole('toolbar', { name: 'Reader' });
    this.viewer = this.reader.locator('.reader__viewer');
    this.sidebar = this.reader.getByRole('complementary', { name: 'Reader sidebar' });
    this.annotationPopup = page.getByRole('dialog', { name: 'Annotation' });
    this.selectionPopup = page.getByRole('dialog', { name: 'Annotate selection' });
    this.pageNumber = this.toolbar.getByRole('textbox', { name: 'Page number' });
    this.saveStatus = this.toolbar.getByTestId('save-status');
  }

  /** From the library: select the paper, press "Open PDF". */
  async openFromLibrary(title: string | RegExp): Promise<void> {
    await this.page.getByRole('grid', { name: 'Papers' }).locator('[role=row][data-paper-id]').filter({ hasText: title }).first().click();
    await this.page.getByRole('button', { name: /Open PDF/ }).click();
    await expect(this.tabs.getByRole('tab', { name: title })).toHaveAttribute('aria-selected', 'true');
  }

  /** The app marks the viewer once the first page is painted. */
  async waitForFirstPage(): Promise<void> {
    await expect(this.viewer).toHaveAttribute('data-first-page', 'painted', { timeout: 20_000 });
  }

  pageDiv(n: number): Locator {
    return this.viewer.locator(`.page[data-page-number="${n}"]`);
  }

  textSpan(text: string, pageNumber = 1): Locator {
    return this.pageDiv(pageNumber).locator('.textLayer span', { hasText: text }).first();
  }

  /** Select a span's text with a mouse drag across it, as a person would. */
  async selectText(text: string, pageNumber = 1): Promise<void> {
    const span = this.textSpan(text, pageNumber);
    await span.scrollIntoViewIfNeeded();
    const b = (await span.boundingBox())!;
    await this.page.mouse.move(b.x + 1, b.y + b.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 });
    await this.page.mouse.move(b.x + b.width - 0.5, b.y + b.height / 2, { steps: 4 });
    await this.page.mouse.up();
  }

  highlights(pageNumber = 1): Locator {
    return this.pageDiv(pageNumber).locator('.ps-highlight');
  }

  /** The union of an annotation's boxes on screen. */
  async unionBox(boxes: Locator): Promise<Box> {
    const all = await boxes.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as { left: number; top: number; right: number; bottom: number }));
    const x1 = Math.min(...all.map((r) => r.left));
    const y1 = Math.min(...all.map((r) => r.top));
    const x2 = Math.max(...all.map((r) => r.right));
    const y2 = Math.max(...all.map((r) => r.bottom));
    return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
  }

  /**
   * Does the highlight sit on the span's words? Every edge within `tol` of the span's height
   * (a fraction of a line, so it scales with the zoom).
   */
  async expectHighlightOver(text: string, tol = 0.2, pageNumber = 1): Promise<void> {
    await expect(this.highlights(pageNumber).first()).toBeVisible();
    await expect
      .poll(async () => {
        const h = await this.unionBox(this.highlights(pageNumber));
        const s = (await this.textSpan(text, pageNumber).boundingBox())!;
        const edges = [h.x - s.x, h.y - s.y, h.x + h.width - (s.x + s.width), h.y + h.height - (s.y + s.height)];
        return Math.max(...edges.map(Math.abs)) / s.height;
      })
      .toBeLessThanOrEqual(tol);
  }

  tool(name: string): Locator {
    return this.toolbar.getByRole('button', { name, exact: true });
  }

  async zoomIn(): Promise<void> {
    const before = await this.toolbar.getByTestId('zoom-value').textContent();
    await this.tool('Zoom in').click();
    await expect(this.toolbar.getByTestId('zoom-value')).not.toHaveText(before ?? '');
  }

  async find(word: string): Promise<Locator> {
    await this.viewer.click({ position: { x: 5, y: 5 } });
    await this.page.keyboard.press('Control+f');
    const bar = this.reader.getByRole('search', { name: 'Find in document' });
    await bar.getByRole('textbox', { name: 'Find' }).fill(word);
    return bar;
  }

  async showSidebar(view: 'Annotations' | 'Outline' | 'Thumbnails'): Promise<void> {
    await this.sidebar.getByRole('tab', { name: view }).click();
  }

  annotationCards(): Locator {
    return this.sidebar.getByRole('list', { name: 'Annotations' }).locator('.ann-card');
  }

  async goToPage(n: number): Promise<void> {
    await this.pageNumber.fill(String(n));
    await this.pageNumber.press('Enter');
    await expect(this.pageNumber).toHaveValue(String(n));
  }

  snap(name: string): Promise<string> {
    return snap(this.page, this.testInfo, name);
  }
}
