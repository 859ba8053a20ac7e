/** Page object for the library window: sidebar views, the paper table, the detail pane. */
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { snap } from './screens';

export class LibraryPom {
  readonly sidebar: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly count: Locator;
  readonly detail: Locator;

  constructor(
    readonly page: Page,
    readonly testInfo: TestInfo,
  ) {
    this.sidebar = page.getByRole('navigation', { name: 'Library views' });
    this.table = page.getByRole('grid', { name: 'Papers' });
    this.rows = this.table.locator('[role=row][data-paper-id]');
    this.count = page.getByTestId('paper-count');
    this.detail = page.getByRole('complementary', { name: 'Details' });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.count).not.toHaveText('Loading…');
  }

  view(name: string): Locator {
    return this.sidebar.getByRole('button', { name, exact: true });
  }

  async showView(name: string): Promise<void> {
    await this.view(name).click();
    await expect(this.view(name)).toHaveAttribute('aria-current', 'page');
    await expect(this.count).not.toHaveText('Loading…');
  }

  row(title: string | RegExp): Locator {
    return this.rows.filter({ hasText: title });
  }

  async selectPaper(title: string | RegExp): Promise<void> {
    await this.row(title).first().click();
    await expect(this.detail.getByRole('heading', { level: 1 })).toContainText(title);
  }

  async titles(): Promise<string[]> {
    return this.rows.locator('.row-title').allTextContents();
  }

  // ── library (#4): search, tags, selection, triage ──

  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search papers' });
  }

  async search(text: string): Promise<void> {
    await this.searchBox.fill(text);
    await this.searchBox.press('Enter');
    await expect(this.count).not.toHaveText('Loading…');
  }

  snippets(): Locator {
    return this.table.getByTestId('snippet');
  }

  get tagList(): Locator {
    return this.sidebar.getByRole('list', { name: 'Tags' });
  }

  tag(name: string): Locator {
    return this.tagList.getByRole('button', { name: new RegExp(`^${name}\\b`) });
  }

  async tagAction(path: string, action: 'Rename…' | 'Merge into…' | 'Delete…'): Promise<void> {
    const more = this.page.getByRole('button', { name: `Tag actions for ${path}`, exact: true });
    await more.locator('..').hover();
    await more.click();
    await this.page.getByRole('menuitem', { name: action }).click();
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  get tagInput(): Locator {
    return this.detail.getByRole('combobox', { name: 'Add tag' });
  }

  async addTagInDetail(path: string): Promise<void> {
    await this.tagInput.fill(path);
    await this.tagInput.press('Enter');
    await expect(this.detail.getByRole('button', { name: `Remove tag ${path}` })).toBeVisible();
  }

  get bulkBar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Selection actions' });
  }

  async key(k: string): Promise<void> {
    await this.page.keyboard.press(k);
  }

  selectedRows(): Locator {
    return this.table.locator('[role=row][aria-selected=true]');
  }

  snap(name: string): Promise<string> {
    return snap(this.page, this.testInfo, name);
  }
}
