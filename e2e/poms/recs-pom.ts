/** Page object for recommendations: Similar papers in the detail pane and "More like #tag". */
import { expect, type Locator, type Page } from '@playwright/test';

export class RecsPom {
  readonly similar: Locator;
  readonly similarItems: Locator;
  readonly discover: Locator;
  readonly tagPicker: Locator;
  readonly results: Locator;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    const detail = page.getByRole('complementary', { name: 'Details' });
    this.similar = detail.getByRole('list', { name: 'Similar papers' });
    this.similarItems = this.similar.getByRole('listitem');
    this.discover = page.getByRole('region', { name: 'More like tag' });
    this.tagPicker = this.discover.getByRole('combobox', { name: 'Tag' });
    this.results = this.discover.getByRole('list', { name: 'Recommended papers' }).getByRole('listitem');
    this.summary = this.discover.getByTestId('discover-summary');
  }

  async openMoreLikeTag(tagPath: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Library views' }).getByRole('button', { name: 'More like #tag' }).click();
    await expect(this.discover).toBeVisible();
    const option = this.tagPicker.locator('option', { hasText: `#${tagPath} (` });
    await this.tagPicker.selectOption({ value: (await option.getAttribute('value'))! });
    await expect(this.summary).toContainText(`tagged #${tagPath},`);
  }

  async resultTitles(): Promise<string[]> {
    return this.results.locator('.rec-row__title').allTextContents();
  }
}
