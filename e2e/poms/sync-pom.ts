/** Page object for the Sync panel and the "New since last sync" view. */
import { expect, type Locator, type Page } from '@playwright/test';

export class SyncPom {
  readonly openButton: Locator;
  readonly panel: Locator;
  readonly sources: Locator;
  readonly runs: Locator;
  readonly digest: Locator;
  readonly digestCount: Locator;

  constructor(readonly page: Page) {
    this.openButton = page.getByRole('navigation', { name: 'Library views' }).getByRole('button', { name: /^(Sync|Syncing…|Sync · interrupted)$/ });
    this.panel = page.getByRole('dialog', { name: 'Sync' });
    this.sources = this.panel.getByRole('list', { name: 'Sources' });
    this.runs = this.panel.getByRole('table', { name: 'Past runs' });
    this.digest = page.getByRole('list', { name: 'New papers' });
    this.digestCount = page.getByTestId('digest-count');
  }

  async open(): Promise<void> {
    await this.openButton.click();
    await expect(this.panel).toBeVisible();
  }

  tab(name: 'Sources' | 'Runs' | 'Watch rules' | 'Settings'): Promise<void> {
    return this.panel.getByRole('tab', { name }).click();
  }

  async addHfRange(from: string, to: string, name: string): Promise<void> {
    const form = this.panel.getByRole('form', { name: 'Add a source' });
    await form.getByLabel('Source').selectOption('hf');
    await form.getByLabel('Period').selectOption('range');
    await form.getByLabel('From').fill(from);
    await form.getByLabel('To').fill(to);
    await form.getByLabel('Name (optional)').fill(name);
    await form.getByRole('button', { name: 'Add source' }).click();
    await expect(this.source(name)).toBeVisible();
  }

  async addRule(field: string, pattern: string, tags: string): Promise<void> {
    const form = this.panel.getByRole('form', { name: 'Add a watch rule' });
    await form.getByLabel('Match').selectOption(field);
    await form.getByLabel('Pattern').fill(pattern);
    await form.getByLabel('Tags').fill(tags);
    await form.getByRole('button', { name: 'Add rule' }).click();
  }

  source(name: string): Locator {
    return this.sources.getByRole('listitem', { name });
  }

  async close(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Close' }).click();
    await expect(this.panel).toBeHidden();
  }
}
