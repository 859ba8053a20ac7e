/** Page object for PDFs: Add PDF…, drag & drop, the detail pane's PDF section, the activity pill. */
import type { Locator, Page } from '@playwright/test';

export class PdfsPom {
  readonly addButton: Locator;
  readonly fileInput: Locator;
  readonly notices: Locator;
  readonly activity: Locator;
  readonly section: Locator;
  readonly dropOverlay: Locator;
  readonly settingsButton: Locator;

  constructor(readonly page: Page) {
    this.addButton = page.getByRole('button', { name: 'Add PDF…' });
    this.fileInput = page.getByLabel('Choose PDF files');
    this.notices = page.getByRole('list', { name: 'Import results' });
    this.activity = page.getByRole('status', { name: 'Background activity' });
    this.section = page.getByRole('complementary', { name: 'Details' }).getByRole('region', { name: 'PDF' });
    this.dropOverlay = page.getByRole('dialog', { name: 'Drop PDFs' });
    this.settingsButton = page.getByRole('button', { name: 'PDF settings' });
  }

  async pick(name: string, bytes: Uint8Array): Promise<void> {
    await this.fileInput.setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(bytes) });
  }

  /** Drag a file over the window (the overlay shows); `drop` completes it. Runs in the page. */
  async dragOver(name: string, bytes: Uint8Array): Promise<void> {
    const b64 = Buffer.from(bytes).toString('base64');
    await this.page.evaluate(`(() => {
      const bin = atob(${JSON.stringify(b64)});
      const arr = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) arr[i] = bin.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([arr], ${JSON.stringify(name)}, { type: 'application/pdf' }));
      window.__dt = dt;
      for (const type of ['dragenter', 'dragover']) {
        document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    })()`);
  }

  async drop(): Promise<void> {
    await this.page.evaluate(`document.body.dispatchEvent(
      new DragEvent('drop', { dataTransfer: window.__dt, bubbles: true, cancelable: true }))`);
  }
}
