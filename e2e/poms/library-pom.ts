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

  snap(name: string): Promise<string> {
    return snap(this.page, this.testInfo, name);
  }
}
