/** Page object for notes and export: the Notes section of the detail pane, the Notes view, the Export menu. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { LibraryPom } from './library-pom';

export class NotesPom {
  readonly page: Page;
  readonly panel: Locator;
  readonly editor: Locator;
  readonly preview: Locator;
  readonly status: Locator;
  readonly exportMenu: Locator;

  constructor(readonly library: LibraryPom) {
    this.page = library.page;
    this.panel = library.detail.getByRole('region', { name: 'Notes' });
    this.editor = this.panel.getByRole('textbox', { name: 'Note editor' });
    this.preview = this.panel.getByTestId('note-preview');
    this.status = this.panel.getByTestId('note-status');
    this.exportMenu = this.page.getByRole('button', { name: 'Export' });
  }

  async type(text: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press('ControlOrMeta+End');
    await this.page.keyboard.type(text);
  }

  async waitSaved(): Promise<void> {
    await expect(this.status).toHaveText('Saved');
  }

  async showPreview(): Promise<void> {
    await this.panel.getByRole('tab', { name: 'Preview' }).click();
  }

  async showEditor(): Promise<void> {
    await this.panel.getByRole('tab', { name: 'Write' }).click();
  }

  async openNotesView(): Promise<void> {
    await this.library.sidebar.getByRole('button', { name: 'Notes', exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Notes' })).toBeVisible();
  }

  notesList(): Locator {
    return this.page.getByRole('list', { name: 'Papers with notes' }).getByRole('button');
  }

  async menu(item: string | RegExp): Promise<void> {
    await this.exportMenu.click();
    await this.page.getByRole('menuitem', { name: item }).click();
  }
}
